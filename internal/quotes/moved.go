package quotes

import "sort"

// movedParagraph is the paragraph an edit moved and edited at once, told by the placed paragraphs
// (see placed): they cut each text into stretches, and it is the one paragraph not placed that
// stands in a stretch whose paragraphs after the edit are all placed, and the one not placed
// after the edit stands in a stretch whose paragraphs before it are all placed, the two sharing
// at least half their words, each the other's nearest, and the two not reading alike. No other
// paragraph before the edit, placed or not, may be both nearer in words to the one after it and
// keep more of it in a word diff: a paragraph typed or pasted as a copy of one that stays, in the
// save that cuts another, is that one's copy, and the cut paragraph's quotations were never its
// words. The word diff of the whole text reads such a paragraph as cut where it stood and typed
// where it went, and pairs its quotations with twins that happen to line up; a word diff of the
// paragraph alone says which of its quotations are still there, and where.
type movedParagraph struct {
	from, to int    // the paragraph before the edit and after it
	kept     []span // what a word diff of the two left, in code points from their starts
}

// findMoved returns the paragraph the edit moved and edited (see movedParagraph), or nil.
func (fe *fieldEdit) findMoved() *movedParagraph {
	from, to, ok := fe.movedPair()
	if !ok {
		return nil
	}
	return &movedParagraph{from: from, to: to, kept: keptSpans(fe.before.texts[from], fe.after.texts[to])}
}

// MovedParagraph returns which paragraph, its line, the edit from before to after moved and
// edited at once, by its index in before and in after, as the quote ledger finds it (see
// movedParagraph), and where the ledger placed each paragraph of before (see placed): the index
// of its paragraph in after, or -1; ok is false when the texts do not say. Comments anchored by
// the word diff of a whole text need it as the ledger does: that diff reads such a paragraph as
// cut where it stood and typed where it went, and pairs its words, and those of the paragraphs
// it moved past, with twins that happen to line up.
func MovedParagraph(before, after string) (from, to int, placed []int, ok bool) {
	fe := &fieldEdit{before: indexParagraphs(before), after: indexParagraphs(after)}
	fe.place()
	if from, to, ok = fe.movedPair(); !ok {
		return 0, 0, nil, false
	}
	placed = make([]int, len(fe.placed))
	for i, at := range fe.placed {
		placed[i] = -1
		if at >= 0 {
			placed[i] = sort.SearchInts(fe.after.starts, at)
		}
	}
	return from, to, placed, true
}

// movedPair is findMoved's paragraph, by its index before and after the edit, without the diff
// of the two.
func (fe *fieldEdit) movedPair() (from, to int, ok bool) {
	b, a := fe.before, fe.after
	oldOf := make([]int, len(a.texts)) // the paragraph before placed at each one after, or -1
	for k := range oldOf {
		oldOf[k] = -1
	}
	for i, at := range fe.placed {
		if at >= 0 {
			oldOf[a.index(at)] = i
		}
	}
	olds := stretches(len(b.texts), func(k int) int {
		if fe.placed[k] >= 0 {
			return k
		}
		return -1
	})
	news := stretches(len(a.texts), func(k int) int { return oldOf[k] })
	count := map[stretchOf][2]int{}
	for _, s := range olds {
		if s.placed < 0 {
			c := count[s.between]
			count[s.between] = [2]int{c[0] + 1, c[1]}
		}
	}
	for _, s := range news {
		if s.placed < 0 {
			c := count[s.between]
			count[s.between] = [2]int{c[0], c[1] + 1}
		}
	}
	from, to = lone(olds, func(s stretchOf) bool { return count[s][1] == 0 }), lone(news, func(s stretchOf) bool { return count[s][0] == 0 })
	if from < 0 || to < 0 || b.texts[from] == a.texts[to] || !similar(b.texts[from], a.texts[to]) {
		return 0, 0, false
	}
	sets := wordSets{}
	unplacedOld := func(k int) bool { return fe.placed[k] < 0 }
	unplacedNew := func(k int) bool { return oldOf[k] < 0 }
	if !closest(sets, b.texts[from], a.texts, to, unplacedNew) || !closest(sets, a.texts[to], b.texts, from, unplacedOld) {
		return 0, 0, false
	}
	if k := nearer(sets, a.texts[to], b.texts, from); k >= 0 && keptSize(b.texts[k], a.texts[to]) > keptSize(b.texts[from], a.texts[to]) {
		return 0, 0, false
	}
	return from, to, true
}

// closest reports whether texts[pick] is as like text as any of texts that open says are still
// open to it (see alike): when one save moves and edits two paragraphs that quote the same
// words, the paragraph cut from one stretch and the one typed in another may be two different
// paragraphs, and the pair is the moved paragraph only if each is the other's nearest.
func closest(sets wordSets, text string, texts []string, pick int, open func(k int) bool) bool {
	w := sets.of(text)
	score := func(k int) (common, size int) {
		o := sets.of(texts[k])
		return shared(w, o), len(w) + len(o)
	}
	c, n := score(pick)
	for k := range texts {
		if k != pick && open(k) {
			if ck, nk := score(k); ck*n > c*nk {
				return false
			}
		}
	}
	return true
}

// nearer returns the paragraph of texts, other than texts[pick], whose words are most like
// text's when they are more like them than texts[pick]'s are (see closest), or -1.
func nearer(sets wordSets, text string, texts []string, pick int) int {
	w := sets.of(text)
	score := func(k int) (common, size int) {
		o := sets.of(texts[k])
		return shared(w, o), len(w) + len(o)
	}
	best := -1
	c, n := score(pick)
	for k := range texts {
		if k != pick {
			if ck, nk := score(k); ck*n > c*nk {
				best, c, n = k, ck, nk
			}
		}
	}
	return best
}

// keptSize returns how many code points of after a word diff from before leaves unchanged.
func keptSize(before, after string) int {
	n := 0
	for _, s := range keptSpans(before, after) {
		n += s.n
	}
	return n
}

// stretchOf is where a paragraph stands among the placed ones: the placed paragraphs nearest it
// above and below, by their index before the edit (-1 for none).
type stretchOf struct{ above, below int }

// paragraphAt is a paragraph's stretch, and the paragraph before the edit placed there (-1 for
// none: then it stands in the stretch).
type paragraphAt struct {
	between stretchOf
	placed  int
}

// stretches returns where each of n paragraphs stands, placed(k) telling which paragraph before
// the edit the k-th is, if placed.
func stretches(n int, placed func(k int) int) []paragraphAt {
	out := make([]paragraphAt, n)
	last := -1
	for k := range out {
		out[k].placed = placed(k)
		out[k].between.above = last
		if out[k].placed >= 0 {
			last = out[k].placed
		}
	}
	last = -1
	for k := n - 1; k >= 0; k-- {
		out[k].between.below = last
		if out[k].placed >= 0 {
			last = out[k].placed
		}
	}
	return out
}

// lone returns the one paragraph of ps not placed whose stretch alone says, or -1 when there is
// none or more than one.
func lone(ps []paragraphAt, alone func(stretchOf) bool) int {
	found := -1
	for k, p := range ps {
		if p.placed < 0 && alone(p.between) {
			if found >= 0 {
				return -1
			}
			found = k
		}
	}
	return found
}

// inMoved reports whether old code points [start, end) lie in the paragraph the edit moved and
// edited, and if so where they stand after it when a word diff of that paragraph alone left
// them unchanged, or -1.
func (fe *fieldEdit) inMoved(start, end int) (at int, in bool) {
	m := fe.moved
	if m == nil {
		return -1, false
	}
	b := fe.before
	if start < b.starts[m.from] || end > b.ends[m.from] {
		return -1, false
	}
	s, e := start-b.starts[m.from], end-b.starts[m.from]
	i := sort.Search(len(m.kept), func(i int) bool { return m.kept[i].old > s }) - 1
	if i >= 0 && e <= m.kept[i].old+m.kept[i].n {
		return fe.after.starts[m.to] + m.kept[i].new + s - m.kept[i].old, true
	}
	return -1, true
}
