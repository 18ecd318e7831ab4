// Package anchor keeps editors' inline comments on their words while a draft changes under
// them. It follows the W3C Web Annotation TextQuoteSelector: a comment remembers the exact text
// it is about, a little text before and after it, and where it was last seen. All offsets count
// Unicode code points (runes), not bytes, because that is what clients count. The package is
// pure: no I/O, no dependencies beyond the standard library.
package anchor

import (
	"errors"
	"fmt"
	"slices"
	"sync"
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
// ErrAmbiguous rather than guess. It returns ErrNotFound when exact does not occur at all.
func Resolve(text, exact, prefix, suffix string) (start, end int, err error) {
	if exact == "" {
		return 0, 0, fmt.Errorf("anchor: resolve empty quote: %w", ErrInvalidSpan)
	}
	t, q := []rune(text), []rune(exact)
	pre, suf := []rune(prefix), []rune(suffix)
	if len(q) > len(t) {
		return 0, 0, fmt.Errorf("anchor: resolve %q: %w", exact, ErrNotFound)
	}
	first, seen, fit, fits := -1, 0, -1, 0
	for s := index(t, q, 0, len(t)-len(q)); s >= 0; s = index(t, q, s+1, len(t)-len(q)) {
		if seen++; first < 0 {
			first = s
		}
		e := s + len(q)
		if hasSuffix(t[:s], pre) && hasPrefix(t[e:], suf) {
			if fits++; fit < 0 {
				fit = s
			}
		}
	}
	switch {
	case seen == 0:
		return 0, 0, fmt.Errorf("anchor: resolve %q: %w", exact, ErrNotFound)
	case seen == 1:
		return first, first + len(q), nil
	case fits == 1:
		return fit, fit + len(q), nil
	}
	return 0, 0, fmt.Errorf("anchor: resolve %q (%d occurrences): %w", exact, seen, ErrAmbiguous)
}

// Locate re-anchors sel in a new version of the text. To re-anchor many comments on the same
// text, use LocateAll, which decodes the text once.
func Locate(text string, sel Selector) Result {
	return locate([]rune(text), sel)
}

// LocateAll re-anchors every selector in sels in text and returns the results in the same
// order. It decodes the text once for all of them, which is most of the cost when comments are
// many and the text is long. Each result is the same as Locate would give for that selector.
func LocateAll(text string, sels []Selector) []Result {
	buf := decode(text)
	defer runeBufs.Put(buf)
	out := make([]Result, len(sels))
	for i, sel := range sels {
		out[i] = locate(*buf, sel)
	}
	return out
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

// index returns the first s in [from, to] where pat occurs in text, or -1. Callers keep
// to+len(pat) within text. A plain scan is enough: Resolve runs once per new comment.
func index(text, pat []rune, from, to int) int {
	first, rest := pat[0], pat[1:]
	for s := max(from, 0); s <= to; s++ {
		if text[s] == first && slices.Equal(text[s+1:s+len(pat)], rest) {
			return s
		}
	}
	return -1
}

// hasPrefix reports whether s starts with p.
func hasPrefix(s, p []rune) bool { return len(s) >= len(p) && slices.Equal(s[:len(p)], p) }

// hasSuffix reports whether s ends with p.
func hasSuffix(s, p []rune) bool { return len(s) >= len(p) && slices.Equal(s[len(s)-len(p):], p) }
