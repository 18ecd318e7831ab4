package anchor

import (
	"maps"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/copydesk/copydesk/internal/sentences"
)

// paragraphCost is what indexing the paragraphs of Reanchor's two texts costs per code point, in
// the units of budget: one pass over each text and a hash of each paragraph.
const paragraphCost = 2

// minSentence is the length, in code points, below which a sentence is never a fixed point (see
// pieces.unmoved): a short one, "He agreed." or "Jones.", is too often typed again elsewhere, or
// left over from an edit of a longer one, to say which of its twins is the comment's.
const minSentence = ContextLen

// paragraphs indexes a view's paragraphs, its lines, by their text: where each starts.
type paragraphs struct {
	starts []int            // where each paragraph starts, in code points, in order
	at     map[string][]int // where the paragraphs with that text start, in order
}

// indexParagraphs indexes the paragraphs of v.
func indexParagraphs(v *view) *paragraphs {
	runes := *v.runes
	p := &paragraphs{at: map[string][]int{}}
	start := 0
	for i := 0; i <= len(runes); i++ {
		if i < len(runes) && runes[i] != '\n' {
			continue
		}
		line := v.span(start, i)
		p.at[line] = append(p.at[line], start)
		p.starts = append(p.starts, start)
		start = i + 1
	}
	return p
}

// around returns where the paragraph of v that code points [s, e) lie in starts and ends; ok is
// false when they reach past one paragraph.
func (pp *paragraphs) around(v *view, s, e int) (start, end int, ok bool) {
	i := sort.SearchInts(pp.starts, s+1) - 1
	if i < 0 {
		return 0, 0, false
	}
	start, end = pp.starts[i], len(*v.runes)
	if i+1 < len(pp.starts) {
		end = pp.starts[i+1] - 1
	}
	return start, end, e <= end
}

// pieces is what Reanchor knows of the paragraphs and the sentences of its two texts, the old
// one and the new: the pieces either may find unchanged and once in each text, wherever they
// went. A nil *pieces, when the budget could not pay for it, knows nothing.
type pieces struct {
	ov, nv *view
	op, np *paragraphs
	// once remembers, for each sentence's text asked about, where it stands in the old text and
	// in the new, or -1 when it is not there once in each.
	once map[string][2]int
	// cut remembers the sentences of each paragraph cut so far, by the view and where the
	// paragraph starts: every comment in a paragraph asks for them, up to four times each.
	cut map[cutKey][][2]int
	b   *budget
}

// cutKey names a paragraph of one of Reanchor's two texts by where it starts.
type cutKey struct {
	v     *view
	start int
}

// sentenceCost is what cutting a paragraph into sentences costs per code point, in the units of
// budget: sentences.Spans reads each code point and the words around each stop, about 20 ns a
// code point.
const sentenceCost = 8

// indexPieces indexes the paragraphs and the sentences of ov and nv, paying from b; it returns
// nil when b cannot pay.
func indexPieces(ov, nv *view, b *budget) *pieces {
	if !b.spend(paragraphCost * (len(*ov.runes) + len(*nv.runes))) {
		return nil
	}
	return &pieces{ov: ov, nv: nv, op: indexParagraphs(ov), np: indexParagraphs(nv), once: map[string][2]int{},
		cut: map[cutKey][][2]int{}, b: b}
}

// unmoved returns where old code points [s, e) stand in the new text when they lie in one
// paragraph of old whose text is in old once and in the new text once, or as often in each where
// the twin with as many twins before it in the new text stands beside a paragraph alike (see
// besideAlike: when a paragraph moves, its twins keep their order), or failing that in one
// sentence, at least minSentence long, whose whole text is in each text once and a sentence of
// each (see where): that piece,
// unchanged wherever it went, and so the same words in it, whatever the word diff pairs them
// with. A paragraph that moved past one repeating its phrase would otherwise lend the comment to
// the twin in the paragraph that took its place, and two sentences that swapped places would
// pass each other their twin phrases. ok is false for any other range.
func (p *pieces) unmoved(s, e int) (at int, ok bool) {
	at, _, _, ok = p.unmovedIn(s, e)
	return at, ok
}

// unmovedIn is unmoved, with where the piece found whole stands in the old text, [from, to).
func (p *pieces) unmovedIn(s, e int) (at, from, to int, ok bool) {
	if p == nil {
		return 0, 0, 0, false
	}
	if from, to, ok := p.op.around(p.ov, s, e); ok {
		line := p.ov.span(from, to)
		if was, now := p.op.at[line], p.np.at[line]; len(was) == len(now) {
			i := slices.Index(was, from)
			if len(was) == 1 || p.besideAlike(sort.SearchInts(p.op.starts, from), sort.SearchInts(p.np.starts, now[i])) {
				return now[i] + s - from, from, to, true
			}
		}
	}
	if from, to, ok := p.sentence(p.ov, p.op, s, e); ok {
		if at := p.where(p.ov.span(from, to)); at[0] == from {
			return at[1] + s - from, from, to, true
		}
	}
	return 0, 0, 0, false
}

// inOrder returns where old code points [s, e) stand in the new text when they lie in a paragraph
// of old that the texts have as often, each time whole, and the word diff took them to new code
// points [ms, me), in none of those paragraphs: the copy with as many copies before it in the
// new text as the comment's had in the old, with [from, to) where the comment's stood. The diff
// pairs words, not paragraphs: when a paragraph moves past one whose words begin as the twin's
// do, it pairs the twin's words with the moved one's, and the twin's own, still there, would
// lose the comment to them. ok is false for any other range.
func (p *pieces) inOrder(s, e, ms, me int) (at, from, to int, ok bool) {
	if p == nil {
		return 0, 0, 0, false
	}
	from, to, ok = p.op.around(p.ov, s, e)
	if !ok {
		return 0, 0, 0, false
	}
	line := p.ov.span(from, to)
	was, now := p.op.at[line], p.np.at[line]
	if len(was) != len(now) || slices.ContainsFunc(now, func(n int) bool { return n <= ms && me <= n+to-from }) {
		return 0, 0, 0, false
	}
	return now[slices.Index(was, from)] + s - from, from, to, true
}

// otherTwin reports whether old code points [s, e), which lie in a paragraph the texts have as
// often, more than once, each time whole, were found at new code points [ms, me) in another of
// those paragraphs than the copy with as many copies before it as theirs had. Which paragraph
// moved, no text tells then: one moved from after two twins to between them reads as the first
// twin moved to the end, and the words found in the other twin, by the diff or by their context,
// are as likely the twin's as the comment's.
func (p *pieces) otherTwin(s, e, ms, me int) bool {
	if p == nil {
		return false
	}
	from, to, ok := p.op.around(p.ov, s, e)
	if !ok {
		return false
	}
	line := p.ov.span(from, to)
	was, now := p.op.at[line], p.np.at[line]
	if len(was) < 2 || len(was) != len(now) {
		return false
	}
	k := slices.IndexFunc(now, func(n int) bool { return n <= ms && me <= n+to-from })
	return k >= 0 && now[k] != now[slices.Index(was, from)]
}

// besideAlike reports whether paragraph i of the old text and paragraph j of the new have a
// neighbour alike, the one before each or the one after: a twin with as many twins before it in
// each text that also stands beside what it stood beside. Twins cut and typed again elsewhere in
// one save keep their number but not their places.
func (p *pieces) besideAlike(i, j int) bool {
	for _, d := range []int{-1, 1} {
		a, okA := p.op.line(p.ov, i+d)
		b, okB := p.np.line(p.nv, j+d)
		if okA && okB && a == b {
			return true
		}
	}
	return false
}

// line returns the text of paragraph i of v, whose paragraphs pp are; ok is false when v has no
// paragraph i.
func (pp *paragraphs) line(v *view, i int) (text string, ok bool) {
	if i < 0 || i >= len(pp.starts) {
		return "", false
	}
	end := len(*v.runes)
	if i+1 < len(pp.starts) {
		end = pp.starts[i+1] - 1
	}
	return v.span(pp.starts[i], end), true
}

// editedInPlace reports whether the edit e says that the old piece [from, to), found whole in the
// new text with old code points [s, end) at at (see unmovedIn), is a copy: e kept [s, end) in
// another paragraph than the copy's, with at least half of the rest of the piece, and not in
// another piece found whole (see othersWords), and kept none of the piece in the copy, all of
// whose words it inserted. The piece was edited where it stood,
// and a copy of it as it read was typed or pasted apart: the comment stays on its own words,
// which the copy's never were. In one paragraph, or where the diff drew words of the copy from
// the piece, the text cannot tell that from a sentence like the piece typed next to it, which
// the piece found whole, unchanged, more often is. Nor can it tell when the paragraph e kept
// [s, end) in reads as one the old text had as often: a piece edited where it stood makes a
// paragraph the old text lacked, and one the old text had is a twin the diff paired the
// words with, when a piece whose first sentence other paragraphs repeat moved.
func (p *pieces) editedInPlace(e *edit, from, to, s, end, at int) bool {
	k := e.keptAt(s, end)
	copyFrom := at - (s - from)
	copyTo := copyFrom + to - from
	if k < 0 || e.keptWithin(from, to, copyFrom, copyTo) > 0 || p.othersWords(k, k+end-s, s, end) {
		return false
	}
	ps, pe, ok := p.np.around(p.nv, k, k+end-s)
	if !ok || copyFrom < pe && ps < copyTo {
		return false
	}
	if line := p.nv.span(ps, pe); len(p.np.at[line]) <= len(p.op.at[line]) || p.editOfAnother(ps, pe, from, to) {
		return false
	}
	return 2*(e.keptWithin(from, s, ps, pe)+e.keptWithin(end, to, ps, pe)) >= to-from-(end-s)
}

// editOfAnother reports whether the new paragraph [ps, pe) is more like a paragraph of the old
// text that the new one lacks than the old paragraph of the piece [from, to) (see likeness): it is
// that paragraph edited, moved to where the piece stood, and the piece moved whole, rather than
// the piece edited where it stood. A paragraph moved and edited in one save, whose first
// sentence the piece repeats, would otherwise take the piece's comments. It reports false when
// the budget cannot pay for reading the old text.
func (p *pieces) editOfAnother(ps, pe, from, to int) bool {
	if !p.b.spend(len(*p.ov.runes)) {
		return false
	}
	f, t, ok := p.op.around(p.ov, from, to)
	if !ok {
		return false
	}
	now := wordCounts(p.nv.span(ps, pe))
	own := p.ov.span(f, t)
	best := likeness(now, own)
	for i, start := range p.op.starts {
		end := len(*p.ov.runes)
		if i+1 < len(p.op.starts) {
			end = p.op.starts[i+1] - 1
		}
		if line := p.ov.span(start, end); line != own && len(p.np.at[line]) == 0 && likeness(now, line) > best {
			return true
		}
	}
	return false
}

// wordCounts counts the words of s.
func wordCounts(s string) map[string]int {
	n := map[string]int{}
	for _, w := range strings.Fields(s) {
		n[w]++
	}
	return n
}

// likeness is how alike the words of s are to words, counts: the code points of the words they
// share, less those of the words s has besides. A paragraph that holds all of another's words
// and a sentence more is less like it than the paragraph it was cut from.
func likeness(counts map[string]int, s string) int {
	n := 2 * shared(counts, s)
	for _, w := range strings.Fields(s) {
		n -= utf8.RuneCountInString(w)
	}
	return n
}

// shared is how many code points of the words of s are words of counts, each as often as
// counts has it.
func shared(counts map[string]int, s string) int {
	left := maps.Clone(counts)
	n := 0
	for _, w := range strings.Fields(s) {
		if left[w] > 0 {
			left[w]--
			n += utf8.RuneCountInString(w)
		}
	}
	return n
}

// movedAway reports whether old code points [from, to) lie in a piece found unchanged and once
// in each text (see unmoved), or in a paragraph the texts have as often, each time whole, that
// stands elsewhere than at new code point s: whatever the word diff paired with s, it was not
// those words.
func (p *pieces) movedAway(from, to, s int) bool {
	if at, ok := p.unmoved(from, to); ok {
		return at != s
	}
	if p == nil {
		return false
	}
	if f, t, ok := p.op.around(p.ov, from, to); ok {
		line := p.ov.span(f, t)
		if now := p.np.at[line]; len(now) > 0 && len(now) == len(p.op.at[line]) {
			return !slices.ContainsFunc(now, func(n int) bool { return n <= s && s < n+t-f })
		}
	}
	return false
}

// othersWords reports whether new code points [s, e) lie in one paragraph of the new text whose
// text is in each text as often, or in one sentence at least minSentence long whose whole text
// is in each text once, and that stood in old apart from old code points [from, to): another piece,
// unchanged, whose words were there before and were never those of a comment on [from, to),
// however the word diff paired them or however well their context agrees.
func (p *pieces) othersWords(s, e, from, to int) bool {
	if p == nil || s >= e {
		return false
	}
	if start, end, ok := p.np.around(p.nv, s, e); ok {
		line := p.nv.span(start, end)
		if was := p.op.at[line]; len(was) > 0 && len(was) == len(p.np.at[line]) {
			// A paragraph the texts have as often, each time whole, is those paragraphs: a
			// comment that stood in none of them is not on their words.
			return !slices.ContainsFunc(was, func(w int) bool { return w < to && from < w+end-start })
		}
	}
	if start, end, ok := p.sentence(p.nv, p.np, s, e); ok {
		if at := p.where(p.nv.span(start, end)); at[1] == start {
			return at[0]+end-start <= from || at[0] >= to
		}
	}
	return false
}

// sentence returns the sentence of v, whose paragraphs are pp, that code points [s, e) lie in,
// when it is at least minSentence long. Sentences end at a line's end, so only the paragraph
// that holds s is cut into sentences, once, paying from p's budget.
func (p *pieces) sentence(v *view, pp *paragraphs, s, e int) (from, to int, ok bool) {
	start, end, ok := pp.around(v, s, e)
	if !ok {
		return 0, 0, false
	}
	spans, cut := p.cut[cutKey{v, start}]
	if !cut {
		if !p.b.spend(sentenceCost * (end - start)) {
			return 0, 0, false
		}
		spans = sentences.Spans((*v.runes)[start:end])
		p.cut[cutKey{v, start}] = spans
	}
	k, ok := sentences.Around(spans, s-start, e-start)
	if !ok {
		return 0, 0, false
	}
	return start + spans[k][0], start + spans[k][1], spans[k][1]-spans[k][0] >= minSentence
}

// where returns where the sentence text stands in the old text and in the new, in code points,
// when it is in each once, not even inside another sentence, and a sentence of each, and -1s
// otherwise, paying from p's budget for reading both texts twice the first time it is asked
// about text. A sentence one text reads as part of a longer one, after an abbreviation that
// ended a sentence, is no fixed point: it is not known to be whole.
func (p *pieces) where(text string) [2]int {
	if at, ok := p.once[text]; ok {
		return at
	}
	at := [2]int{-1, -1}
	if p.b.spend(2 * (len(*p.ov.runes) + len(*p.nv.runes)) / compareShare) {
		o, ok := onceIn(p.ov, text)
		n, ok2 := onceIn(p.nv, text)
		if size := utf8.RuneCountInString(text); ok && ok2 && p.isSentence(p.ov, p.op, o, size) && p.isSentence(p.nv, p.np, n, size) {
			at = [2]int{o, n}
		}
	}
	p.once[text] = at
	return at
}

// isSentence reports whether the size code points of v at at are one of its sentences.
func (p *pieces) isSentence(v *view, pp *paragraphs, at, size int) bool {
	from, to, ok := p.sentence(v, pp, at, at+size)
	return ok && from == at && to == at+size
}

// onceIn returns where text stands in v, in code points, when it is there once.
func onceIn(v *view, text string) (int, bool) {
	i, ok := sentences.Once(v.str, text)
	if !ok {
		return 0, false
	}
	at := *v.at
	return sort.Search(len(at), func(k int) bool { return int(at[k]) >= i }), true
}
