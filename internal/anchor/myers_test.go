package anchor

import (
	"math/rand/v2"
	"testing"
)

// dpColumn is the textbook dynamic-programming edit distance that the matcher must agree with:
// after each code point of text, the distance between p and the best substring ending there
// (anchored false) or the text read so far (anchored true).
func dpColumn(p, text []rune, anchored bool) []int {
	col := make([]int, len(p)+1)
	for i := range col {
		col[i] = i
	}
	out := make([]int, len(text))
	for j, c := range text {
		diag := col[0]
		if anchored {
			col[0] = j + 1
		}
		for i := 1; i <= len(p); i++ {
			cost := 1
			if p[i-1] == c {
				cost = 0
			}
			next := min(diag+cost, col[i]+1, col[i-1]+1)
			diag, col[i] = col[i], next
		}
		out[j] = col[len(p)]
	}
	return out
}

// TestMatcher checks the bit-parallel matcher against dpColumn on random strings over a small
// alphabet, with patterns long enough to span several 64-bit blocks.
func TestMatcher(t *testing.T) {
	alphabet := []rune("abcé👍 ")
	rng := rand.New(rand.NewPCG(1, 2))
	word := func(n int) []rune {
		r := make([]rune, n)
		for i := range r {
			r[i] = alphabet[rng.IntN(len(alphabet))]
		}
		return r
	}
	for _, m := range []int{1, 2, 5, 63, 64, 65, 127, 128, 130, 200} {
		p, text := word(m), word(300)
		for _, top := range []int{0, 1} {
			mt := newMatcher(p)
			want := dpColumn(p, text, top == 1)
			for j, c := range text {
				if got := mt.step(c, top); got != want[j] {
					t.Fatalf("m=%d top=%d after %d code points: got %d, want %d", m, top, j+1, got, want[j])
				}
			}
		}
	}
}
