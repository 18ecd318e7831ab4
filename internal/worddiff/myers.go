package worddiff

// The limits below keep Words fast on any input. They trade minimality for time only on texts
// that differ in many places, where a minimal diff is hardly more readable than a near one.
const (
	// expensiveD is how many edits a search for the middle snake may explore in each
	// direction before it settles for the furthest point it reached, as GNU diff does. A
	// rewritten paragraph stays well under it; on a 20,000-word draft with 30% of its words
	// changed the heuristic keeps all but a handful of the tokens an exact diff keeps.
	expensiveD = 256

	// workBudget is the total number of diagonal steps, token comparisons and entries of the
	// search's arrays cleared that one diff may spend, about 40 ms. Once it is spent, whatever is left unresolved is shown as deleted
	// and inserted whole, so the cost of a diff is bounded whatever its inputs.
	workBudget = 1 << 23
)

// differ holds the state of one diff: the two token id sequences, the marks that the search
// sets on deleted tokens of a and inserted tokens of b, and the scratch arrays of the search.
type differ struct {
	a, b       []int32
	delA, insB []bool
	expensive  int
	budget     int
	fwd, rev   []int
}

// newDiffer returns a differ with the default limits.
func newDiffer(a, b []int32) *differ {
	return &differ{
		a: a, b: b,
		delA:      make([]bool, len(a)),
		insB:      make([]bool, len(b)),
		expensive: expensiveD,
		budget:    workBudget,
	}
}

// run marks every token that is not part of the common subsequence the search finds.
func (d *differ) run() { d.compare(0, len(d.a), 0, len(d.b)) }

// compare diffs a[aLo:aHi] against b[bLo:bHi] with Myers' linear-space divide and conquer: trim
// the common ends, find a point on a good edit path through the middle, and recurse on both sides.
func (d *differ) compare(aLo, aHi, bLo, bHi int) {
	for aLo < aHi && bLo < bHi && d.a[aLo] == d.b[bLo] {
		aLo++
		bLo++
	}
	for aLo < aHi && bLo < bHi && d.a[aHi-1] == d.b[bHi-1] {
		aHi--
		bHi--
	}
	if aLo == aHi || bLo == bHi {
		d.replace(aLo, aHi, bLo, bHi)
		return
	}
	x, y, ok := d.split(aLo, aHi, bLo, bHi)
	// The corner check is defensive: a split at a corner would recurse on the same range forever.
	if !ok || (x == aLo && y == bLo) || (x == aHi && y == bHi) {
		d.replace(aLo, aHi, bLo, bHi)
		return
	}
	d.compare(aLo, x, bLo, y)
	d.compare(x, aHi, y, bHi)
}

// replace marks a[aLo:aHi] as deleted and b[bLo:bHi] as inserted.
func (d *differ) replace(aLo, aHi, bLo, bHi int) {
	for i := aLo; i < aHi; i++ {
		d.delA[i] = true
	}
	for j := bLo; j < bHi; j++ {
		d.insB[j] = true
	}
}

// reach is how many diagonals either side of the middle one a search of up to maxD edits can
// reach: it stops at d.expensive edits, however long the ranges are.
func (d *differ) reach(maxD int) int { return min(maxD, d.expensive+1) }

// scratch returns the forward and reverse furthest-reach arrays for a search over size
// diagonals, reusing one allocation across the whole recursion. Clearing them is work, and the
// budget pays for it. split sizes them by reach, not by the ranges: sized by the ranges, they
// were cleared whole on every split, a pass over a 5 MB text for each of the dozens of splits a
// text changed throughout makes, which took a merge seconds.
func (d *differ) scratch(size int) ([]int, []int) {
	d.budget -= 2 * size
	if cap(d.fwd) < size {
		d.fwd = make([]int, size)
		d.rev = make([]int, size)
	}
	fwd, rev := d.fwd[:size], d.rev[:size]
	for i := range fwd {
		fwd[i] = -1
		rev[i] = -1
	}
	return fwd, rev
}
