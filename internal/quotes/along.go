package quotes

// Unwalked marks an entry a walk along versions did not follow (see Plan.Along).
const Unwalked = -2

// Along corrects p, planned by the one diff from the text the entries old were found in to the
// one the quotes found were, by a walk along the versions between, one saved edit at a time:
// along holds, for each entry of old, the quote of found the walk carried its words to, -1 when
// a step lost them, or Unwalked when the walk did not follow it. A restore, an undo or a redo
// is planned by the one diff, which pairs a quotation with a copy of it that a save in between
// pasted as readily as with its own words; the saves themselves told them apart. An entry the
// one diff kept or removed goes to the quote the walk carried it to, when the one diff kept or
// added that quote with the entry's words. A kept entry the walk carried elsewhere, or lost
// while its words stand in another entry or quote too, keeps the quote the one diff gave it
// only as an edit whose check is taken back and held (Doubted): its verdict must not pass to
// words nobody checked. Lost words that only it held and only that quote holds are its own
// (a save in between cut them, or left a copy beside them), and it keeps them with its check,
// unless apart(entry, quote) says the walk saw the two stand as two quotations of one version:
// then the entry's words were a copy that a save in between cut while the quote's stayed, whose
// own entry an edit took away, and its check is held as above. It is removed when another
// entry took that quote, and a quote no entry keeps then is added.
func (p *Plan) Along(old, found []Entry, along []int, apart func(old, found int) bool) {
	if p.walked(along) {
		return
	}
	open := make(map[int]bool, len(p.Kept)+len(p.Added))
	for _, k := range p.Kept {
		open[k.New] = true
	}
	for _, j := range p.Added {
		open[j] = true
	}
	claimed := make(map[int]bool, len(open))
	paired := make(map[int]bool, len(p.Kept)+len(p.Removed))
	var keep []Pair
	follow := func(i int) {
		if a := along[i]; a >= 0 && open[a] && !claimed[a] && found[a].Text == old[i].Text && found[a].Field == old[i].Field {
			keep = append(keep, Pair{i, a})
			claimed[a], paired[i] = true, true
		}
	}
	for _, k := range p.Kept {
		follow(k.Old)
	}
	for _, i := range p.Removed {
		follow(i)
	}
	var removed []int
	for _, i := range p.Removed {
		if !paired[i] {
			removed = append(removed, i)
		}
	}
	for _, k := range p.Kept {
		switch {
		case paired[k.Old]:
		case claimed[k.New]:
			removed = append(removed, k.Old)
		case along[k.Old] == Unwalked || along[k.Old] == -1 && !twinned(old, found, k) && !apart(k.Old, k.New):
			keep = append(keep, k)
			claimed[k.New] = true
		default:
			p.Edited = append(p.Edited, k)
			p.Doubted = append(p.Doubted, k.Old)
			claimed[k.New] = true
		}
	}
	var added []int
	for _, k := range p.Kept {
		if !claimed[k.New] {
			added = append(added, k.New)
		}
	}
	for _, j := range p.Added {
		if !claimed[j] {
			added = append(added, j)
		}
	}
	still := make(map[int]bool, len(keep))
	for _, k := range keep {
		still[k.Old] = true
	}
	var undoubted []int
	for _, i := range p.Undoubted {
		if still[i] {
			undoubted = append(undoubted, i)
		}
	}
	p.Kept, p.Removed, p.Added, p.Undoubted = keep, removed, added, undoubted
}

// walked reports whether the walk along agrees with p: every kept entry it followed is on the
// quote p keeps it on, and every removed one it lost.
func (p *Plan) walked(along []int) bool {
	for _, k := range p.Kept {
		if a := along[k.Old]; a != Unwalked && a != k.New {
			return false
		}
	}
	for _, i := range p.Removed {
		if along[i] >= 0 {
			return false
		}
	}
	return true
}

// twinned reports whether the words of pair k stand in more than one entry of old or more
// than one quote of found.
func twinned(old, found []Entry, k Pair) bool {
	n, m := 0, 0
	for _, e := range old {
		if e.Field == old[k.Old].Field && e.Text == old[k.Old].Text {
			n++
		}
	}
	for _, e := range found {
		if e.Field == found[k.New].Field && e.Text == found[k.New].Text {
			m++
		}
	}
	return n > 1 || m > 1
}
