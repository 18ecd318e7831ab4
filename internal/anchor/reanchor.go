package anchor

import (
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Reanchor moves sels, made on old, onto their words in text, and returns the results in the
// same order. A selector that holds at its hint in old, in a paragraph found unchanged and once
// in each text, or a long enough sentence found whole, unchanged and once in each, stays on its
// words there wherever it went (see pieces.unmoved), and so does one on words of the paragraph
// the edit moved and edited in one save that the paragraph's own diff kept (see movedParagraph);
// words that diff kept are never another comment's. A comment in a paragraph the ledger placed
// unchanged beside the moved one stays in that paragraph (see movedParagraph.placedAt) when the
// diff of the whole text puts it on the moved one's words, or when it would be detached. Where the
// diff from old to text can say, it decides the rest: a selector that holds at its
// hint in old, words and context, is carried through the diff (see edit.follow), so a comment
// whose words survive stays on them, however often the text repeats them, and one whose words
// were corrected follows the correction, unless the diff takes it out of a paragraph the texts
// have as often, each time whole, into none of them: then it stays in the one with as many of
// them before it in each text (see pieces.inOrder). The others, made on an older text, are searched for as
// LocateAll does, from hints moved through the edit by Shift. A comment whose words the diff
// saw deleted is searched for too, in case its paragraph moved, but an exact occurrence takes
// it only with one side of its context intact in full, and no match takes it in words the edit
// left unchanged elsewhere (see settle); so is one the diff followed with both
// sides of its context changed (see settle). Neither the diff nor the search gives a selector
// that holds the words of another such paragraph or sentence (see pieces.othersWords): a twin
// phrase that sat there all along. Words the diff followed past a plain insertion or deletion
// right before them that could as well sit right after them keep their place (see edit.slide):
// a sentence typed again beside itself never takes the comment to the copy; where the text
// cannot tell the words from such a copy, the comment is detached (see torn). All of it shares
// one workBudget: each comment pays for checking and following its quote by its length (see
// followCost), the diff is paid for when a comment first needs it, a selector the diff cannot be
// paid for is searched for, and the search is bounded as in LocateAll. A comment the budget cannot pay for at all keeps its stored
// anchor (see keepStored). Each text is decoded, and normalized if need be, once per call.
func Reanchor(old, text string, sels []Selector) []Result {
	return NewWork().Reanchor(old, text, sels)
}

// Work is one workBudget of comparing that several calls share: the steps that carry a comment
// through each version it missed, or re-anchoring a field's comments and regrowing them (see
// RegrowAll), together cost no more than one Reanchor may.
type Work struct{ b budget }

// NewWork returns a full workBudget.
func NewWork() *Work { return &Work{b: budget{left: workBudget}} }

// Spent reports how much of the budget the calls on w used, in code points compared or read.
func (w *Work) Spent() int { return workBudget - w.b.left }

// Short reports whether a call on w found the budget could not pay for work it needed, and
// settled an answer for less: a caller that can answer another way should.
func (w *Work) Short() bool { return w.b.short }

// Reanchor is Reanchor paid from w.
func (w *Work) Reanchor(old, text string, sels []Selector) []Result {
	ov, nv := newView(old), newView(text)
	defer ov.release()
	defer nv.release()
	b := &w.b
	out := make([]Result, len(sels))
	said := make([]mapping, len(sels))
	var e *edit
	diffed := false
	var fixed *pieces
	indexed := false
	var moved *movedParagraph
	sought := false
	movedOne := func() *movedParagraph {
		if !sought {
			moved, sought = findMoved(fixed, b), true
		}
		return moved
	}
	othersWords := func(s, e int, sel Selector) bool {
		return fixed.othersWords(s, e, sel.Start, sel.End) || movedOne().othersWords(s, e, sel.Start, sel.End)
	}
	var search, unpaid []int
	for i, sel := range sels {
		if !b.spend(followCost(sel.End - sel.Start)) {
			unpaid = append(unpaid, i)
			continue
		}
		if q, holds := ov.holds(sel); holds {
			if !indexed {
				indexed, fixed = true, indexPieces(ov, nv, b)
			}
			s, from, to, ok := fixed.unmovedIn(sel.Start, sel.End)
			if ok && s != sel.Start && !diffed {
				e, diffed = newEdit(*ov.runes, *nv.runes, b), true
			}
			// A piece found whole where it did not stand may be a copy of it, the piece itself
			// edited where it stood: the diff tells (see editedInPlace).
			if ok && (s == sel.Start || e == nil || !fixed.editedInPlace(e, from, to, sel.Start, sel.End, s)) {
				out[i], said[i] = q.through(nv, ov, sel, b).resultAs(s, s+sel.End-sel.Start, Exact), followed
				continue
			}
			if s, ok := movedOne().keptAt(sel.Start, sel.End); ok && !fixed.othersWords(s, s+sel.End-sel.Start, sel.Start, sel.End) {
				out[i], said[i] = q.through(nv, ov, sel, b).resultAs(s, s+sel.End-sel.Start, Exact), followed
				continue
			}
			if !diffed {
				e, diffed = newEdit(*ov.runes, *nv.runes, b), true
			}
			if e != nil {
				out[i], said[i] = e.follow(q.through(nv, ov, sel, b), sel)
				if said[i] == followed || said[i] == weak {
					if s, ok := e.slide(out[i].Start, out[i].End, sel.Start, sel.End, b); !ok {
						out[i], said[i] = Result{Exact: sel.Exact, Status: Detached}, torn
					} else if s != out[i].Start {
						out[i] = q.through(nv, ov, sel, b).resultAs(s, s+out[i].End-out[i].Start, out[i].Status)
					}
				}
				if said[i] == followed || said[i] == weak {
					if s, from, to, ok := fixed.inOrder(sel.Start, sel.End, out[i].Start, out[i].End); ok && !fixed.editedInPlace(e, from, to, sel.Start, sel.End, s) {
						out[i], said[i] = q.through(nv, ov, sel, b).resultAs(s, s+sel.End-sel.Start, Exact), followed
					}
				}
			}
			if othersWords(out[i].Start, out[i].End, sel) {
				out[i], said[i] = Result{}, gone
				if s, ok := movedOne().placedAt(sel.Start, sel.End); ok && !othersWords(s, s+sel.End-sel.Start, sel) {
					out[i], said[i] = q.through(nv, ov, sel, b).resultAs(s, s+sel.End-sel.Start, Exact), followed
				}
			}
		}
		if said[i] != followed && said[i] != torn {
			search = append(search, i)
		}
	}
	keepStored(old, text, sels, unpaid, out)
	searched := pick(sels, search)
	Shift(old, text, searched)
	for k, res := range locateAll(text, *nv.runes, searched, b) {
		i := search[k]
		if sel := sels[i]; said[i] != unsaid && othersWords(res.Start, res.End, sel) {
			res = Result{Exact: sel.Exact, Status: Detached}
		}
		out[i] = settle(e, fixed, said[i], out[i], res, sels[i], *nv.runes)
		if sel := sels[i]; out[i].Status != Detached && fixed.otherTwin(sel.Start, sel.End, out[i].Start, out[i].End) {
			out[i] = Result{Exact: sel.Exact, Status: Detached}
		}
		if sel := sels[i]; out[i].Status == Detached && said[i] != unsaid {
			if s, ok := movedOne().placedAt(sel.Start, sel.End); ok && !othersWords(s, s+sel.End-sel.Start, sel) {
				out[i] = newQuery(*nv.runes, sel, nil).resultAs(s, s+sel.End-sel.Start, Exact)
			}
		}
	}
	return out
}

// through returns q, which holds in the old text ov, as the query that follows it into the new
// text nv, paying from b: the same quote and context, compared in the views.
func (q *query) through(nv, ov *view, sel Selector, b *budget) *query {
	return &query{text: *nv.runes, exact: q.exact, prefix: q.prefix, suffix: q.suffix,
		hint: min(max(sel.Start, 0), len(*nv.runes)), b: b, on: nv, quoteIn: ov, quoteAt: q.hint}
}

// keepStored answers for the selectors of sels at idx, which the budget could not pay to
// follow. One whose stored range lies wholly in the text the edit left as it was, before or
// after the changed middle, keeps its words there, moved by Shift: they are the same code
// points. One whose range reaches into the middle is detached rather than reported on words
// nobody checked.
func keepStored(old, text string, sels []Selector, idx []int, out []Result) {
	if len(idx) == 0 {
		return
	}
	head, from := unchanged(old, text)
	kept := pick(sels, idx)
	Shift(old, text, kept)
	for k, i := range idx {
		sel, was := kept[k], sels[i]
		if was.End <= head || was.Start >= from {
			out[i] = Result{Start: sel.Start, End: sel.End, Exact: sel.Exact, Status: Exact, Next: sel}
		} else {
			out[i] = Result{Exact: was.Exact, Status: Detached}
		}
	}
}

// unchanged returns, in code points of old, where the edit that turned old into text begins
// (the length of the common head) and where the common tail begins, as Shift measures them.
func unchanged(old, text string) (head, from int) {
	same, tail := byteEnds(old, text)
	// The head ends where the first differing code point starts.
	h := same
	for h > 0 && h < len(old) && !utf8.RuneStart(old[h]) {
		h--
	}
	return utf8.RuneCountInString(old[:h]), utf8.RuneCountInString(old[:len(old)-tail])
}

// pick returns the selectors of sels at idx, copied.
func pick(sels []Selector, idx []int) []Selector {
	out := make([]Selector, len(idx))
	for k, i := range idx {
		out[k] = sels[i]
	}
	return out
}

// settle decides between what the diff e said of sel, mapped, and what the search found, res. A
// weak mapping gives way to an exact occurrence whose context agrees better, the words of a
// moved sentence, unless the edit kept that occurrence as it was, no closer to the comment's
// context than before (see twinAllAlong); it stands when it shows minEvidence, and otherwise
// detaches: words the diff saw kept are not traded for a fuzzy match. A comment whose words are gone takes a fuzzy match,
// but no exact occurrence without the context wholeContext asks for, and nothing the edit left
// unchanged elsewhere: those words were there before, beside the deleted ones, and were never
// the comment's. Deleting the second of "The mayor said the plan would work. The governor said
// the plan would work." leaves the first with the deleted one's context, in full on one side.
// The diff's word for where words came from gives way to fixed's, though: words of a paragraph
// found whole, once in each text, stand where that paragraph went (see pieces.movedAway), and a
// diff that paired them with a twin sentence of a paragraph moved and edited past it said
// nothing of the moved one's words.
func settle(e *edit, fixed *pieces, said mapping, mapped, res Result, sel Selector, text []rune) Result {
	detached := Result{Exact: sel.Exact, Status: Detached}
	if said == gone && res.Status != Detached {
		if from, kept := e.keptElsewhere(res.Start, res.End, sel.Start, sel.End); kept && !fixed.movedAway(from, from+res.End-res.Start, res.Start) {
			return detached
		}
	}
	if said == unsaid || wholeContext(res, sel) {
		return res
	}
	if said == weak {
		q := newQuery(text, sel, nil)
		score := q.contextScore(mapped.Start, mapped.End)
		if res.Status == Exact && q.contextScore(res.Start, res.End) > score && !e.twinAllAlong(res, sel) {
			return res
		}
		if len(q.exact)+score >= minEvidence {
			return mapped
		}
		return detached
	}
	if res.Status == Exact {
		return detached
	}
	return res
}

// wholeContext reports whether res found sel's words with one side of sel's context intact in
// full: the evidence that the words moved, or that the diff paired them with a twin, which an
// identical phrase elsewhere with weaker context does not show.
func wholeContext(res Result, sel Selector) bool {
	return res.Status == Exact && (res.Next.Prefix == sel.Prefix || res.Next.Suffix == sel.Suffix)
}

// sameNFC reports whether a and b read the same once both are in Unicode Normalization Form C,
// so that a name typed again with decomposed accents is the same words.
func sameNFC(a, b []rune) bool {
	return norm.NFC.String(string(a)) == norm.NFC.String(string(b))
}

// resultAs describes text[s:e) as found with status st.
func (q *query) resultAs(s, e int, st Status) Result {
	next := Selector{}
	if q.on != nil {
		next = q.on.selectorAt(s, e)
	} else {
		next = selectorAt(q.text, s, e)
	}
	return Result{Start: s, End: e, Exact: next.Exact, Status: st, Next: next}
}

// isQuote reports whether text[s:e) is the quote, code point for code point.
func (q *query) isQuote(s, e int) bool {
	if q.on != nil {
		return e-s == len(q.exact) && q.on.span(s, e) == q.quoteIn.span(q.quoteAt, q.quoteAt+len(q.exact))
	}
	return slices.Equal(q.text[s:e], q.exact)
}

// equalWords reports whether text[s:e) is the quote, in NFC. Normalizing changes a text's
// length by a few code points per character at most, so a span of a very different length is
// not normalized to find out: after a rewrite, a comment's range can map onto the whole body.
func (q *query) equalWords(s, e int) bool {
	if q.isQuote(s, e) {
		return true
	}
	m := len(q.exact)
	if e-s > maxNFCGrowth*m || m > maxNFCGrowth*(e-s) {
		return false
	}
	if q.on != nil {
		return q.on.sameNFC(s, e, q.quoteIn, q.quoteAt, q.quoteAt+m, q.b)
	}
	return sameNFC(q.text[s:e], q.exact)
}

// maxNFCGrowth bounds how many code points one character takes in one normal form for each it
// takes in the other, as far as comparing words goes: a letter with two accents is three.
const maxNFCGrowth = 4

// Untouched reports whether the one diff from old to text leaves the words [start, end) of old,
// in code points, where they are: text differs from old only before or only after them and
// ContextLen code points on each side, and what differs, cut or typed, holds no copy of them.
func Untouched(old, text string, start, end int) bool {
	runes := []rune(old)
	if start < 0 || end > len(runes) || start >= end {
		return false
	}
	head, from := unchanged(old, text)
	if min(len(runes), end+ContextLen) > head && max(0, start-ContextLen) < from {
		return false
	}
	words := string(runes[start:end])
	same, tail := byteEnds(old, text)
	changed := func(s string) string { return s[max(0, same-len(words)):min(len(s), len(s)-tail+len(words))] }
	return !strings.Contains(changed(old), words) && !strings.Contains(changed(text), words)
}
