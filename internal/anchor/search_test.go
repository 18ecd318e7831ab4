package anchor

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// outwardOrder is what scanOutward must visit: every occurrence of pat in text, by distance
// from around, the earlier first at equal distance, found the plain way.
func outwardOrder(text, pat []rune, around int) []int {
	var out []int
	for s := 0; s+len(pat) <= len(text); s++ {
		if slices.Equal(text[s:s+len(pat)], pat) {
			out = append(out, s)
		}
	}
	slices.SortStableFunc(out, func(a, b int) int { return abs(a-around) - abs(b-around) })
	return out
}

// randomRunes returns n code points drawn from alphabet.
func randomRunes(rng *rand.Rand, alphabet []rune, n int) []rune {
	r := make([]rune, n)
	for i := range r {
		r[i] = alphabet[rng.IntN(len(alphabet))]
	}
	return r
}

// TestScanOutward checks scanOutward against outwardOrder on random repetitive texts, with
// needles from one code point to longer than a step of the scan, from every kind of place,
// outside the text included.
func TestScanOutward(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 8))
	for _, alphabet := range [][]rune{[]rune("a"), []rune("ab"), []rune("abé👍")} {
		for range 200 {
			text := randomRunes(rng, alphabet, rng.IntN(2000))
			pat := randomRunes(rng, alphabet, 1+rng.IntN(8))
			if len(text) > 0 && rng.IntN(2) == 0 {
				s := rng.IntN(len(text))
				pat = text[s:min(len(text), s+1+rng.IntN(600))]
			}
			around := rng.IntN(len(text)+41) - 20 // contextCenters asks from outside the text too
			var got []int
			scanOutward(text, pat, around, &budget{left: workBudget}, func(s int) bool {
				got = append(got, s)
				return true
			})
			if want := outwardOrder(text, pat, around); !slices.Equal(got, want) {
				t.Fatalf("text %q, pat %q, around %d:\ngot  %v\nwant %v", string(text), string(pat), around, got, want)
			}
		}
	}
}

// TestScanOutwardStops checks that scanOutward stops when visit says so, and when its budget
// is out, having visited the nearest occurrences first and overrun the budget by at most one
// step on each side.
func TestScanOutwardStops(t *testing.T) {
	text := randomRunes(rand.New(rand.NewPCG(1, 1)), []rune("ab"), 20000)
	pat := []rune("abba")
	want := outwardOrder(text, pat, 10000)
	var got []int
	scanOutward(text, pat, 10000, &budget{left: workBudget}, func(s int) bool {
		got = append(got, s)
		return len(got) < 5
	})
	if !slices.Equal(got, want[:5]) {
		t.Errorf("stopped by visit: got %v, want %v", got, want[:5])
	}
	got = got[:0]
	b := budget{left: 3000}
	scanOutward(text, pat, 10000, &b, func(s int) bool {
		got = append(got, s)
		return true
	})
	if len(got) == 0 || len(got) == len(want) || !slices.Equal(got, want[:len(got)]) || b.left != 0 {
		t.Errorf("stopped by budget: visited %d of %d, not a prefix of the order, or budget left %d", len(got), len(want), b.left)
	}
	if reach := abs(got[len(got)-1] - 10000); reach > 3000+2*outwardStep {
		t.Errorf("read %d code points away with a budget of 3000", reach)
	}
}
