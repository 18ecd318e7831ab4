package anchor

import "sort"

// paragraphCost is what indexing the paragraphs and the sentences of Reanchor's two texts costs
// per code point, in the units of budget: two passes over each text and a hash of each piece.
const paragraphCost = 4

// paragraphs indexes a view's pieces of one kind, its lines or its sentences, by their text:
// where each starts, and how often each text occurs. One code point, the newline or the space
// after a sentence, separates a piece from the next.
type paragraphs struct {
	starts []int          // where each piece starts, in code points, in order
	first  map[string]int // where the first piece with that text starts
	count  map[string]int // how many pieces have that text
}

// pieces is a view's lines and its sentences, each indexed (see indexPieces); nil when the budget
// could not pay for them.
type pieces *[2]*paragraphs

// indexPieces indexes the lines of v and its sentences.
func indexPieces(v *view) pieces {
	return &[2]*paragraphs{indexParagraphs(v, lineEnd), indexParagraphs(v, sentenceEnd)}
}

// lineEnd reports whether code point i of runes ends a line.
func lineEnd(runes []rune, i int) bool { return runes[i] == '\n' }

// sentenceEnd reports whether code point i of runes ends a sentence: a line's end, or the space
// after a full stop, a question mark or an exclamation mark.
func sentenceEnd(runes []rune, i int) bool {
	return runes[i] == '\n' || runes[i] == ' ' && i > 0 && (runes[i-1] == '.' || runes[i-1] == '?' || runes[i-1] == '!')
}

// indexParagraphs indexes the pieces of v that ends separates.
func indexParagraphs(v *view, ends func([]rune, int) bool) *paragraphs {
	runes := *v.runes
	p := &paragraphs{first: map[string]int{}, count: map[string]int{}}
	start := 0
	for i := 0; i <= len(runes); i++ {
		if i < len(runes) && !ends(runes, i) {
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

// within returns the piece of p's view v that code points [s, e) lie in: where it starts and
// ends, and its text; ok is false when they reach past one piece.
func (p *paragraphs) within(v *view, s, e int) (from, to int, line string, ok bool) {
	i := sort.SearchInts(p.starts, s+1) - 1
	if i < 0 {
		return 0, 0, "", false
	}
	from, to = p.starts[i], len(*v.runes)
	if i+1 < len(p.starts) {
		to = p.starts[i+1] - 1
	}
	if e > to {
		return 0, 0, "", false
	}
	return from, to, v.span(from, to), true
}

// unmoved returns where old code points [s, e) stand in the new text when they lie in one
// paragraph, or failing that one sentence, of old whose text is in old once and in the new text
// once: that piece, unchanged wherever it went, and so the same words in it, whatever the word
// diff pairs them with. A paragraph that moved past one repeating its phrase would otherwise lend
// the comment to the twin in the paragraph that took its place, and two sentences that swapped
// places would pass each other their twin phrases. ok is false for any other range, and when
// the pieces were not indexed (op is nil).
func unmoved(ov *view, op, np pieces, s, e int) (at int, ok bool) {
	if op == nil {
		return 0, false
	}
	for k, p := range op {
		from, _, line, ok := p.within(ov, s, e)
		if ok && p.count[line] == 1 && np[k].count[line] == 1 {
			return np[k].first[line] + s - from, true
		}
	}
	return 0, false
}

// othersWords reports whether new code points [s, e) lie in one paragraph or one sentence of the
// new text whose text is in each text once and stood in old apart from old code points
// [from, to): another piece, unchanged, whose words were there before and were never those of a
// comment on [from, to), however the word diff paired them or however well their context
// agrees. It is false when the pieces were not indexed (op is nil).
func othersWords(nv *view, op, np pieces, s, e, from, to int) bool {
	if op == nil || s >= e {
		return false
	}
	for k, p := range np {
		start, end, line, ok := p.within(nv, s, e)
		if !ok || op[k].count[line] != 1 || p.count[line] != 1 {
			continue
		}
		if was := op[k].first[line]; was+end-start <= from || was >= to {
			return true
		}
	}
	return false
}
