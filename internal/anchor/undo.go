package anchor

// Undone checks results, where Reanchor carried sels from later back to earlier, against the
// save that turned earlier into later: the words of each result, carried forward by the diff
// from earlier to later, the save's own direction, must come onto the words of its selector. A
// diff read backwards cannot tell the words a save typed from a copy of them it kept: undoing
// the paste of a piece after itself, the diff from the two copies to the one pairs the pasted
// copy's words with the original's as well as the original's, and would carry a comment on the
// copy onto the original, words the save kept apart from the copy. Such a result is detached:
// the save typed the comment's words, and they are not in the earlier text. Only selectors that
// reach into the middle the save changed are checked, since the diffs both ways keep the common
// head and tail in place; the forward diff is paid for from w, and a result w cannot pay to check
// keeps its place.
func (w *Work) Undone(earlier, later string, sels []Selector, results []Result) {
	head, from := unchanged(later, earlier)
	var idx []int
	var back []Selector
	for i, sel := range sels {
		if results[i].Status == Detached || sel.End <= head || sel.Start >= from {
			continue
		}
		idx = append(idx, i)
		back = append(back, results[i].Next)
	}
	if len(idx) == 0 {
		return
	}
	forward := w.Reanchor(earlier, later, back)
	if w.Short() {
		return
	}
	for k, res := range forward {
		i := idx[k]
		if sel := sels[i]; res.Status == Detached || res.End <= sel.Start || res.Start >= sel.End {
			results[i] = Result{Exact: sel.Exact, Status: Detached}
		}
	}
}
