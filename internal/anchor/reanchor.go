package anchor

import (
	"slices"

	"golang.org/x/text/unicode/norm"
)

// Reanchor moves sels, made on old, onto their words in text, and returns the results in the
// same order. Where the diff from old to text can say, it decides: a selector that holds at its
// hint in old, words and context, is carried through the diff (see edit.follow), so a comment
// whose words survive stays on them, however often the text repeats them, and one whose words
// were corrected follows the correction. The others, made on an older text, are searched for as
// LocateAll does, from hints moved through the edit by Shift. A comment whose words the diff
// saw deleted is searched for too, in case its paragraph moved, but an exact occurrence takes
// it only with one side of its context intact in full; so is one the diff followed with both
// sides of its context changed (see settle). All of it shares one workBudget: the diff is paid
// for first, a selector it has no budget left to follow is searched for, and the search is
// bounded as in LocateAll.
func Reanchor(old, text string, sels []Selector) []Result {
	oldBuf, buf := decode(old), decode(text)
	defer runeBufs.Put(oldBuf)
	defer runeBufs.Put(buf)
	b := &budget{left: workBudget}
	out := make([]Result, len(sels))
	said := make([]mapping, len(sels))
	var e *edit
	diffed := false
	var search []int
	for i, sel := range sels {
		if _, holds := newQuery(*oldBuf, sel, nil).atHint(); holds {
			if !diffed {
				e, diffed = newEdit(*oldBuf, *buf, b), true
			}
			if e != nil {
				out[i], said[i] = e.follow(newQuery(*buf, sel, b), sel)
			}
		}
		if said[i] != followed {
			search = append(search, i)
		}
	}
	searched := make([]Selector, len(search))
	for k, i := range search {
		searched[k] = sels[i]
	}
	Shift(old, text, searched)
	for k, res := range locateAll(text, *buf, searched, b.left) {
		i := search[k]
		out[i] = settle(said[i], out[i], res, sels[i], *buf)
	}
	return out
}

// settle decides between what the diff said of sel, mapped, and what the search found, res. A
// weak mapping gives way to an exact occurrence whose context agrees better, the words of a
// moved sentence, stands when it shows minEvidence, and otherwise detaches: words the diff saw
// kept are not traded for a fuzzy match. A comment whose words are gone takes a fuzzy match,
// but no exact occurrence without the context wholeContext asks for.
func settle(said mapping, mapped, res Result, sel Selector, text []rune) Result {
	if said == unsaid || wholeContext(res, sel) {
		return res
	}
	detached := Result{Exact: sel.Exact, Status: Detached}
	if said == weak {
		q := newQuery(text, sel, nil)
		score := q.contextScore(mapped.Start, mapped.End)
		if res.Status == Exact && q.contextScore(res.Start, res.End) > score {
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
	next := selectorAt(q.text, s, e)
	return Result{Start: s, End: e, Exact: next.Exact, Status: st, Next: next}
}

// equalWords reports whether text[s:e) is the quote, in NFC. Normalizing changes a text's
// length by a few code points per character at most, so a span of a very different length is
// not normalized to find out: after a rewrite, a comment's range can map onto the whole body.
func (q *query) equalWords(s, e int) bool {
	got := q.text[s:e]
	if slices.Equal(got, q.exact) {
		return true
	}
	return len(got) <= maxNFCGrowth*len(q.exact) && len(q.exact) <= maxNFCGrowth*len(got) && sameNFC(got, q.exact)
}

// maxNFCGrowth bounds how many code points one character takes in one normal form for each it
// takes in the other, as far as comparing words goes: a letter with two accents is three.
const maxNFCGrowth = 4
