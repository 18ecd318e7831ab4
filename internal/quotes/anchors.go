package quotes

import (
	"cmp"
	"slices"
)

// placed returns, for each of p's paragraphs, where it starts in after when the two texts say
// which paragraph of after it is, and -1 otherwise. A paragraph whose text is once in each text
// is that one, wherever it went, and those of them that stand in the same order in each text
// (see inOrder) are anchors. The copies of a repeated paragraph are told apart by the anchors
// nearest them, above and below, the text's start and end counting as anchors so that a piece
// without one still has its copies placed, as patience diff tells repeated lines apart by the
// unique ones around them: the copies of a text between the same two anchors, as many in each
// text, are the same copies in the same order, since a paragraph moved past them, or moved and
// edited beside them, moves none of them. So are all the copies of a text when every one stands
// between the same two anchors in each text, whichever of the two comes first: two paragraphs
// swapped around a run of copies leave the run as it was. Copies the anchors do not tell apart
// (a copy moved past another, or typed beside it) stay unplaced: the anchors disagree, and a
// guess would hand one copy's check to another. Nor does the count place copies where a
// paragraph like them (see similar) was typed or cut between the same anchors: a copy edited
// beside a copy pasted leaves as many copies as there were, and the paste would take the
// edited copy's check. The paragraph moved and edited, spare (its index before and after the
// edit, -1 for none), is no such paragraph, and with spare nil the count alone decides, as it
// must for movedParagraph to find that paragraph.
func (p *paragraphs) placed(after *paragraphs, spare *[2]int) []int {
	out := make([]int, len(p.texts))
	var once []int // the paragraphs before whose text is once in each text
	for i, t := range p.texts {
		out[i] = -1
		if p.count[t] == 1 && after.count[t] == 1 {
			out[i] = after.first[t]
			once = append(once, i)
		}
	}
	anchors := map[string]int{} // each anchor's text, to the anchor's paragraph before
	for _, i := range inOrder(once, out, len(p.texts)) {
		anchors[p.texts[i]] = i
	}
	olds, news := p.between(anchors), after.between(anchors)
	var here, either map[[2]int][]string // by the anchors above and below, and in either order
	if spare != nil {
		here = typedOrCut(olds, news, *spare, func(n near) [2]int { return [2]int{n.above, n.below} })
		either = typedOrCut(olds, news, *spare, near.span)
	}
	sets := wordSets{}
	doubtful := func(text string, changed []string) bool {
		if len(changed) > maxChanged {
			return true
		}
		for _, u := range changed {
			if u != text && alike(sets.of(u), sets.of(text)) {
				return true
			}
		}
		return false
	}
	for k, is := range olds {
		if js := news[k]; len(js) == len(is) && !doubtful(k.text, here[[2]int{k.above, k.below}]) {
			for n, i := range is {
				out[i] = after.starts[js[n]]
			}
		}
	}
	oldRuns, newRuns := p.runs(olds, out), after.runs(news, nil)
	for t, r := range oldRuns {
		if s, ok := newRuns[t]; ok && r.whole && s.whole && r.span == s.span && len(r.at) == len(s.at) && !doubtful(t, either[r.span]) {
			for n, i := range r.at {
				out[i] = after.starts[s.at[n]]
			}
		}
	}
	return out
}

// maxChanged is how many paragraphs typed or cut between the same anchors placed compares a
// run of copies with: past that many, the copies are left to the word diff rather than compared
// with every one, which would make an edit that types thousands of paragraphs beside thousands
// of copies take quadratic time.
const maxChanged = 32

// near is where a paragraph that is no anchor stands: its text and the anchors nearest it above
// and below, by their paragraph before the edit (-1 for none).
type near struct {
	text         string
	above, below int
}

// span returns the anchors around a paragraph, taken in either order.
func (n near) span() [2]int {
	return [2]int{min(n.above, n.below), max(n.above, n.below)}
}

// typedOrCut returns, by the anchors around them as stretch takes them, the texts of the
// paragraphs that are no anchors and whose copies between those anchors are more or fewer after
// the edit than before, leaving out the paragraphs of spare (see placed).
func typedOrCut(olds, news map[near][]int, spare [2]int, stretch func(near) [2]int) map[[2]int][]string {
	count := map[near]int{} // by text and stretch, copies before less copies after
	for k, is := range olds {
		n := near{k.text, stretch(k)[0], stretch(k)[1]}
		count[n] += len(is)
		if slices.Contains(is, spare[0]) {
			count[n]--
		}
	}
	for k, js := range news {
		n := near{k.text, stretch(k)[0], stretch(k)[1]}
		count[n] -= len(js)
		if slices.Contains(js, spare[1]) {
			count[n]++
		}
	}
	out := map[[2]int][]string{}
	for n, c := range count {
		if c != 0 {
			span := [2]int{n.above, n.below}
			out[span] = append(out[span], n.text)
		}
	}
	return out
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
		span := n.span()
		r, ok := out[n.text]
		if !ok {
			out[n.text] = &run{at: ks, span: span, whole: p.count[n.text] == len(ks)}
			continue
		}
		r.whole = false
	}
	return out
}

// inOrder returns the paragraphs of once (in reading order, of total paragraphs before the
// edit) that stand in the same order after it, where at says they start: of such paragraphs a
// few moved, and a paragraph moved away says nothing of what stands where it stood. Each counts
// for the paragraphs from it to the next of once, and the run that keeps the most paragraphs in
// their order is chosen, so that of a paragraph moved past a run of copies and the run, the
// paragraph is the one taken to have moved. The best run ending at each place after the edit is
// kept in a Fenwick tree: n log n.
func inOrder(once []int, at []int, total int) []int {
	k := len(once)
	if k == 0 {
		return nil
	}
	rank := make([]int, k) // each one's place after the edit among once, from 1
	byAt := make([]int, k)
	for n := range byAt {
		byAt[n] = n
	}
	slices.SortFunc(byAt, func(a, b int) int { return cmp.Compare(at[once[a]], at[once[b]]) })
	for r, n := range byAt {
		rank[n] = r + 1
	}
	type run struct{ weight, end int } // the best run found, and its last, by place in once
	tree := make([]run, k+1)
	best, prev := make([]int, k), make([]int, k)
	end := 0
	for n, i := range once {
		w := total - i
		if n+1 < k {
			w = once[n+1] - i
		}
		b := run{0, -1}
		for r := rank[n] - 1; r > 0; r -= r & -r {
			if tree[r].weight > b.weight {
				b = tree[r]
			}
		}
		best[n], prev[n] = b.weight+w, b.end
		for r := rank[n]; r <= k; r += r & -r {
			if tree[r].weight < best[n] {
				tree[r] = run{best[n], n}
			}
		}
		if best[n] > best[end] {
			end = n
		}
	}
	var out []int
	for n := end; n >= 0; n = prev[n] {
		out = append(out, once[n])
	}
	slices.Reverse(out)
	return out
}
