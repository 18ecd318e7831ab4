package anchor

import (
	"slices"
	"sort"
	"unicode"
	"unicode/utf8"

	"github.com/copydesk/copydesk/internal/worddiff"
)

// segment is one stretch of an edit, in code points: old[oldStart:oldEnd) became
// new[newStart:newEnd), unchanged when same is set. A pure insertion has oldStart == oldEnd.
type segment struct {
	oldStart, oldEnd, newStart, newEnd int
	same                               bool
}

// edit is the change from old to text as a sorted run of segments covering both.
type edit struct {
	old, text []rune
	segs      []segment
}

// diffCost is what diffing the changed middle of two texts costs, in the units of budget, per
// code point of the middle: tokenizing and interning each one and the search over the tokens,
// about 40 ns, measured on a 1 MiB body rewritten whole. A rewrite of a body at the length limit
// so takes a third of the budget and leaves the rest to the search.
const diffCost = 16

// newEdit diffs old and text, given as code points, paying from b. Only the middle between
// their common head and tail, cut back to whole words, is diffed, word by word with worddiff, which bounds its own work;
// the head and tail are unchanged stretches. It returns nil, leaving every comment to the
// search, when the diff would take more than half of what is left in b: a middle that long is
// a rewrite of a body past the length limit, where the diff would say little.
func newEdit(old, text []rune, b *budget) *edit {
	head, tail := commonEnds(old, text)
	for head > 0 && (midWord(old, head) || midWord(text, head)) {
		head--
	}
	for tail > 0 && (midWord(old, len(old)-tail) || midWord(text, len(text)-tail)) {
		tail--
	}
	oldMid, newMid := old[head:len(old)-tail], text[head:len(text)-tail]
	if cost := diffCost * (len(oldMid) + len(newMid)); cost > b.left/2 || !b.spend(cost) {
		b.short = true
		return nil
	}
	e := &edit{old: old, text: text, segs: []segment{{0, head, 0, head, true}}}
	o, n := head, head
	for _, c := range worddiff.Words(string(oldMid), string(newMid)) {
		size := utf8.RuneCountInString(c.Text)
		switch c.Op {
		case worddiff.Equal:
			e.add(segment{o, o + size, n, n + size, true})
			o, n = o+size, n+size
		case worddiff.Delete:
			e.add(segment{o, o + size, n, n, false})
			o += size
		case worddiff.Insert:
			e.add(segment{o, o, n, n + size, false})
			n += size
		}
	}
	e.add(segment{o, len(old), n, len(text), true})
	return e
}

// add appends s, merging it into the last segment when both are changes, so that a deletion
// and the insertion that replaces it are one change, or both unchanged, so that a stretch the
// edit kept is one segment however the diff cut it.
func (e *edit) add(s segment) {
	if s.oldStart == s.oldEnd && s.newStart == s.newEnd {
		return
	}
	if last := &e.segs[len(e.segs)-1]; s.same == last.same {
		last.oldEnd, last.newEnd = s.oldEnd, s.newEnd
		return
	}
	e.segs = append(e.segs, s)
}

// keptElsewhere reports whether new code points [s, end) lie wholly in a stretch the edit left
// unchanged, and came there from old code points that do not overlap [oldStart, oldEnd): words
// that were in the old text already, apart from the range a comment was on. from is where they
// start in the old text.
func (e *edit) keptElsewhere(s, end, oldStart, oldEnd int) (from int, ok bool) {
	i := sort.Search(len(e.segs), func(i int) bool { return e.segs[i].newEnd > s })
	if i == len(e.segs) {
		return 0, false
	}
	sg := e.segs[i]
	if !sg.same || s < sg.newStart || end > sg.newEnd {
		return 0, false
	}
	from = sg.oldStart + s - sg.newStart
	return from, from+end-s <= oldStart || from >= oldEnd
}

// keptAt returns where old code points [s, end) stand in the new text when the edit left them
// unchanged, in one stretch, and -1 otherwise.
func (e *edit) keptAt(s, end int) int {
	i := sort.Search(len(e.segs), func(i int) bool { return e.segs[i].oldEnd > s })
	if i == len(e.segs) || !e.segs[i].same || end > e.segs[i].oldEnd {
		return -1
	}
	return e.segs[i].newStart + s - e.segs[i].oldStart
}

// keptWithin counts the old code points of [from, to) that the edit left unchanged and put in
// new code points [s, end).
func (e *edit) keptWithin(from, to, s, end int) int {
	n := 0
	for i := sort.Search(len(e.segs), func(i int) bool { return e.segs[i].oldEnd > from }); i < len(e.segs) && e.segs[i].oldStart < to; i++ {
		sg := e.segs[i]
		if !sg.same {
			continue
		}
		lo := max(from, sg.oldStart, s-sg.newStart+sg.oldStart)
		hi := min(to, sg.oldEnd, end-sg.newStart+sg.oldStart)
		n += max(0, hi-lo)
	}
	return n
}

// twinAllAlong reports whether res, found for sel, is words the edit kept from old code points
// apart from sel's range, whose context agreed with sel's in the old text at least as well as it
// does now: a twin of the comment's words before the edit, which the edit brought no closer to
// them. A twin the diff paired across a swap of sentences gains the comment's context, and is
// not one.
func (e *edit) twinAllAlong(res Result, sel Selector) bool {
	from, ok := e.keptElsewhere(res.Start, res.End, sel.Start, sel.End)
	if !ok {
		return false
	}
	before := newQuery(e.old, sel, nil).contextScore(from, from+res.End-res.Start)
	return before >= newQuery(e.text, sel, nil).contextScore(res.Start, res.End)
}

// mapStart returns where a range starting at old code point x starts in the new text: at the
// same code point when it is unchanged, at the start of its replacement when it is inside a
// change. An insertion right before the range stays outside it.
func (e *edit) mapStart(x int) int {
	i := sort.Search(len(e.segs), func(i int) bool { return e.segs[i].oldEnd > x })
	s := e.segs[i]
	if s.same {
		return s.newStart + x - s.oldStart
	}
	return s.newStart
}

// mapEnd returns where a range ending before old code point x ends in the new text: after the
// same code point when it is unchanged, at the end of its replacement when it is inside a
// change. An insertion right after the range stays outside it.
func (e *edit) mapEnd(x int) int {
	i := sort.Search(len(e.segs), func(i int) bool { return e.segs[i].oldStart >= x }) - 1
	s := e.segs[i]
	if s.same {
		return s.newStart + x - s.oldStart
	}
	return s.newEnd
}

// mapping is what the diff says of one comment.
type mapping int

// The things the diff can say of a comment's range.
const (
	// unsaid means the diff cannot say: the selector does not hold at its hint in the old text.
	unsaid mapping = iota
	// followed means the range maps onto its words, or a small edit of them, with at least one
	// side of its context intact in full: the edit, if any, was inside it or on one side.
	followed
	// weak means the range maps onto its words or a small edit of them, but the text on both
	// sides changed, as when sentences swap places and the diff pairs the words with their twin
	// in the other sentence, or a rewrite keeps a common word.
	weak
	// gone means its words were deleted or rewritten beyond a small edit.
	gone
	// torn means the range maps onto a copy of its words and, as likely, onto a small edit of
	// them beside it (see follow), or onto words the diff could as well have deleted in place of
	// a copy beside them (see edit.slide): the comment is detached rather than left on a guess.
	torn
)

// follow carries sel, which holds at its hint in the old text, through e into the query's text.
// Words that survive map exactly. So do words found whole at the start or the end of where the
// range maps: in repeated text the diff may put an insertion or a deletion inside the range that
// could as well sit beside it; but only where they keep the quote's word boundaries, since "the
// plan" at the start of "the planners" is not the commented words; and words found at the end
// only where the start of the range does not hold a small edit of the quote in whole words:
// "said Smith" becoming "said Dr. Smith. “No,” said Smith" is as likely "said Dr. Smith" as the
// copy at the end, and the text cannot tell which, so the comment is torn. Edited words map to
// their replacement when at most half the quote changed, counting what the diff deleted from it
// or inserted into it; a short quote of shortSpan code points or fewer maps to a replacement one
// edit away when its context agrees in full. Anything else is gone.
func (e *edit) follow(q *query, sel Selector) (Result, mapping) {
	s, end := e.mapStart(sel.Start), e.mapEnd(sel.End)
	m := len(q.exact)
	var res Result
	switch {
	case end > s && q.equalWords(s, end):
		res = q.resultAs(s, end, Exact)
	case s+m <= len(q.text) && q.isQuote(s, s+m) && q.keepsBoundaries(s, s+m):
		res = q.resultAs(s, s+m, Exact)
	case end-m >= 0 && q.isQuote(end-m, end) && q.keepsBoundaries(end-m, end):
		if q.editStartingAt(s, end-m) {
			return Result{Exact: sel.Exact, Status: Detached}, torn
		}
		res = q.resultAs(end-m, end, Exact)
	case end > s && q.smallEdit(e.kept(sel.Start, sel.End), s, end):
		res = q.resultAs(s, end, Moved)
	default:
		return Result{}, gone
	}
	if q.prefixScore(res.Start) < ContextLen && q.suffixScore(res.End) < ContextLen {
		return res, weak
	}
	return res, followed
}

// keepsBoundaries reports whether text[s:e) starts and ends a word wherever the quote did in the
// old text, as its context shows: a quote that ended a word must not run on into a longer one.
func (q *query) keepsBoundaries(s, e int) bool {
	startJoined := len(q.prefix) > 0 && joins(q.prefix[len(q.prefix)-1], q.exact[0])
	endJoined := len(q.suffix) > 0 && joins(q.exact[len(q.exact)-1], q.suffix[0])
	return (startJoined || s == 0 || !joins(q.text[s-1], q.text[s])) &&
		(endJoined || e == len(q.text) || !joins(q.text[e-1], q.text[e]))
}

// midWord reports whether index i of text falls inside a word: "the plan" and "the planners"
// share "the plan", but the unchanged head of the edit is "the ", and "plan" became "planners".
func midWord(text []rune, i int) bool { return i > 0 && i < len(text) && joins(text[i-1], text[i]) }

// joins reports whether a and b, side by side, are in one word, as worddiff splits words: both
// letters, digits or combining marks.
func joins(a, b rune) bool { return wordRune(a) && wordRune(b) }

// wordRune reports whether r is part of a word.
func wordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) }

// kept returns how many code points of old[start:end) the edit left unchanged, counting in a
// change wholly inside the range the code points its start and end kept: "mayor" became
// "mayors" by adding one.
func (e *edit) kept(start, end int) int {
	n := 0
	i := sort.Search(len(e.segs), func(i int) bool { return e.segs[i].oldEnd > start })
	for ; i < len(e.segs) && e.segs[i].oldStart < end; i++ {
		switch sg := e.segs[i]; {
		case sg.same:
			n += min(end, sg.oldEnd) - max(start, sg.oldStart)
		case start <= sg.oldStart && sg.oldEnd <= end:
			n += sharedEnds(e.old[sg.oldStart:sg.oldEnd], e.text[sg.newStart:sg.newEnd])
		}
	}
	return n
}

// sharedEnds returns how many code points a and b have in common at their start and their end,
// counting none twice.
func sharedEnds(a, b []rune) int {
	head, tail := commonEnds(a, b)
	return head + tail
}

// commonEnds returns how many code points a and b share at their start, and then, of what is
// left, at their end.
func commonEnds(a, b []rune) (head, tail int) {
	for head < len(a) && head < len(b) && a[head] == b[head] {
		head++
	}
	for tail < len(a)-head && tail < len(b)-head && a[len(a)-1-tail] == b[len(b)-1-tail] {
		tail++
	}
	return head, tail
}

// shortSpan is the longest quote that may follow a single edit of one of its code points when
// its context agrees in full: "12" corrected to "13", "$40" to "$45".
const shortSpan = 3

// smallEdit reports whether text[s:e), where the diff put the quote of which it kept kept code
// points, is a small enough edit of the quote to follow.
func (q *query) smallEdit(kept, s, e int) bool {
	m := len(q.exact)
	if m <= shortSpan {
		return q.contextScore(s, e) == perfect && q.editDistance(q.text[s:e]) <= 1
	}
	changed := max(m, e-s) - kept
	return 2*changed <= m
}

// editDistance returns the edit distance between a quote of at most shortSpan code points and
// got, with the bit-parallel matcher anchored at got's start; a got more than one code point
// longer or shorter is simply far.
func (q *query) editDistance(got []rune) int {
	if abs(len(got)-len(q.exact)) > 1 {
		return len(q.exact) + len(got)
	}
	mt := newMatcher(q.exact)
	d := len(q.exact)
	for _, r := range got {
		d = mt.step(r, 1)
	}
	return d
}

// editStartingAt reports whether text from s, before limit, holds a small edit of the quote (see
// smallEdit) that ends with the quote's last word, whole, and starts a word at s: the quote with
// words typed inside it. A quote of one word has no such edit.
func (q *query) editStartingAt(s, limit int) bool {
	last := lastSpace(q.exact)
	if last < 0 {
		return false
	}
	word := q.exact[last+1:]
	for x := s + len(q.exact); x <= min(limit, s+2*len(q.exact)); x++ {
		w := x - len(word)
		if !slices.Equal(q.text[w:x], word) || !q.keepsBoundaries(w, x) || w <= s {
			continue
		}
		return q.keepsBoundaries(s, x) && q.smallEdit(sharedEnds(q.exact, q.text[s:x]), s, x)
	}
	return false
}

// lastSpace returns the index of the last space of r, or -1.
func lastSpace(r []rune) int {
	for i := len(r) - 1; i >= 0; i-- {
		if unicode.IsSpace(r[i]) {
			return i
		}
	}
	return -1
}
