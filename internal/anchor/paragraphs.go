package anchor

import "sort"

// paragraphCost is what indexing the paragraphs of Reanchor's two texts costs per code point, in
// the units of budget: one pass over each text and a hash of each paragraph.
const paragraphCost = 2

// paragraphs indexes a view's paragraphs, its lines, by their text: where each starts, and how
// often each text occurs.
type paragraphs struct {
	starts []int          // where each paragraph starts, in code points, in order
	first  map[string]int // where the first paragraph with that text starts
	count  map[string]int // how many paragraphs have that text
}

// indexParagraphs indexes the paragraphs of v.
func indexParagraphs(v *view) *paragraphs {
	runes := *v.runes
	p := &paragraphs{first: map[string]int{}, count: map[string]int{}}
	start := 0
	for i := 0; i <= len(runes); i++ {
		if i < len(runes) && runes[i] != '\n' {
			continue
		}
		line := v.span(start, i)
		if p.count[line] == 0 {
			p.first[line] = start
		}
		p.count[line]++
		p.starts = append(p.starts, start)
		start = i + 1
	}
	return p
}

// unmoved returns where old code points [s, e) stand in the new text when they lie in one
// paragraph of old whose text is in old once and in the new text once: that paragraph, unchanged
// wherever it went, and so the same words in it, whatever the word diff pairs them with. A
// paragraph that moved past one repeating its phrase would otherwise lend the comment to the
// twin in the paragraph that took its place. ok is false for any other range, and when the
// paragraphs were not indexed (op is nil).
func unmoved(ov *view, op, np *paragraphs, s, e int) (at int, ok bool) {
	if op == nil {
		return 0, false
	}
	i := sort.SearchInts(op.starts, s+1) - 1
	if i < 0 {
		return 0, false
	}
	from, to := op.starts[i], len(*ov.runes)
	if i+1 < len(op.starts) {
		to = op.starts[i+1] - 1
	}
	if e > to {
		return 0, false
	}
	line := ov.span(from, to)
	if op.count[line] != 1 || np.count[line] != 1 {
		return 0, false
	}
	return np.first[line] + s - from, true
}

// othersWords reports whether new code points [s, e) lie in one paragraph of the new text whose
// text is in each text once and stood in old apart from old code points [from, to): another
// paragraph, unchanged, whose words were there before and were never those of a comment on
// [from, to), however the word diff paired them or however well their context agrees. It is false when
// the paragraphs were not indexed (op is nil).
func othersWords(nv *view, op, np *paragraphs, s, e, from, to int) bool {
	if op == nil || s >= e {
		return false
	}
	i := sort.SearchInts(np.starts, s+1) - 1
	if i < 0 {
		return false
	}
	start, end := np.starts[i], len(*nv.runes)
	if i+1 < len(np.starts) {
		end = np.starts[i+1] - 1
	}
	if e > end {
		return false
	}
	line := nv.span(start, end)
	if op.count[line] != 1 || np.count[line] != 1 {
		return false
	}
	was := op.first[line]
	return was+end-start <= from || was >= to
}
