package merge

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// movedTwice is a base body of paragraphs of unique words, many of them short, and two sides
// that both move the same paragraph, each to a place of its own, one of them perhaps editing it
// too, and each replacing words of other paragraphs.
type movedTwice struct {
	base     []string
	moved    int
	next     int
	inserted [2][]string // the words each side made up and kept
}

func newMovedTwice(r *rand.Rand) *movedTwice {
	h := &movedTwice{}
	for p := range 3 + r.IntN(4) {
		var words []string
		for k := range 1 + r.IntN(6) {
			words = append(words, fmt.Sprintf("b%dx%d", p, k))
		}
		h.base = append(h.base, strings.Join(words, " ")+".")
	}
	h.moved = r.IntN(len(h.base))
	return h
}

func (h *movedTwice) word(s int) string {
	h.next++
	return fmt.Sprintf("%c%d", "tm"[s], h.next)
}

// side makes side s's body: the moved paragraph, edited when edit says so, somewhere else, and
// up to two words of other paragraphs replaced.
func (h *movedTwice) side(r *rand.Rand, s int, edit bool) string {
	out := slices.Clone(h.base)
	moved := strings.Fields(out[h.moved])
	if edit {
		k := r.IntN(len(moved))
		switch r.IntN(3) {
		case 0:
			moved[k] = h.word(s) + "."[:strings.Count(moved[k], ".")]
		case 1:
			moved = slices.Insert(moved, k, h.word(s))
		default:
			if len(moved) > 1 && k < len(moved)-1 {
				moved = slices.Delete(moved, k, k+1)
			} else {
				moved = slices.Insert(moved, 0, h.word(s))
			}
		}
	}
	out = slices.Delete(out, h.moved, h.moved+1)
	q := r.IntN(len(out) + 1)
	out = slices.Insert(out, q, strings.Join(moved, " "))
	for range r.IntN(3) {
		p := r.IntN(len(out))
		if p == q {
			continue
		}
		words := strings.Fields(out[p])
		k := r.IntN(len(words))
		words[k] = h.word(s) + "."[:strings.Count(words[k], ".")]
		out[p] = strings.Join(words, " ")
	}
	text := strings.Join(out, "\n")
	for _, w := range strings.Fields(text) {
		if w[0] == "tm"[s] {
			h.inserted[s] = append(h.inserted[s], strings.TrimSuffix(w, "."))
		}
	}
	return text
}

// TestMovedTwiceNeverPrintedTwice makes random histories in which both sides move the same
// paragraph, to the same place or to different ones, and one of them or neither also edits it,
// while both replace words elsewhere. Every word is unique, so a merge that holds a word twice
// printed the moved paragraph twice: a clean merge never does, keeps every word either side made
// up, and is the same whichever side is which. Short paragraphs (one to three words) are most of
// those moved, since an edit leaves them no run of words whole.
func TestMovedTwiceNeverPrintedTwice(t *testing.T) {
	r := rand.New(rand.NewPCG(84, 200))
	for i := range 5000 {
		h := newMovedTwice(r)
		edit := r.IntN(3)
		base, x, y := strings.Join(h.base, "\n"), h.side(r, 0, edit == 0), h.side(r, 1, edit == 1)
		xy, okXY := Texts(body(base), body(x), body(y)).Merged()
		yx, okYX := Texts(body(base), body(y), body(x)).Merged()
		if okXY != okYX || xy.Body != yx.Body {
			t.Fatalf("history %d: merge = %q, %v but the other way round %q, %v\nbase   %q\ntheirs %q\nmine   %q", i, xy.Body, okXY, yx.Body, okYX, base, x, y)
		}
		if !okXY {
			continue
		}
		seen := map[string]bool{}
		for _, w := range strings.Fields(xy.Body) {
			if w = strings.TrimSuffix(w, "."); seen[w] {
				t.Fatalf("history %d: the merge holds %q twice:\nbase   %q\ntheirs %q\nmine   %q\ngot    %q", i, w, base, x, y, xy.Body)
			}
			seen[w] = true
		}
		for s, words := range h.inserted {
			for _, w := range words {
				if !seen[w] {
					t.Fatalf("history %d: side %d's new word %q is missing:\nbase   %q\ntheirs %q\nmine   %q\ngot    %q", i, s, w, base, x, y, xy.Body)
				}
			}
		}
	}
}

// BenchmarkTextsMoved merges two edits of a 1,500-word body that both move its fourth paragraph
// to the end, and change words of three other paragraphs each: the merge looks for a paragraph
// printed twice.
func BenchmarkTextsMoved(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 500))
	paras := longBody(r)
	edit := func(ps []int, word string) newsroom.Text {
		out := slices.Clone(paras)
		for _, p := range ps {
			out[p] = strings.Replace(out[p], " w", " "+word+" w", 1)
		}
		out = append(slices.Delete(out, 3, 4), paras[3])
		return body(out...)
	}
	base, theirs, mine := body(paras...), edit([]int{1, 5, 9}, "theirs"), edit([]int{2, 7, 11}, "mine")
	if _, ok := Texts(base, theirs, mine).Merged(); !ok {
		b.Fatal("the benchmark's edits conflict")
	}
	for b.Loop() {
		Texts(base, theirs, mine)
	}
}
