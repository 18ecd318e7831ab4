package anchor

import (
	"slices"
	"strings"
)

// RegrowAll widens each result of results, found in text, back to quotes[i], the words its
// comment was first made on, when an edit that cut some of those words away (its result then
// the words left) is undone: text holds the quote whole around the result's words, at the one
// place within the quote where those words stand. Restoring an earlier revision, or typing the
// cut words again, so gives the comment back the words it was made on, and only those around
// the words it is on now, never a copy of them elsewhere. A widened result is Moved, its words
// other than those its selector held. It decodes text once, and compares only around each
// result that is a part of its quote.
func RegrowAll(text string, results []Result, quotes []string) {
	var runes []rune
	for i, res := range results {
		q := quotes[i]
		if res.Status == Detached || res.Exact == "" || q == res.Exact || !strings.Contains(q, res.Exact) {
			continue
		}
		if runes == nil {
			runes = []rune(text)
		}
		if s, ok := regrow(runes, res, []rune(q)); ok {
			next := selectorAt(runes, s, s+len([]rune(q)))
			results[i] = Result{Start: next.Start, End: next.End, Exact: next.Exact, Status: Moved, Next: next}
		}
	}
}

// regrow returns where quote q starts in text when it holds res's words at exactly one place
// of q and text holds q whole there.
func regrow(text []rune, res Result, q []rune) (int, bool) {
	words := []rune(res.Exact)
	found, at := 0, 0
	for k := 0; k+len(words) <= len(q); k++ {
		s := res.Start - k
		if !slices.Equal(q[k:k+len(words)], words) || s < 0 || s+len(q) > len(text) {
			continue
		}
		if slices.Equal(text[s:s+len(q)], q) {
			found, at = found+1, s
		}
	}
	return at, found == 1
}
