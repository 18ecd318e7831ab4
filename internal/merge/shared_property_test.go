package merge

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/worddiff"
)

// twinHistory is a base body of sentences and two sides' edits of it that both add the same new
// sentence, or the same new paragraph, in the same place, each with edits of its own around it.
// Base sentences share their common words ("The", "council", the full stops) with the added one,
// which is what lets each side's diff place it on either side of them.
type twinHistory struct {
	base    [][][]string // paragraphs of sentences of words; the last word of a sentence ends with "."
	added   string
	asPara  bool
	repeats bool // whether base words other than full stops repeat
	p, s    int  // the added sentence goes before sentence s of paragraph p, or the paragraph before p
	sides   [2]twinSide
	next    int
	taken   map[[3]int]int // a base word (paragraph, sentence, word) → the side (1 or 2) that edits it
}

// twinSide is one side's edits: per base word, "replace", "insert" (a new word before it) or
// "delete", the base paragraphs it deletes, and the words it made up.
type twinSide struct {
	word     map[[3]int]string
	delPara  map[int]bool
	inserted []string
	deleted  []string
}

var twinCommon = []string{"The", "council", "said", "it"}

func newTwinHistory(r *rand.Rand) *twinHistory {
	h := &twinHistory{taken: map[[3]int]int{}, repeats: r.IntN(2) == 0}
	for p := range 1 + r.IntN(4) {
		var para [][]string
		for s := range 1 + r.IntN(4) {
			var words []string
			for k := range 2 + r.IntN(4) {
				w := fmt.Sprintf("b%dx%dx%d", p, s, k)
				if h.repeats && r.IntN(3) == 0 {
					w = twinCommon[r.IntN(len(twinCommon))]
				}
				words = append(words, w)
			}
			para = append(para, words)
		}
		h.base = append(h.base, para)
	}
	h.added = twinCommon[r.IntN(len(twinCommon))] + " " + h.newWord("s") + " adjourned."
	h.asPara = r.IntN(4) == 0
	h.p = r.IntN(len(h.base) + 1)
	if !h.asPara {
		h.p = min(h.p, len(h.base)-1)
		h.s = r.IntN(len(h.base[h.p]) + 1)
	}
	for s := range h.sides {
		h.sides[s].word = map[[3]int]string{}
		h.sides[s].delPara = map[int]bool{}
	}
	for range r.IntN(6) {
		h.tryEdit(r, r.IntN(2))
	}
	return h
}

func (h *twinHistory) newWord(tag string) string {
	h.next++
	return fmt.Sprintf("%s%d", tag, h.next)
}

// tryEdit edits a random base word for side s, unless the other side edits it or a word next
// to it in its sentence.
func (h *twinHistory) tryEdit(r *rand.Rand, s int) {
	p := r.IntN(len(h.base))
	if r.IntN(6) == 0 {
		h.tryDeletePara(s, p)
		return
	}
	i := r.IntN(len(h.base[p]))
	sentence := h.base[p][i]
	k := r.IntN(len(sentence))
	for d := -1; d <= 1; d++ {
		if owner := h.taken[[3]int{p, i, k + d}]; owner != 0 && owner != s+1 || d == 0 && owner != 0 {
			return
		}
	}
	kind := []string{"replace", "insert", "delete"}[r.IntN(3)]
	if kind == "delete" && (len(sentence) < 3 || k == len(sentence)-1) {
		return // a sentence keeps its full stop and two words
	}
	if k == 0 && p == h.p && (i == h.s || h.asPara && i == 0) {
		return // the word after the added sentence is where both sides edit
	}
	h.taken[[3]int{p, i, k}] = s + 1
	h.sides[s].word[[3]int{p, i, k}] = kind
	if kind != "insert" {
		h.sides[s].deleted = append(h.sides[s].deleted, strings.TrimSuffix(sentence[k], "."))
	}
}

// tryDeletePara deletes base paragraph p for side s, unless the other side edits a word of it, or
// it holds the added sentence, or it is the only paragraph left.
func (h *twinHistory) tryDeletePara(s, p int) {
	if !h.asPara && p == h.p || len(h.sides[s].delPara)+1 >= len(h.base) {
		return
	}
	for i, sentence := range h.base[p] {
		for k := range sentence {
			if owner := h.taken[[3]int{p, i, k}]; owner != 0 && owner != s+1 {
				return
			}
		}
	}
	for i, sentence := range h.base[p] {
		for k, w := range sentence {
			h.taken[[3]int{p, i, k}] = s + 1
			if h.sides[s].word[[3]int{p, i, k}] != "delete" {
				h.sides[s].deleted = append(h.sides[s].deleted, strings.TrimSuffix(w, "."))
			}
		}
	}
	h.sides[s].delPara[p] = true
}

// text renders side s's body, or the base's for s < 0.
func (h *twinHistory) text(s int) string {
	e := &twinSide{}
	if s >= 0 {
		e = &h.sides[s]
	}
	var paras []string
	for p := range len(h.base) + 1 {
		if s >= 0 && h.asPara && p == h.p {
			paras = append(paras, h.added)
		}
		if p == len(h.base) {
			break
		}
		if e.delPara[p] {
			continue
		}
		var sentences []string
		for i := range len(h.base[p]) + 1 {
			if s >= 0 && !h.asPara && p == h.p && i == h.s {
				sentences = append(sentences, h.added)
			}
			if i == len(h.base[p]) {
				break
			}
			var out []string
			for k, w := range h.base[p][i] {
				last := k == len(h.base[p][i])-1
				switch e.word[[3]int{p, i, k}] {
				case "replace":
					n := h.newWord("tm"[s : s+1])
					e.inserted = append(e.inserted, n)
					if last {
						n += "."
					}
					out = append(out, n)
				case "insert":
					n := h.newWord("tm"[s : s+1])
					e.inserted = append(e.inserted, n)
					out = append(out, n, w)
				case "delete":
				default:
					out = append(out, w)
				}
				if last && !strings.HasSuffix(out[len(out)-1], ".") {
					out[len(out)-1] += "."
				}
			}
			sentences = append(sentences, strings.Join(out, " "))
		}
		paras = append(paras, strings.Join(sentences, " "))
	}
	return strings.Join(paras, "\n")
}

// TestSharedAdditionsPrintOnce makes random histories in which both sides add the same sentence,
// or the same paragraph, in the same place, at the start, middle or end of a paragraph, and make
// edits of their own that touch no word the other side's touch or is next to, some deleting whole
// paragraphs. A merge holds the added sentence once, every word either side made up, and no word
// either side deleted, and it is the same whichever side is which. Where the base repeats no word
// but its full stops and no paragraph is deleted, each merges without conflict. Where it repeats
// the added sentence's words too, a side's edit can read as two (a word replaced, or one added
// and the next one kept); and a side that deletes paragraphs and writes as many has them matched
// as edits of the ones it deleted, or deletes the one next to the added sentence, an edit of the
// same place: a conflict is allowed there.
func TestSharedAdditionsPrintOnce(t *testing.T) {
	r := rand.New(rand.NewPCG(18, 7))
	conflicts := 0
	for i := range 5000 {
		h := newTwinHistory(r)
		base, x, y := h.text(-1), h.text(0), h.text(1)
		xy, okXY := Texts(body(base), body(x), body(y)).Merged()
		yx, okYX := Texts(body(base), body(y), body(x)).Merged()
		if okXY != okYX || xy.Body != yx.Body {
			t.Fatalf("history %d: merge = %q, %v but the other way round %q, %v\nbase   %q\ntheirs %q\nmine   %q", i, xy.Body, okXY, yx.Body, okYX, base, x, y)
		}
		if !okXY {
			if !h.repeats && len(h.sides[0].delPara)+len(h.sides[1].delPara) == 0 {
				t.Fatalf("history %d conflicts:\nbase   %q\ntheirs %q\nmine   %q", i, base, x, y)
			}
			conflicts++
			continue
		}
		got := xy.Body
		if n := strings.Count(got, h.added); n != 1 {
			t.Fatalf("history %d: the merge holds %q %d times:\nbase   %q\ntheirs %q\nmine   %q\ngot    %q", i, h.added, n, base, x, y, got)
		}
		have := worddiff.Tokens(got)
		for s, e := range h.sides {
			for _, w := range e.inserted {
				if !slices.Contains(have, w) {
					t.Fatalf("history %d: side %d's new word %q is missing:\nbase   %q\ntheirs %q\nmine   %q\ngot    %q", i, s, w, base, x, y, got)
				}
			}
			for _, w := range e.deleted {
				if slices.Contains(have, w) && !slices.Contains(twinCommon, w) {
					t.Fatalf("history %d: side %d deleted %q, but the merge has it:\nbase   %q\ntheirs %q\nmine   %q\ngot    %q", i, s, w, base, x, y, got)
				}
			}
		}
	}
	t.Logf("%d of 5000 histories conflict", conflicts)
}
