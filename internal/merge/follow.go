package merge

import "slices"

// followMoves carries the edits one side (edited) made to paragraphs in their place to where the
// other side (moved) moved them whole, unedited. diff3 reads a move as a deletion where the
// paragraph was and an addition where it went; an edit in the old place then collides with the
// deletion, and the conflict shows the mover as having cut the paragraph, with a choice that
// prints it twice. So it returns base and edited with each such paragraph moved as moved moved
// it: after the same paragraph of base, or first. The merge of the three then takes the move
// from neither side and the edit from edited, in the new place. A paragraph is followed only
// when base and moved hold it once, edited holds it nowhere, and edited's paragraph in its place
// keeps at least half of its words; and only to after a paragraph both sides keep in place.
func followMoves(base, moved, edited []string) ([]string, []string) {
	for range base {
		inMoved, inEdited := matches(base, moved, true), matches(base, edited, true)
		k, after := -1, -1
		for i, p := range base {
			if inMoved[i] >= 0 || inEdited[i] < 0 || edited[inEdited[i]] == p {
				continue
			}
			if a, ok := movedAfter(base, moved, edited, inMoved, inEdited, i); ok {
				k, after = i, a
				break
			}
		}
		if k < 0 {
			break
		}
		editedAfter := -1
		if after >= 0 {
			editedAfter = inEdited[after]
		}
		base = moveAfter(base, k, after)
		edited = moveAfter(edited, inEdited[k], editedAfter)
	}
	return base, edited
}

// movedAfter returns the paragraph of base that moved puts base[k] right after (-1 for first),
// when moved moved base[k] whole and edited edited it in place (see followMoves), and false when
// it did not, or when that paragraph is not in place in both sides.
func movedAfter(base, moved, edited []string, inMoved, inEdited []int, k int) (int, bool) {
	p, e := base[k], edited[inEdited[k]]
	if count(base)[p] != 1 || count(moved)[p] != 1 || slices.Contains(edited, p) || !keepsHalf(p, e) {
		return 0, false
	}
	j := slices.Index(moved, p)
	if j == 0 {
		return -1, true
	}
	m := slices.Index(inMoved, j-1)
	if m < 0 || inEdited[m] < 0 {
		return 0, false
	}
	return m, true
}

// keepsHalf reports whether edit keeps at least half of the words of p.
func keepsHalf(p, edit string) bool {
	left := map[string]int{}
	for _, w := range wordsOf(edit) {
		left[w]++
	}
	words, same := wordsOf(p), 0
	for _, w := range words {
		if left[w] > 0 {
			left[w]--
			same++
		}
	}
	return same*2 >= len(words)
}

// moveAfter returns ps with ps[k] moved to right after ps[after] (-1: first).
func moveAfter(ps []string, k, after int) []string {
	p := ps[k]
	out := slices.Delete(slices.Clone(ps), k, k+1)
	if after > k {
		after--
	}
	return slices.Insert(out, after+1, p)
}
