package anchor

import (
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// nfcText is a text in Unicode Normalization Form C with the way back to the code points of
// the text it was made from, so that a search can compare words typed with composed or
// decomposed accents alike and still answer in the stored text's offsets.
type nfcText struct {
	runes []rune
	// orig[i] is the code point of the stored text where runes[i] comes from: the start of the
	// stretch it was normalized from. orig[len(runes)] is the stored text's length.
	orig []int
	// from[j] is the index in runes of the stored text's code point j, and of its end at
	// j == length.
	from []int
}

// needsNFC reports whether text or any selector of sels is not in NFC, which is rare: only then
// is searching in normalized form worth its cost.
func needsNFC(text string, sels []Selector) bool {
	if !norm.NFC.IsNormalString(text) {
		return true
	}
	for _, s := range sels {
		if !norm.NFC.IsNormalString(s.Exact) || !norm.NFC.IsNormalString(s.Prefix) || !norm.NFC.IsNormalString(s.Suffix) {
			return true
		}
	}
	return false
}

// newNFCText normalizes text segment by segment, keeping the map between the two.
func newNFCText(text string) *nfcText {
	n := &nfcText{}
	var it norm.Iter
	it.InitString(norm.NFC, text)
	at := 0
	for !it.Done() {
		from := it.Pos()
		seg := it.Next()
		for range utf8.RuneCountInString(text[from:it.Pos()]) {
			n.from = append(n.from, len(n.runes))
		}
		for _, r := range string(seg) {
			n.runes = append(n.runes, r)
			n.orig = append(n.orig, at)
		}
		at += utf8.RuneCountInString(text[from:it.Pos()])
	}
	n.orig = append(n.orig, at)
	n.from = append(n.from, len(n.runes))
	return n
}

// selector returns sel normalized, its hint moved into the normalized text.
func (n *nfcText) selector(sel Selector) Selector {
	return Selector{
		Exact:  norm.NFC.String(sel.Exact),
		Prefix: norm.NFC.String(sel.Prefix),
		Suffix: norm.NFC.String(sel.Suffix),
		Start:  n.from[min(max(sel.Start, 0), len(n.from)-1)],
		End:    n.from[min(max(sel.End, 0), len(n.from)-1)],
	}
}

// back returns res, found in the normalized text for sel, in the stored text's code points.
func (n *nfcText) back(text []rune, sel Selector, res Result) Result {
	if res.Status == Detached {
		return Result{Exact: sel.Exact, Status: Detached}
	}
	q := &query{text: text, exact: []rune(sel.Exact)}
	s, e := n.orig[res.Start], n.orig[res.End]
	if e <= s {
		return Result{Exact: sel.Exact, Status: Detached}
	}
	return q.result(s, e)
}

// starts reports whether the stored text's code point i starts a stretch normalized on its
// own, so that the normal form of a span starting or ending there is that stretch of runes.
func (n *nfcText) starts(i int) bool { return n.orig[n.from[i]] == i }
