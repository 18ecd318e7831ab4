package anchor

import "sort"

// slide moves a comment's words, which the diff put at new code points [s, end) from old code
// points [from, to) of one stretch the edit left unchanged, to where they stand when every plain
// insertion or deletion right before them that could as well sit right after them does. A
// sentence typed again beside itself is an insertion after the first copy or before the second,
// and the diff may say either; the text cannot tell which copy was typed, so the words keep
// their place, as they do when the diff put the change after them ("echo echo" becoming "echo
// echo echo": a comment on the first stays on the first). It returns the new start, and false
// when the words are a deletion the diff could as well have made, which the caller detaches
// rather than leave on their twin. It compares the code points the change would slide over,
// paid for from b; when b cannot pay, it reports false, and the words are detached rather than
// left on a guess.
func (e *edit) slide(s, end, from, to int, b *budget) (int, bool) {
	i := sort.Search(len(e.segs), func(i int) bool { return e.segs[i].newEnd > s })
	if i == 0 || i == len(e.segs) || !e.segs[i].same || s < e.segs[i].newStart || end > e.segs[i].newEnd ||
		e.segs[i].oldStart+s-e.segs[i].newStart != from || to-from != end-s {
		return s, true
	}
	switch p := e.segs[i-1]; {
	case p.oldStart == p.oldEnd:
		n := p.newEnd - p.newStart
		if same, paid := repeatsBy(e.text, p.newStart, end-n, n, b); !paid {
			return s, false
		} else if same {
			return s - n, true
		}
	case p.newStart == p.newEnd:
		n := p.oldEnd - p.oldStart
		if same, paid := repeatsBy(e.old, p.oldStart, to-n, n, b); !paid || same {
			return s, false
		}
	}
	return s, true
}

// repeatsBy reports whether text[lo:hi) equals text[lo+n:hi+n): whether a change of the n code
// points after lo could slide to end at hi+n. It pays b for the code points it compares, up to
// the first that differs, so that words far from a change cost little, and reports false for
// paid when b cannot pay for the comparison.
func repeatsBy(text []rune, lo, hi, n int, b *budget) (same, paid bool) {
	for k := lo; k < hi; k++ {
		if k-lo >= b.left {
			b.charge(k - lo)
			return false, false
		}
		if text[k] != text[k+n] {
			return false, b.charge(k - lo + 1)
		}
	}
	return true, b.charge(hi - lo)
}
