package anchor

import (
	"slices"
	"sync"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// The prices of Reanchor's work on each comment, in the units of budget. Each comment's quote is
// compared with the text several times, at its hint in the old text, then where the diff maps
// it, as a whole and at each end; normalizing is paid for apart.
const (
	// compareShare is how many code points compared cost one unit of the budget: comparing
	// stretches of the texts byte by byte takes at most about 0.15 ns per code point, a sixteenth of
	// reading one with the search's pattern.
	compareShare = 16
	// followCompares is how many times following a comment compares its quote at most.
	followCompares = 4
	// normalCost is what putting a text in NFC, keeping the map back to its code points, costs
	// per code point, as much as diffing it; checking that it is in NFC costs one.
	normalCost = diffCost
	// spanNFC is the length of two spans together up to which comparing them in NFC normalizes
	// the spans themselves rather than the texts they are in: a quote of a few words.
	spanNFC = 4096
)

// followCost is what checking that a selector with a quote of m code points holds at its hint
// and following it through the edit costs.
func followCost(m int) int { return (followCompares*max(m, 0) + compareShare - 1) / compareShare }

// view is one of Reanchor's two texts, decoded once for all its comments: its code points,
// where each of them starts in the string, so that the quotes and the results' selectors are
// compared and cut out of the string rather than decoded and encoded per comment, and its NFC
// form, made the first time a comparison needs it.
type view struct {
	str   string
	runes *[]rune
	// at[i] is the byte offset in str of code point i, and at[len] is len(str): bodies are far
	// shorter than 2 GiB.
	at *[]int32
	// isNormal says str is in NFC, and normal is its normal form when it is not; tried says
	// whether they were settled, which they are not when the budget cannot pay for it.
	normal          *nfcText
	isNormal, tried bool
}

// offsetBufs recycles views' byte offsets between calls, as runeBufs does their code points.
var offsetBufs = sync.Pool{New: func() any { return new([]int32) }}

// newView decodes text, in valid UTF-8, into buffers from runeBufs and offsetBufs that release
// puts back.
func newView(text string) *view {
	if !utf8.ValidString(text) {
		// Each byte that starts no code point decodes as U+FFFD, as in the selectors made on
		// the text, so the view's string is the text written back from its code points.
		text = string([]rune(text))
	}
	buf, offs := runeBufs.Get().(*[]rune), offsetBufs.Get().(*[]int32)
	runes, at := (*buf)[:0], (*offs)[:0]
	for i, r := range text {
		runes, at = append(runes, r), append(at, int32(i))
	}
	*buf, *offs = runes, append(at, int32(len(text)))
	return &view{str: text, runes: buf, at: offs}
}

// release gives the view's buffers back; the view must not be used after.
func (v *view) release() {
	runeBufs.Put(v.runes)
	offsetBufs.Put(v.at)
}

// span returns the text of code points [s, e) as a part of the string, without copying it.
func (v *view) span(s, e int) string { return v.str[(*v.at)[s]:(*v.at)[e]] }

// selectorAt is the package's selectorAt, cut out of the string.
func (v *view) selectorAt(s, e int) Selector {
	n := len(*v.runes)
	return Selector{
		Exact:  v.span(s, e),
		Prefix: v.span(max(0, s-ContextLen), s),
		Suffix: v.span(e, min(n, e+ContextLen)),
		Start:  s,
		End:    e,
	}
}

// holds returns the query of sel on the view when sel holds at its hint, its quote and its
// context there in full, without decoding the quote: the query's quote is the view's own code
// points. A selector whose End does not end its quote does not hold.
func (v *view) holds(sel Selector) (*query, bool) {
	s, e := sel.Start, sel.End
	if s < 0 || e > len(*v.runes) || s >= e || v.span(s, e) != sel.Exact {
		return nil, false
	}
	q := &query{text: *v.runes, exact: (*v.runes)[s:e], prefix: []rune(sel.Prefix), suffix: []rune(sel.Suffix), hint: s}
	return q, q.contextScore(s, e) == perfect
}

// normalize settles, the first time, whether the view is in NFC, as it usually is, and when it
// is not, its normal form, paying from b. It reports whether b could pay.
func (v *view) normalize(b *budget) bool {
	if !v.tried {
		v.tried = true
		if !b.spend(len(*v.runes)) {
			return false
		}
		v.isNormal = norm.NFC.IsNormalString(v.str)
		if !v.isNormal && b.spend(normalCost*len(*v.runes)) {
			v.normal = newNFCText(v.str)
		}
	}
	return v.isNormal || v.normal != nil
}

// sameNFC reports whether code points [s, e) of v and [os, oe) of o read the same in NFC. Spans
// of two texts in NFC are in NFC themselves, so they read the same only when they are the same.
// Where both texts were normalized and all four ends start a stretch that normalizes on its own,
// it compares the texts' normal forms; elsewhere it normalizes both spans, paying from b.
func (v *view) sameNFC(s, e int, o *view, os, oe int, b *budget) bool {
	short := e-s+oe-os <= spanNFC
	if !short && (!v.normalize(b) || !o.normalize(b)) {
		return false
	}
	if !short && v.isNormal && o.isNormal {
		return v.span(s, e) == o.span(os, oe)
	}
	if n, on := v.normal, o.normal; !short && n != nil && on != nil && n.starts(s) && n.starts(e) && on.starts(os) && on.starts(oe) {
		return slices.Equal(n.runes[n.from[s]:n.from[e]], on.runes[on.from[os]:on.from[oe]])
	}
	if !b.spend(normalCost * (e - s + oe - os)) {
		return false
	}
	return norm.NFC.String(v.span(s, e)) == norm.NFC.String(o.span(os, oe))
}
