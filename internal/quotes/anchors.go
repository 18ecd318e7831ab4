package quotes

import "sort"

// placed returns, for each of p's paragraphs, where it starts in after when the two texts say
// which paragraph of after it is, and -1 otherwise. A paragraph whose text is once in each text
// is that one, wherever it went, and those of them that stand in the same order in each text, as
// many as can, are anchors. The copies of a repeated paragraph are told apart by
// the anchors nearest them, above and below, as patience diff tells repeated lines apart by the
// unique ones around them: the copies of a text between the same two anchors, as many in each
// text, are the same copies in the same order, since a paragraph moved past them, or moved and
// edited beside them, moves none of them. So are all the copies of a text when every one stands
// between the same two anchors in each text, whichever of the two comes first: two paragraphs
// swapped around a run of copies leave the run as it was. Copies the anchors do not tell apart
// (a copy moved past another, or typed beside it) stay unplaced: the anchors disagree, and a
// guess would hand one copy's check to another.
func (p *paragraphs) placed(after *paragraphs) []int {
	out := make([]int, len(p.texts))
	var once []int // the paragraphs before whose text is once in each text
	for i, t := range p.texts {
		out[i] = -1
		if p.count[t] == 1 && after.count[t] == 1 {
			out[i] = after.first[t]
			once = append(once, i)
		}
	}
	if len(once) == 0 {
		return out
	}
	anchors := map[string]int{} // each anchor's text, to the anchor's paragraph before
	for _, i := range inOrder(once, out) {
		anchors[p.texts[i]] = i
	}
	olds, news := p.between(anchors), after.between(anchors)
	for k, is := range olds {
		if js := news[k]; len(js) == len(is) {
			for n, i := range is {
				out[i] = after.starts[js[n]]
			}
		}
	}
	oldRuns, newRuns := p.runs(olds, out), after.runs(news, nil)
	for t, r := range oldRuns {
		if s, ok := newRuns[t]; ok && r.whole && s.whole && r.span == s.span && len(r.at) == len(s.at) {
			for n, i := range r.at {
				out[i] = after.starts[s.at[n]]
			}
		}
	}
	return out
}

// near is where a paragraph that is no anchor stands: its text and the anchors nearest it above
// and below, by their paragraph before the edit (-1 for none).
type near struct {
	text         string
	above, below int
}

// between returns p's paragraphs that are no anchors by where they stand (see near), each list
// in reading order.
func (p *paragraphs) between(anchors map[string]int) map[near][]int {
	above := make([]int, len(p.texts))
	last := -1
	for k, t := range p.texts {
		if a, ok := anchors[t]; ok {
			last = a
		}
		above[k] = last
	}
	out := map[near][]int{}
	below := make([]int, len(p.texts))
	last = -1
	for k := len(p.texts) - 1; k >= 0; k-- {
		if a, ok := anchors[p.texts[k]]; ok {
			last = a
		}
		below[k] = last
	}
	for k, t := range p.texts {
		if _, ok := anchors[t]; !ok {
			n := near{t, above[k], below[k]}
			out[n] = append(out[n], k)
		}
	}
	return out
}

// run is every copy of a text that is no anchor, in reading order, and whether they all stand
// between the same two anchors, span, taken in either order.
type run struct {
	at    []int
	span  [2]int
	whole bool
}

// runs gathers by their text the paragraphs of groups (see between) not placed yet (skipping
// those placed marks, if any) into runs, in reading order.
func (p *paragraphs) runs(groups map[near][]int, placed []int) map[string]*run {
	out := map[string]*run{}
	for n, ks := range groups {
		if placed != nil && placed[ks[0]] >= 0 {
			continue
		}
		span := [2]int{min(n.above, n.below), max(n.above, n.below)}
		r, ok := out[n.text]
		if !ok {
			out[n.text] = &run{at: ks, span: span, whole: p.count[n.text] == len(ks)}
			continue
		}
		r.whole = false
	}
	return out
}

// inOrder returns the longest run of the paragraphs once, in reading order, whose places after
// the edit, at, rise too (patience sorting, n log n): of such paragraphs a few moved, and a
// paragraph moved away says nothing of what stands where it stood.
func inOrder(once []int, at []int) []int {
	var tops []int // tops[n] is the paragraph ending the best rising run of n+1 found so far
	prev := make(map[int]int, len(once))
	for _, i := range once {
		n := sort.Search(len(tops), func(n int) bool { return at[tops[n]] >= at[i] })
		prev[i] = -1
		if n > 0 {
			prev[i] = tops[n-1]
		}
		if n == len(tops) {
			tops = append(tops, i)
		} else {
			tops[n] = i
		}
	}
	out := make([]int, len(tops))
	for n, i := len(tops)-1, tops[len(tops)-1]; n >= 0; n, i = n-1, prev[i] {
		out[n] = i
	}
	return out
}
