package worddiff

// split searches for the middle of an edit path from a[aLo:aHi] to b[bLo:bHi], running Myers'
// greedy search forwards from the start and backwards from the end until the two meet. It
// returns a point (x, y) on the path, so that a[aLo:x] vs b[bLo:y] and a[x:aHi] vs b[y:bHi] can
// be diffed separately. The two ranges must be non-empty and have no common first or last token.
//
// When the search passes d.expensive edits it gives up minimality and splits at the furthest
// point either direction has reached. When the work budget runs out it reports ok == false; the
// budget is checked on every diagonal, so a search overspends it by at most one snake.
func (d *differ) split(aLo, aHi, bLo, bHi int) (x, y int, ok bool) {
	n, m := aHi-aLo, bHi-bLo
	maxD := (n + m + 1) / 2
	off := d.reach(maxD)
	fwd, rev := d.scratch(2*off + 2)
	fwd[off+1], rev[off+1] = 0, 0
	delta := n - m
	// With an odd delta the paths can only meet during a forward step, with an even one
	// only during a reverse step.
	odd := delta%2 != 0
	var fStart, fEnd, rStart, rEnd int
	for e := 0; e < maxD; e++ {
		for k := -e + fStart; k <= e-fEnd; k += 2 {
			if d.budget--; d.budget < 0 {
				return 0, 0, false
			}
			i := off + k
			var x1 int
			if k == -e || (k != e && fwd[i-1] < fwd[i+1]) {
				x1 = fwd[i+1]
			} else {
				x1 = fwd[i-1] + 1
			}
			y1 := x1 - k
			for x1 < n && y1 < m && d.a[aLo+x1] == d.b[bLo+y1] {
				x1++
				y1++
				d.budget--
			}
			fwd[i] = x1
			switch {
			case x1 > n:
				fEnd += 2
			case y1 > m:
				fStart += 2
			case odd:
				if j := off + delta - k; j >= 0 && j < len(rev) && rev[j] != -1 && x1 >= n-rev[j] {
					return aLo + x1, bLo + y1, true
				}
			}
		}
		for k := -e + rStart; k <= e-rEnd; k += 2 {
			if d.budget--; d.budget < 0 {
				return 0, 0, false
			}
			i := off + k
			var x2 int
			if k == -e || (k != e && rev[i-1] < rev[i+1]) {
				x2 = rev[i+1]
			} else {
				x2 = rev[i-1] + 1
			}
			y2 := x2 - k
			for x2 < n && y2 < m && d.a[aHi-1-x2] == d.b[bHi-1-y2] {
				x2++
				y2++
				d.budget--
			}
			rev[i] = x2
			switch {
			case x2 > n:
				rEnd += 2
			case y2 > m:
				rStart += 2
			case !odd:
				if j := off + delta - k; j >= 0 && j < len(fwd) && fwd[j] != -1 && fwd[j] >= n-x2 {
					x1 := fwd[j]
					return aLo + x1, bLo + x1 - (j - off), true
				}
			}
		}
		if e >= d.expensive {
			return d.furthest(e, off, aLo, bLo, aHi, bHi, fStart, fEnd, rStart, rEnd)
		}
	}
	return 0, 0, false
}

// furthest picks, after e steps of a search that grew too expensive, the reached point that
// leaves the least work: the forward or reverse frontier point that covers the most tokens.
// Each half of the split is then searched afresh, so the diff stays local and readable.
func (d *differ) furthest(e, off, aLo, bLo, aHi, bHi, fStart, fEnd, rStart, rEnd int) (x, y int, ok bool) {
	n, m := aHi-aLo, bHi-bLo
	best := -1
	for k := -e + fStart; k <= e-fEnd; k += 2 {
		x1 := min(d.fwd[off+k], n)
		y1 := x1 - k
		if y1 < 0 || y1 > m || x1+y1 <= best {
			continue
		}
		best, x, y = x1+y1, aLo+x1, bLo+y1
	}
	for k := -e + rStart; k <= e-rEnd; k += 2 {
		x2 := min(d.rev[off+k], n)
		y2 := x2 - k
		if y2 < 0 || y2 > m || x2+y2 <= best {
			continue
		}
		best, x, y = x2+y2, aHi-x2, bHi-y2
	}
	return x, y, best > 0
}
