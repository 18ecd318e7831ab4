package anchor

import (
	"sort"

	"github.com/copydesk/copydesk/internal/quotes"
)

// movedCost is what finding the paragraph an edit moved and edited costs per code point of the
// two texts, in the units of budget: indexing each text's paragraphs by their text, placing
// them, and the word set of every paragraph before the edit, which the one after it must not be
// nearer to than to the one it is taken for (see quotes.MovedParagraph). 70 to 90 ns a code
// point, measured on two texts of 10,000 paragraphs, each found once, one moved and edited: the
// word sets of many short paragraphs are the dearest case; twins share theirs.
const movedCost = 36

// movedParagraph is the paragraph an edit moved and edited in one save, as the quote ledger
// finds it (see quotes.MovedParagraph): where it stood in the old text, [from, to), where it
// stands in the new, [at, end), and the word diff of the paragraph alone. The diff of the whole
// text reads such a paragraph as cut where it stood and typed where it went, and when its
// sentences repeat, the search pairs a comment's words with the copy whose context happens to
// agree: a paragraph that lost the end of its first sentence hands the comment on that sentence
// to the second. Its own diff says which of its words are still there, and where. The ledger
// places the other paragraphs too: placed holds, for each old one, where it starts in the new
// text, or -1, and starts where it starts in the old.
type movedParagraph struct {
	from, to, at, end int
	e                 *edit
	placed, starts    []int
}

// findMoved returns the paragraph the edit from ov to nv moved and edited, whose paragraphs
// fixed indexes, paying from b; it returns nil when there is none, the texts cannot tell, or b
// cannot pay. A text of one paragraph has none to move it past. Without the paragraph, each
// comment is followed as it was before anyone looked for it, so a budget that cannot pay for
// the look leaves b no shorter of an answer (see Work.Short).
func findMoved(fixed *pieces, b *budget) *movedParagraph {
	if fixed == nil || len(fixed.op.starts) < 2 || len(fixed.np.starts) < 2 || fixed.inPlace() {
		return nil
	}
	short := b.short
	defer func() { b.short = short }()
	if !b.spend(movedCost * (len(*fixed.ov.runes) + len(*fixed.nv.runes))) {
		return nil
	}
	i, j, placed, ok := quotes.MovedParagraph(fixed.ov.str, fixed.nv.str)
	if !ok {
		return nil
	}
	from, to, _ := fixed.op.around(fixed.ov, fixed.op.starts[i], fixed.op.starts[i])
	at, end, _ := fixed.np.around(fixed.nv, fixed.np.starts[j], fixed.np.starts[j])
	e := newEdit((*fixed.ov.runes)[from:to], (*fixed.nv.runes)[at:end], b)
	if e == nil {
		return nil
	}
	starts := make([]int, len(placed))
	for k, p := range placed {
		starts[k] = -1
		if p >= 0 {
			starts[k] = fixed.np.starts[p]
		}
	}
	return &movedParagraph{from: from, to: to, at: at, end: end, e: e, placed: starts, starts: fixed.op.starts}
}

// placedAt returns where old code points [s, e) stand in the new text when they lie in one
// paragraph, not the moved one, that the ledger placed (see quotes.MovedParagraph): unchanged,
// so the same words at the same place in it. ok is false otherwise. The diff of the whole text
// may pair such words with what the moved paragraph kept of its own, when the two begin alike.
func (m *movedParagraph) placedAt(s, e int) (at int, ok bool) {
	if m == nil {
		return 0, false
	}
	i := sort.SearchInts(m.starts, s+1) - 1
	if i < 0 || m.placed[i] < 0 || i+1 < len(m.starts) && e >= m.starts[i+1] {
		return 0, false
	}
	return m.placed[i] + s - m.starts[i], true
}

// keptAt returns where old code points [s, e) stand in the new text when they lie in the moved
// paragraph and its own diff left them unchanged; ok is false otherwise.
func (m *movedParagraph) keptAt(s, e int) (at int, ok bool) {
	if m == nil || s < m.from || e > m.to {
		return 0, false
	}
	k := m.e.keptAt(s-m.from, e-m.from)
	return m.at + k, k >= 0
}

// othersWords reports whether new code points [s, e) lie in what the moved paragraph's own diff
// kept of its old words apart from old code points [from, to): words that moved with the
// paragraph and were never those of a comment on [from, to), however the diff of the whole text
// paired them or however well their context agrees. A comment on a twin phrase the edit cut from
// the paragraph would otherwise take the twin left beside it.
func (m *movedParagraph) othersWords(s, e, from, to int) bool {
	if m == nil || s < m.at || e > m.end {
		return false
	}
	_, ok := m.e.keptElsewhere(s-m.at, e-m.at, from-m.from, to-m.from)
	return ok
}

// inPlace reports whether the edit changed at most one paragraph of each text, the paragraphs
// before it and after it as they were: an edit made where the words stood, as most saves are,
// which moved no paragraph, and which a look at the paragraphs' order need not pay for.
func (p *pieces) inPlace() bool {
	n, m := len(p.op.starts), len(p.np.starts)
	head := 0
	for head < min(n, m) && p.sameLine(head, head) {
		head++
	}
	tail := 0
	for tail < min(n, m)-head && p.sameLine(n-1-tail, m-1-tail) {
		tail++
	}
	return n-head-tail <= 1 && m-head-tail <= 1
}

// sameLine reports whether paragraph i of the old text reads as paragraph j of the new.
func (p *pieces) sameLine(i, j int) bool {
	a, _ := p.op.line(p.ov, i)
	b, _ := p.np.line(p.nv, j)
	return a == b
}
