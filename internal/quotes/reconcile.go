package quotes

import (
	"cmp"
	"maps"
	"slices"
	"sort"
	"strings"
)

// Entry is a quote as a ledger holds it: the field it sits in, its words, and where it starts and
// ends, marks included.
type Entry struct {
	Field      string
	Text       string
	Start, End int
}

// Pair links an old ledger entry (Old, an index into the entries) to a quote found now (New).
type Pair struct{ Old, New int }

// Plan says how the quotes found in a new revision map onto the ledger.
type Plan struct {
	Kept    []Pair // the same words: the entry keeps its check, wherever the quote moved
	Edited  []Pair // the words changed: the same entry, back to unchecked
	Removed []int  // old entries whose quote is gone
	Added   []int  // new quotes with no entry yet
	// Doubted holds the old entries of Edited whose words stayed but a copy beside them made
	// them twins no text can tell apart (see doubtCopies); Undoubted those of Kept whose copy
	// beside them the edit took out (see undoubtCopies), whose check taken back then stands again.
	Doubted, Undoubted []int
}

// maxEditPairing bounds the similarity pass: beyond this many unmatched old × new quotes (a
// rewrite, not an edit) the leftovers are simply removed and added.
const maxEditPairing = 10000

// Reconcile plans the ledger's update across ed, the edit from the text the entries old were
// found in to the one the quotes found were. A quote whose text is unchanged keeps its entry, even
// when the paragraphs around it moved, preferring an entry in the same field and then the nearest
// one. Quotes that repeat the same words in one field are told apart by the edit first: a twin
// the edit left untouched keeps its own entry wherever the edit shifted it, so that when one twin
// goes, its check never passes to the other, however near it comes. Twins the edit touched, as
// many now as before, keep their entries in reading order: an edit above them moves them all
// alike, and by offsets alone a short "No comment" from one source would take the check of
// another's. An entry whose quotation the edit left mostly in place, edited there or without its
// marks, goes to no quote elsewhere that reads as it did: that is a copy, new words (see
// stayed). Twins paired by nearness keep their reading order where they stood in one paragraph
// and stand in one (see keepOrder). A leftover quote whose words mostly match a leftover entry in the same field is that
// entry, edited. Everything else is removed or added. Last, a kept quote with a new copy of it
// beside it, which no text can tell from the copy, goes back to unchecked (see doubtCopies).
func Reconcile(old []Entry, found []Entry, ed Edit) Plan {
	var p Plan
	usedOld := make([]bool, len(old))
	inOrder := pairByEdit(old, found, ed)
	for _, i := range inOrder {
		if i >= 0 {
			usedOld[i] = true
		}
	}
	for j, i := range pairInOrder(old, found, inOrder) {
		if i >= 0 {
			inOrder[j] = i
			usedOld[i] = true
		}
	}
	stay := stayed(old, found, usedOld, inOrder, ed)
	blocked := slices.Clone(usedOld)
	for i, r := range stay {
		blocked[i] = blocked[i] || r != nil
	}
	near := newNearest(old, blocked)
	var leftNew, byNearness []int
	for j, f := range found {
		best := inOrder[j]
		if best >= 0 {
			p.Kept = append(p.Kept, Pair{best, j})
			continue
		}
		if best = near.take(f); best < 0 {
			leftNew = append(leftNew, j)
			continue
		}
		usedOld[best] = true
		byNearness = append(byNearness, len(p.Kept))
		p.Kept = append(p.Kept, Pair{best, j})
	}
	keepOrder(&p, byNearness, old, found, ed)
	var leftOld []int
	for i := range old {
		if !usedOld[i] {
			leftOld = append(leftOld, i)
		}
	}
	if len(leftOld)*len(leftNew) > maxEditPairing {
		p.Removed, p.Added = leftOld, leftNew
		return p
	}
	for _, j := range leftNew {
		paired := false
		for k, i := range leftOld {
			if i >= 0 && old[i].Field == found[j].Field && similar(old[i].Text, found[j].Text) && stay[i].holds(found[j]) {
				p.Edited = append(p.Edited, Pair{i, j})
				leftOld[k] = -1
				paired = true
				break
			}
		}
		if !paired {
			p.Added = append(p.Added, j)
		}
	}
	for _, i := range leftOld {
		if i >= 0 {
			p.Removed = append(p.Removed, i)
		}
	}
	doubtCopies(&p, old, found, ed)
	undoubtCopies(&p, old, found, ed)
	return p
}

// stayed looks at each old entry not used yet whose quotation ed's word diff left mostly where it
// was, in a range where no quote paired already stands, nor one with its words punctuated
// otherwise (where the diff lent the range to a twin's quote, it says nothing of which is which). A quote found there with the same words
// keeps the entry: it pairs them, in paired and used. Otherwise the quotation was edited in
// place, or lost its marks there, and a quote elsewhere reading as it did is new words, typed or
// pasted, that must not take its entry and check: it returns the range for that entry, and
// Reconcile gives the entry only to a quote found in it, as an edit. The others get nil.
func stayed(old, found []Entry, used []bool, paired []int, ed Edit) []*stretch {
	out := make([]*stretch, len(old))
	var byField map[string][]int // the found quotes of each field, by where they start
	for i, e := range old {
		if used[i] {
			continue
		}
		fe := ed.fields[e.Field]
		s, end, ok := fe.stays(e.Start, e.End)
		if fe != nil {
			// A quotation in a paragraph found whole stands where that paragraph went, whatever
			// the word diff kept where it stood: a paragraph moved there and edited, whose twin
			// quotation the diff paired with it, is no place of its own.
			if at, whole := fe.unmoved(e.Start, e.End); whole {
				s, end, ok = at, at+e.End-e.Start, true
			}
		}
		if !ok {
			continue
		}
		if byField == nil {
			byField = map[string][]int{}
			for j, f := range found {
				byField[f.Field] = append(byField[f.Field], j)
			}
			for _, js := range byField {
				slices.SortFunc(js, func(a, b int) int { return cmp.Compare(found[a].Start, found[b].Start) })
			}
		}
		js := byField[e.Field]
		// Quotes of a field do not overlap, so those that end after the range starts are the
		// last ones that can overlap it.
		lent, same := false, -1
		for k := sort.Search(len(js), func(k int) bool { return found[js[k]].End > s }); k < len(js) && found[js[k]].Start < end; k++ {
			j := js[k]
			// A quote there with the same words, punctuated otherwise, may be a twin's
			// sentence that took this one's place: the diff cannot tell.
			lent = lent || paired[j] >= 0 || found[j].Text != e.Text && maps.Equal(wordSet(found[j].Text), wordSet(e.Text))
			if paired[j] < 0 && found[j].Text == e.Text {
				same = j
			}
		}
		switch {
		case lent:
		case same >= 0:
			paired[same], used[i] = i, true
		default:
			out[i] = &stretch{field: e.Field, start: s, end: end}
		}
	}
	return out
}

// stretch is a range of code points of a field.
type stretch struct {
	field      string
	start, end int
}

// holds reports whether the quote f overlaps r; every quote overlaps no stretch (nil).
func (r *stretch) holds(f Entry) bool {
	return r == nil || f.Field == r.field && f.Start < r.end && r.start < f.End
}

// key is what makes quotes twins: the same words in the same field.
type key struct{ field, text string }

// group gathers the entries of es by their key, leaving out those skip marks.
func group(es []Entry, skip func(int) bool) map[key][]int {
	m := make(map[key][]int)
	for i, e := range es {
		if !skip(i) {
			k := key{e.Field, e.Text}
			m[k] = append(m[k], i)
		}
	}
	return m
}

// pairByEdit returns, for each found quote, the old entry it keeps when it has twins among the
// old entries or the found quotes and ed left that entry's quotation untouched where the found
// quote now stands; the others get -1. The entries whose paragraphs the edit left whole claim
// their quotes first, and the word diff places the rest only where those left room: a twin in
// a paragraph that was edited can be paired by the diff with the quote of one that moved whole,
// which would hand the two each other's checks. Quotes without twins are left to the words alone.
func pairByEdit(old, found []Entry, ed Edit) []int {
	out := make([]int, len(found))
	for j := range out {
		out[j] = -1
	}
	type follow struct{ old, at int }
	var whole, diffed []follow
	olds := group(old, none)
	for k, js := range group(found, none) {
		is := olds[k]
		if len(is) == 0 || len(is) < 2 && len(js) < 2 {
			continue
		}
		fe := ed.fields[k.field]
		for _, i := range is {
			at, unmoved := fe.follow(old[i].Start, old[i].End)
			if unmoved {
				whole = append(whole, follow{i, at})
			} else if at >= 0 {
				diffed = append(diffed, follow{i, at})
			}
		}
	}
	// The found quotes by their words and where they start: looking each one up, rather than
	// reading every found quote for each entry, keeps a body of thousands of twins linear.
	type place struct {
		key
		start int
	}
	at := make(map[place][]int, len(found))
	for j, q := range found {
		k := place{key{q.Field, q.Text}, q.Start}
		at[k] = append(at[k], j)
	}
	for _, f := range append(whole, diffed...) {
		for _, j := range at[place{key{old[f.old].Field, old[f.old].Text}, f.at}] {
			if out[j] < 0 {
				out[j] = f.old
			}
		}
	}
	return out
}

func none(int) bool { return false }

// pairInOrder returns, for each found quote not paired yet (paired[j] is -1), the old entry it
// keeps when its words occur in its field as many times among the old entries left as among the
// found quotes left, two or more, at the same distances from one another: an edit above them
// moved them all alike, so the k-th occurrence in reading order keeps the k-th entry. The others
// get -1, and are paired by nearness: when the distances changed, an edit came between them (one
// went and another came, or a paragraph moved across its twin), and reading order no longer says
// which is which.
func pairInOrder(old, found []Entry, paired []int) []int {
	taken := make([]bool, len(old))
	for _, i := range paired {
		if i >= 0 {
			taken[i] = true
		}
	}
	olds := group(old, func(i int) bool { return taken[i] })
	news := group(found, func(j int) bool { return paired[j] >= 0 })
	out := make([]int, len(found))
	for j := range out {
		out[j] = -1
	}
	for k, js := range news {
		is := olds[k]
		if len(js) < 2 || len(is) != len(js) {
			continue
		}
		slices.SortStableFunc(is, func(a, b int) int { return cmp.Compare(old[a].Start, old[b].Start) })
		slices.SortStableFunc(js, func(a, b int) int { return cmp.Compare(found[a].Start, found[b].Start) })
		if !shiftedAlike(old, is, found, js) {
			continue
		}
		for n, j := range js {
			out[j] = is[n]
		}
	}
	return out
}

// shiftedAlike reports whether the entries is of old and the quotes js of found, each in reading
// order, stand at the same distances from one another.
func shiftedAlike(old []Entry, is []int, found []Entry, js []int) bool {
	for n := 1; n < len(is); n++ {
		if old[is[n]].Start-old[is[n-1]].Start != found[js[n]].Start-found[js[n-1]].Start {
			return false
		}
	}
	return true
}

// nearest finds, for a found quote, the unused old entry with its words that is the best match:
// one in the same field first, then the one nearest it, and of two as near the earlier entry.
// It keeps each field's entries of each text sorted by where they start and skips those used
// (see skips), so that a ledger of thousands of twins is paired in n log n time, not n².
type nearest struct {
	old    []Entry
	fields map[string][]*twins // by text: its entries in each field
}

// twins are the entries of one text in one field, sorted by where they start, with the used
// ones skipped over from the left and from the right.
type twins struct {
	field       string
	is          []int
	left, right skips
}

func newNearest(old []Entry, used []bool) *nearest {
	n := &nearest{old: old, fields: map[string][]*twins{}}
	byKey := map[key]*twins{}
	for i, e := range old {
		k := key{e.Field, e.Text}
		tw := byKey[k]
		if tw == nil {
			tw = &twins{field: e.Field}
			byKey[k] = tw
			n.fields[e.Text] = append(n.fields[e.Text], tw)
		}
		tw.is = append(tw.is, i)
	}
	for _, tw := range byKey {
		slices.SortStableFunc(tw.is, func(a, b int) int { return cmp.Compare(old[a].Start, old[b].Start) })
		tw.left, tw.right = newSkips(len(tw.is)), newSkips(len(tw.is))
		for k, i := range tw.is {
			if used[i] {
				tw.drop(k)
			}
		}
	}
	return n
}

// take returns the best unused entry for f, marked used from now on, or -1 when none is left.
func (n *nearest) take(f Entry) int {
	var best *twins
	bestK := -1
	for _, tw := range n.fields[f.Text] {
		k := tw.nearest(n.old, f.Start)
		if k >= 0 && (bestK < 0 || n.better(tw.is[k], best.is[bestK], f)) {
			best, bestK = tw, k
		}
	}
	if bestK < 0 {
		return -1
	}
	best.drop(bestK)
	return best.is[bestK]
}

// better reports whether entry a is a better match than b for the found quote f: same field
// first, then the smaller distance, then the earlier entry.
func (n *nearest) better(a, b int, f Entry) bool {
	if (n.old[a].Field == f.Field) != (n.old[b].Field == f.Field) {
		return n.old[a].Field == f.Field
	}
	da, db := abs(n.old[a].Start-f.Start), abs(n.old[b].Start-f.Start)
	return da < db || da == db && a < b
}

// nearest returns the place in tw.is of the unused entry that starts nearest start (of two as
// near, one before start and one after, the earlier entry), or -1 when all are used. Of two
// entries of one text in one field at the same place, which a ledger never holds, it may return
// either.
func (tw *twins) nearest(old []Entry, start int) int {
	k := sort.Search(len(tw.is), func(k int) bool { return old[tw.is[k]].Start >= start })
	r := tw.right.find(k)
	l := -1
	if k > 0 {
		l = len(tw.is) - 1 - tw.left.find(len(tw.is)-k)
	}
	switch {
	case r == len(tw.is):
		return l
	case l < 0:
		return r
	}
	dl, dr := start-old[tw.is[l]].Start, old[tw.is[r]].Start-start
	if dl < dr || dl == dr && tw.is[l] < tw.is[r] {
		return l
	}
	return r
}

// drop marks the entry at place k used.
func (tw *twins) drop(k int) {
	tw.right.skip(k)
	tw.left.skip(len(tw.is) - 1 - k)
}

// skips finds the first place at or after a given one that is not skipped, past any number of
// skipped places in near constant time (a disjoint-set forest with path halving). Place n, one
// past the end, is never skipped.
type skips []int

func newSkips(n int) skips {
	s := make(skips, n+1)
	for i := range s {
		s[i] = i
	}
	return s
}

func (s skips) skip(k int) { s[k] = k + 1 }

func (s skips) find(k int) int {
	for s[k] != k {
		s[k] = s[s[k]]
		k = s[k]
	}
	return k
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// similar reports whether two quotes share at least half their words (Dice coefficient over
// lower-cased word sets), which makes the newer one an edit of the older.
func similar(a, b string) bool {
	return alike(wordSet(a), wordSet(b))
}

// alike is similar on word sets already built.
func alike(wa, wb map[string]bool) bool {
	return len(wa) > 0 && len(wb) > 0 && 4*shared(wa, wb) >= len(wa)+len(wb)
}

// shared returns how many words two word sets have in common.
func shared(wa, wb map[string]bool) int {
	common := 0
	for w := range wa {
		if wb[w] {
			common++
		}
	}
	return common
}

// wordSets builds each text's word set once, for code that compares many texts with many.
type wordSets map[string]map[string]bool

func (ws wordSets) of(s string) map[string]bool {
	set, ok := ws[s]
	if !ok {
		set = wordSet(s)
		ws[s] = set
	}
	return set
}

func wordSet(s string) map[string]bool {
	set := map[string]bool{}
	for _, w := range strings.Fields(strings.ToLower(s)) {
		set[strings.Trim(w, ".,;:!?\"'“”‘’()")] = true
	}
	delete(set, "")
	return set
}
