package merge

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// TestShapesMergeWithWordEdits makes bodies of sentences of unique words, one side (the shaper)
// splitting a paragraph at a sentence, joining two, swapping two sentences of a paragraph,
// recasing a word or changing a stop, and the other (the editor) replacing, inserting or
// deleting words of paragraphs the shaper left as they were. A clean merge is the shaper's body
// with the editor's words in it: every word the editor typed once, none it deleted, and every
// other word as often as the shaper's body holds it. Either side may be theirs.
func TestShapesMergeWithWordEdits(t *testing.T) {
	r := rand.New(rand.NewPCG(16, 16))
	clean, bad := 0, 0
	for i := range 20000 {
		var base [][]string // paragraphs of sentences
		n := 0
		for range 2 + r.IntN(5) {
			var p []string
			for range 1 + r.IntN(3) {
				var words []string
				for range 1 + r.IntN(4) {
					n++
					words = append(words, fmt.Sprintf("w%d", n))
				}
				p = append(p, strings.Join(words, " ")+".")
			}
			base = append(base, p)
		}
		join := func(ps [][]string) string {
			out := make([]string, len(ps))
			for k, p := range ps {
				out[k] = strings.Join(p, " ")
			}
			return strings.Join(out, "\n")
		}
		shaped := slices.Clone(base)
		touched := map[int]bool{}
		k := r.IntN(len(shaped))
		switch op := r.IntN(5); {
		case op == 0 && len(shaped[k]) > 1:
			at := 1 + r.IntN(len(shaped[k])-1)
			shaped = slices.Concat(shaped[:k], [][]string{shaped[k][:at], shaped[k][at:]}, shaped[k+1:])
			touched[k] = true
		case op == 1 && k+1 < len(shaped):
			shaped = slices.Concat(shaped[:k], [][]string{slices.Concat(shaped[k], shaped[k+1])}, shaped[k+2:])
			touched[k], touched[k+1] = true, true
		case op == 2 && len(shaped[k]) > 1:
			p := slices.Clone(shaped[k])
			a := r.IntN(len(p) - 1)
			p[a], p[a+1] = p[a+1], p[a]
			shaped[k], touched[k] = p, true
		case op == 3:
			p := slices.Clone(shaped[k])
			p[0] = "W" + p[0][1:]
			shaped[k], touched[k] = p, true
		default:
			p := slices.Clone(shaped[k])
			last := len(p) - 1
			p[last] = strings.TrimSuffix(p[last], ".") + "!"
			shaped[k], touched[k] = p, true
		}
		edited := slices.Clone(base)
		for range 1 + r.IntN(3) {
			e := r.IntN(len(edited))
			if touched[e] {
				continue
			}
			p := slices.Clone(edited[e])
			s := r.IntN(len(p))
			words := strings.Fields(strings.TrimSuffix(p[s], "."))
			w := r.IntN(len(words))
			n++
			neww := fmt.Sprintf("e%d", n)
			switch r.IntN(3) {
			case 0:
				words[w] = neww
			case 1:
				words = slices.Insert(words, w, neww)
			default:
				if len(words) == 1 {
					continue
				}
				words = slices.Delete(words, w, w+1)
			}
			p[s] = strings.Join(words, " ") + "."
			edited[e] = p
		}
		b, x, y := join(base), join(shaped), join(edited)
		var typed, cut []string
		for _, w := range wordsOf(y) {
			if w[0] == 'e' {
				typed = append(typed, w)
			}
		}
		for _, w := range wordsOf(b) {
			if !slices.Contains(wordsOf(y), w) {
				cut = append(cut, w)
			}
		}
		for side := range 2 {
			theirs, mine := x, y
			if side == 1 {
				theirs, mine = y, x
			}
			got, ok := Texts(body(b), body(theirs), body(mine)).Merged()
			if !ok {
				continue
			}
			clean++
			have := map[string]int{}
			for _, w := range wordsOf(got.Body) {
				have[strings.ToLower(w)]++
			}
			fail := ""
			for _, w := range typed {
				if have[w] != 1 {
					fail = fmt.Sprintf("holds typed %q %d times", w, have[w])
				}
			}
			for _, w := range cut {
				if have[w] != 0 {
					fail = fmt.Sprintf("holds cut %q %d times", w, have[w])
				}
			}
			for w, c := range have {
				if c > 1 {
					fail = fmt.Sprintf("holds %q %d times", w, c)
				}
			}
			for _, w := range wordsOf(strings.ToLower(x)) {
				if have[w] == 0 && !slices.Contains(cut, w) {
					fail = fmt.Sprintf("lost %q", w)
				}
			}
			if fail != "" {
				bad++
				if bad <= 4 {
					t.Errorf("history %d (side %d): the merge %s:\nbase   %q\nshaped %q\nedited %q\ngot    %q", i, side, fail, b, x, y, got.Body)
				}
			}
		}
	}
	t.Logf("%d of 40000 merges clean, %d of them wrong", clean, bad)
	if bad > 0 {
		t.Errorf("%d merges lost or doubled words", bad)
	}
}
