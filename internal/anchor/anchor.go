// Package anchor keeps editors' inline comments on their words while a draft changes under
// them. It follows the W3C Web Annotation TextQuoteSelector: a comment remembers the exact text
// it is about, a little text before and after it, and where it was last seen. All offsets count
// Unicode code points (runes), not bytes, because that is what clients count. The package is
// pure: no I/O; besides the standard library it uses only worddiff, to map a comment through an
// edit, sentences, to find the sentences an edit left whole, and x/text's NFC, to compare words
// typed with composed or decomposed accents alike.
package anchor

import (
	"errors"
	"fmt"
	"slices"
	"sync"
	"unicode/utf8"
)

// ContextLen is how many code points of prefix and suffix New keeps. Thirty-two is enough to
// tell repeated phrases apart, yet short enough that an edit in the next sentence does not
// disturb the comment.
const ContextLen = 32

// The errors New and Resolve return, wrapped with context; test them with errors.Is.
var (
	// ErrInvalidSpan means an empty or out-of-range span, or an empty quote.
	ErrInvalidSpan = errors.New("anchor: invalid span")
	// ErrNotFound means the quoted text does not occur in the text.
	ErrNotFound = errors.New("anchor: quote not found")
	// ErrAmbiguous means the quote occurs several times and its context does not pick one.
	ErrAmbiguous = errors.New("anchor: quote is ambiguous")
)

// Selector is a TextQuoteSelector plus a position hint, in code points. Exact is the commented
// text, Prefix and Suffix the text right before and after it, and Start and End the range where
// Exact was last seen; the range is only a hint, the quote is what counts.
type Selector struct {
	Exact, Prefix, Suffix string
	Start, End            int
}

// Status says how a selector was found again. Its zero value is no status at all, so that a
// Result nobody filled in is never mistaken for a found one.
type Status int

// The three outcomes of Locate.
const (
	// Exact means the selector's exact text was found.
	Exact Status = iota + 1
	// Moved means the words were edited and a close match was found; Result.Exact differs.
	Moved
	// Detached means the words are gone; a comment is never attached to unrelated words.
	Detached
)

// String returns the lower-case name of s, for logs and for the API.
func (s Status) String() string {
	switch s {
	case Exact:
		return "exact"
	case Moved:
		return "moved"
	case Detached:
		return "detached"
	}
	return fmt.Sprintf("Status(%d)", int(s))
}

// Result is where Locate found a selector: the code-point range and the text there. A Detached
// result has Start and End zero and keeps the selector's Exact, so the comment can still show
// what it was about. Next is the selector to keep for the following revision: the found words
// with their new context (the zero Selector when detached), so callers need not decode the
// text again to build it.
type Result struct {
	Start, End int
	Exact      string
	Status     Status
	Next       Selector
}

// New builds a selector for text[start:end), counted in code points, with up to ContextLen code
// points of prefix and suffix. It returns ErrInvalidSpan for an empty or out-of-range span.
func New(text string, start, end int) (Selector, error) {
	runes := []rune(text)
	if start < 0 || end > len(runes) || start >= end {
		return Selector{}, fmt.Errorf("anchor: new selector [%d,%d) in %d code points: %w",
			start, end, len(runes), ErrInvalidSpan)
	}
	return selectorAt(runes, start, end), nil
}

// selectorAt builds the selector for runes[start:end), which the caller has checked.
func selectorAt(runes []rune, start, end int) Selector {
	return Selector{
		Exact:  string(runes[start:end]),
		Prefix: string(runes[max(0, start-ContextLen):start]),
		Suffix: string(runes[end:min(len(runes), end+ContextLen)]),
		Start:  start,
		End:    end,
	}
}

// Resolve finds a quote a client sent when creating a comment and returns its code-point range.
// A quote that occurs once is returned whatever its context says, because the client's idea of
// the surrounding text may be slightly stale. A quote that occurs several times needs a prefix
// and suffix that match in full around exactly one occurrence, otherwise Resolve returns
// ErrAmbiguous rather than guess. It returns ErrNotFound when exact does not occur at all. It
// takes time linear in the lengths of its arguments.
func Resolve(text, exact, prefix, suffix string) (start, end int, err error) {
	if exact == "" {
		return 0, 0, fmt.Errorf("anchor: resolve empty quote: %w", ErrInvalidSpan)
	}
	return resolve([]rune(text), []rune(exact), []rune(prefix), []rune(suffix))
}

// Pick finds the words a client chose at [start, end) of the text as it saw it, with their
// context, in text, which may have changed since. The range stands while it holds exact between
// prefix and suffix; otherwise the words were moved by an edit (or the range was counted wrong)
// and are found as Resolve finds them: alone when they occur once, by their whole context when
// they occur several times. So an edit between the client's view and its request can neither
// refuse a comment whose words are still plain to find nor slide it onto a twin of its words
// that moved under the old range. It returns Resolve's errors.
func Pick(text, exact, prefix, suffix string, start, end int) (int, int, error) {
	if exact == "" {
		return 0, 0, fmt.Errorf("anchor: pick empty quote: %w", ErrInvalidSpan)
	}
	t, q, pre, suf := []rune(text), []rune(exact), []rune(prefix), []rune(suffix)
	if start >= len(pre) && start <= len(t) && end-start == len(q) && end <= len(t)-len(suf) &&
		slices.Equal(t[start-len(pre):start], pre) && slices.Equal(t[start:end], q) && slices.Equal(t[end:end+len(suf)], suf) {
		return start, end, nil
	}
	return resolve(t, q, pre, suf)
}

// resolve is Resolve on decoded text t, quote q, prefix pre and suffix suf.
func resolve(t, q, pre, suf []rune) (start, end int, err error) {
	first, seen := firstTwo(t, q)
	switch seen {
	case 0:
		return 0, 0, fmt.Errorf("anchor: resolve %q: %w", string(q), ErrNotFound)
	case 1:
		return first, first + len(q), nil
	}
	// An occurrence whose context matches in full is an occurrence of the three together.
	if fit, fits := firstTwo(t, slices.Concat(pre, q, suf)); fits == 1 {
		return fit + len(pre), fit + len(pre) + len(q), nil
	}
	return 0, 0, fmt.Errorf("anchor: resolve %q (several occurrences): %w", string(q), ErrAmbiguous)
}

// Locate re-anchors sel in a new version of the text. To re-anchor many comments on the same
// text, use LocateAll, which decodes the text once.
func Locate(text string, sel Selector) Result {
	return LocateAll(text, []Selector{sel})[0]
}

// LocateAll re-anchors every selector in sels in text and returns the results in the same
// order. It decodes the text once for all of them, which is most of the cost when comments are
// many and the text is long. It takes time linear in the text and the selectors, plus at most
// workBudget of searching whatever they hold. Words still at their hint with their context cost
// no search. Selectors that need one take turns, shortest quote first since its fuzzy search
// costs least, each with its fair share of the budget left or a searchShares-th of the whole,
// whichever is more. A selector whose search runs out of budget is kept at the best exact place
// seen, or detached, never attached to other words; only a save that sends many long quotes
// searching at once comes to that.
func LocateAll(text string, sels []Selector) []Result {
	buf := decode(text)
	defer runeBufs.Put(buf)
	return locateAll(text, *buf, sels, &budget{left: workBudget})
}

// locateAll is LocateAll on text, already decoded into runes, searching with what b has left and
// charging it for what the searches used. When the text or a selector is not in Unicode NFC, it searches a normalized copy of
// both, so that a name typed again with decomposed accents is still found, and answers in the
// code points of text.
func locateAll(text string, runes []rune, sels []Selector, b *budget) []Result {
	if !needsNFC(text, sels) {
		return locateRunes(runes, sels, b)
	}
	n := newNFCText(text)
	normal := make([]Selector, len(sels))
	for i, sel := range sels {
		normal[i] = n.selector(sel)
	}
	out := locateRunes(n.runes, normal, b)
	for i := range out {
		out[i] = n.back(runes, sels[i], out[i])
	}
	return out
}

// locateRunes is locateAll on text in a single normal form.
func locateRunes(text []rune, sels []Selector, all *budget) []Result {
	left := all.left
	out := make([]Result, len(sels))
	var search []int
	for i, sel := range sels {
		var ok bool
		if out[i], ok = newQuery(text, sel, nil).atHint(); !ok {
			search = append(search, i)
		}
	}
	slices.SortStableFunc(search, func(i, j int) int { return len(sels[i].Exact) - len(sels[j].Exact) })
	for n, i := range search {
		b := budget{left: min(left, max(left/(len(search)-n), workBudget/searchShares))}
		given := b.left
		out[i] = locate(text, sels[i], &b)
		left -= given - b.left
	}
	all.charge(all.left - left)
	return out
}

// Shift moves the hints of sels, made on old, through the edit that turned old into text, so
// that Locate finds words the edit did not touch where they now are, without a search: a
// selector that starts after the last changed code point moves by the change in length, and
// the others keep their hint. After a paste at the top of a long draft every comment below it
// would otherwise be searched for from its old place. The words are not checked here; Locate
// does that, and a hint is only ever a place to look first.
func Shift(old, text string, sels []Selector) {
	_, tail := byteEnds(old, text)
	from := utf8.RuneCountInString(old[:len(old)-tail])
	delta := utf8.RuneCountInString(text[:len(text)-tail]) - from
	for i := range sels {
		if sels[i].Start >= from {
			sels[i].Start += delta
			sels[i].End += delta
		}
	}
}

// byteEnds returns how many bytes old and text share at their start, and then, of what is
// left, at their end, the tail cut back to start at a code point: a byte that starts one never
// continues the code point before it, so both texts decode the tail alike.
func byteEnds(old, text string) (head, tail int) {
	for head < len(old) && head < len(text) && old[head] == text[head] {
		head++
	}
	for tail < len(old)-head && tail < len(text)-head && old[len(old)-1-tail] == text[len(text)-1-tail] {
		tail++
	}
	for tail > 0 && !utf8.RuneStart(old[len(old)-tail]) {
		tail--
	}
	return head, tail
}

// runeBufs recycles decoded texts between calls: decoding a long body into a fresh slice on
// every call makes more garbage, and costs more in collection, than the re-anchoring itself.
// Results never refer to the buffer, since their text is copied into a string.
var runeBufs = sync.Pool{New: func() any { return new([]rune) }}

// decode returns text as code points in a buffer from runeBufs, to be put back after use.
func decode(text string) *[]rune {
	buf := runeBufs.Get().(*[]rune)
	runes := (*buf)[:0]
	for _, r := range text {
		runes = append(runes, r)
	}
	*buf = runes
	return buf
}
