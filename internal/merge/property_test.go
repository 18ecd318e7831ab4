package merge

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/worddiff"
)

// history is a base body of unique words and two sides' edits of it. Each edit claims the base
// words it touches, counted through the whole body; edits of the two sides keep at least one
// untouched word between them, which is what not overlapping means.
type history struct {
	base      [][]string
	sides     [2]edits
	next      int
	claimedBy map[int]int // a base word's index in the body → the side (1 or 2) whose edit touches it
}

// edits is one side's changes: per base word an operation, deleted paragraphs, and new
// paragraphs before a base paragraph (len(base) for the end).
type edits struct {
	word      map[[2]int]string // "delete", "replace" or "insert" (a new word before it)
	delPara   map[int]bool
	newBefore map[int]bool
	inserted  []string
	deleted   []string
}

func newHistory(r *rand.Rand) *history {
	h := &history{claimedBy: map[int]int{}}
	for p := range 3 + r.IntN(6) {
		var words []string
		for k := range 4 + r.IntN(9) {
			words = append(words, fmt.Sprintf("b%dw%d", p, k))
		}
		h.base = append(h.base, words)
	}
	for s := range h.sides {
		h.sides[s] = edits{word: map[[2]int]string{}, delPara: map[int]bool{}, newBefore: map[int]bool{}}
	}
	for range 1 + r.IntN(8) {
		h.tryEdit(r, r.IntN(2))
	}
	return h
}

// flat is the index of word k of paragraph p in the whole body.
func (h *history) flat(p, k int) int {
	n := k
	for _, words := range h.base[:p] {
		n += len(words)
	}
	return n
}

// claim takes the words for side s if neither side touches them already and the other side
// touches none of their neighbours.
func (h *history) claim(s int, words ...int) bool {
	for _, w := range words {
		if h.claimedBy[w] != 0 || h.claimedBy[w-1] == 2-s || h.claimedBy[w+1] == 2-s {
			return false
		}
	}
	for _, w := range words {
		h.claimedBy[w] = s + 1
	}
	return true
}

func (h *history) newWord(s int) string {
	h.next++
	return fmt.Sprintf("%c%d", "tm"[s], h.next)
}

// tryEdit adds one random edit to side s, unless it would touch what the other side touches.
func (h *history) tryEdit(r *rand.Rand, s int) {
	e := &h.sides[s]
	p := r.IntN(len(h.base))
	words := h.base[p]
	switch op := r.IntN(5); op {
	case 0: // delete a whole paragraph
		all := make([]int, len(words))
		for k := range words {
			all[k] = h.flat(p, k)
		}
		if h.claim(s, all...) {
			e.delPara[p] = true
			e.deleted = append(e.deleted, words...)
		}
	case 1: // a new paragraph before p, or at the end
		if r.IntN(4) == 0 {
			p = len(h.base)
		}
		if h.claim(s, h.flat(p, 0)-1, h.flat(p, 0)) {
			e.newBefore[p] = true
		}
	default:
		k := r.IntN(len(words))
		kind := []string{"delete", "replace", "insert"}[op-2]
		at := []int{h.flat(p, k)}
		if kind == "insert" {
			at = append(at, at[0]-1)
		}
		if kind == "delete" && h.deletes(p) >= len(words)-1 {
			return // a paragraph keeps a word, or it would be a blank line
		}
		if h.claim(s, at...) {
			e.word[[2]int{p, k}] = kind
			if kind != "insert" {
				e.deleted = append(e.deleted, words[k])
			}
		}
	}
}

// deletes counts the words of paragraph p that either side deletes.
func (h *history) deletes(p int) int {
	n := 0
	for _, e := range h.sides {
		for at, kind := range e.word {
			if at[0] == p && kind == "delete" {
				n++
			}
		}
	}
	return n
}

// text renders side s's body (or the base's, for s < 0), recording the words it inserts.
func (h *history) text(s int) string {
	var e *edits
	if s >= 0 {
		e = &h.sides[s]
	} else {
		e = &edits{}
	}
	var paras []string
	for p := range len(h.base) + 1 {
		if e.newBefore[p] {
			paras = append(paras, h.newWord(s)+" "+h.newWord(s))
			e.inserted = append(e.inserted, strings.Fields(paras[len(paras)-1])...)
		}
		if p == len(h.base) || e.delPara[p] {
			continue
		}
		var out []string
		for k, w := range h.base[p] {
			switch e.word[[2]int{p, k}] {
			case "delete":
			case "replace":
				out = append(out, h.newWord(s))
				e.inserted = append(e.inserted, out[len(out)-1])
			case "insert":
				out = append(out, h.newWord(s), w)
				e.inserted = append(e.inserted, out[len(out)-2])
			default:
				out = append(out, w)
			}
		}
		paras = append(paras, strings.Join(out, " "))
	}
	return strings.Join(paras, "\n")
}

// TestNonOverlappingEditsMerge makes random edit histories in which the two sides never touch
// neighbouring words, and checks that each merges without conflict into a text holding every
// word either side inserted and no word either side deleted.
func TestNonOverlappingEditsMerge(t *testing.T) {
	r := rand.New(rand.NewPCG(15, 4))
	for i := range 2000 {
		h := newHistory(r)
		base, theirs, mine := h.text(-1), h.text(0), h.text(1)
		res := Texts(body(base), body(theirs), body(mine))
		got, ok := res.Merged()
		if !ok {
			t.Fatalf("history %d conflicts: %+v\nbase   %q\ntheirs %q\nmine   %q", i, res.Conflicts, base, theirs, mine)
		}
		have := worddiff.Tokens(got.Body)
		for s, e := range h.sides {
			for _, w := range e.inserted {
				if !slices.Contains(have, w) {
					t.Fatalf("history %d: side %d's new word %q is missing from %q", i, s, w, got.Body)
				}
			}
			for _, w := range e.deleted {
				if slices.Contains(have, w) {
					t.Fatalf("history %d: side %d deleted %q, but the merge %q has it", i, s, w, got.Body)
				}
			}
		}
	}
}

func FuzzMerge(f *testing.F) {
	f.Add("The quick brown fox.\nThe lazy dog.", "The slow brown fox.\nThe lazy dog.", "The quick brown fox.\nThe lazy cat.")
	f.Add("a b a b", "b a b a", "a a b b")
	f.Add("", "x", "y\n\nz")
	f.Add("p\nq\nr", "q\nr\np", "p\nr")
	f.Fuzz(func(t *testing.T, base, x, y string) {
		b := body(base)
		for _, tc := range []struct {
			name         string
			theirs, mine string
			want         string
		}{
			{"MineUnchanged", x, base, x},
			{"TheirsUnchanged", base, y, y},
			{"SameOnBothSides", x, x, x},
		} {
			got, ok := Texts(b, body(tc.theirs), body(tc.mine)).Merged()
			if !ok || got.Body != tc.want {
				t.Fatalf("%s: merge(%q, %q, %q) = %q, %v; want %q", tc.name, base, tc.theirs, tc.mine, got.Body, ok, tc.want)
			}
		}
		// Which side is which only names the conflicts: a clean merge is the same both ways.
		xy, okXY := Texts(b, body(x), body(y)).Merged()
		yx, okYX := Texts(b, body(y), body(x)).Merged()
		if okXY != okYX || xy.Body != yx.Body {
			t.Fatalf("merge(%q, %q, %q) = %q, %v but the other way round %q, %v", base, x, y, xy.Body, okXY, yx.Body, okYX)
		}
	})
}

// longBody is a body of about 1,500 words in 15 paragraphs.
func longBody(r *rand.Rand) []string {
	paras := make([]string, 15)
	for p := range paras {
		words := make([]string, 100)
		for k := range words {
			words[k] = fmt.Sprintf("w%d", r.IntN(3000))
		}
		paras[p] = strings.Join(words, " ") + "."
	}
	return paras
}

// BenchmarkTexts merges two edits of a 1,500-word body: each side changes words in three
// paragraphs, and both change different words of one more.
func BenchmarkTexts(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 500))
	paras := longBody(r)
	edit := func(ps []int, word string) newsroom.Text {
		out := slices.Clone(paras)
		for _, p := range ps {
			out[p] = strings.Replace(out[p], " w", " "+word+" w", 1)
		}
		return body(out...)
	}
	base, theirs := body(paras...), edit([]int{1, 4, 7, 9}, "theirs")
	mine := edit([]int{2, 5, 8}, "mine")
	p9 := strings.Fields(paras[9])
	p9[80] = "mine"
	mineParas := paragraphs(mine.Body)
	mineParas[9] = strings.Join(p9, " ")
	mine.Body = strings.Join(mineParas, "\n")
	if _, ok := Texts(base, theirs, mine).Merged(); !ok {
		b.Fatal("the benchmark's edits conflict")
	}
	for b.Loop() {
		Texts(base, theirs, mine)
	}
}
