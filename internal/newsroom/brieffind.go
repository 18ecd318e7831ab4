package newsroom

import "slices"

// carriers is, for each run, the first body quote that carries it (-1 when none does) and
// whether a cleared one does.
type carriers struct {
	first   []int
	cleared []bool
}

// group is the runs of one length with the same first and last words. A window of the body is
// hashed only when it could be one of them and one of them still wants a finding: a carrier, or
// a cleared carrier when the window's quote is cleared.
type group struct {
	uncarried, uncleared int
}

// length is the groups of runs of k words with the same first word, by their last word.
type length struct {
	k     int
	tails map[int32]*group
	// last is the group of the tail word lastTail, the last one found: where many lengths
	// match at every word, the worst case of find's pass, the body repeats itself, and so do
	// the tails its windows end on.
	lastTail int32
	last     *group
}

// group returns the group of the runs of this length that end with the word tail, or nil.
func (l *length) group(tail int32) *group {
	if l.last != nil && l.lastTail == tail {
		return l.last
	}
	g := l.tails[tail]
	if g != nil {
		l.lastTail, l.last = tail, g
	}
	return g
}

// find finds every run in the body in one pass over the body's words. Identical runs are looked
// for once. A one-word run is looked up by its word; a longer one is hashed only at the windows
// that start and end with its first and last words while its group wants a finding, so the work
// is at most the body's length times the number of lengths of runs starting with the same word
// (under 70 for a brief within MaxBrief), and near the body's length on any real draft. The pass stops once
// every run has a cleared carrier.
func (b *bodyWords) find(runs []run) carriers {
	c := carriers{first: make([]int, len(runs)), cleared: make([]bool, len(runs))}
	canon := make([]int, len(runs)) // the first run identical to each
	ones := map[int32]int{}         // the one-word runs by their word
	starts := map[int32][]*length{} // the groups of longer runs by their first word
	byHash := map[[2]uint64][]int{} // the runs by length and hash
	open := 0
	for i, r := range runs {
		c.first[i], canon[i] = -1, i
		key := [2]uint64{uint64(len(r.ids)), r.hash}
		if j := slices.IndexFunc(byHash[key], func(j int) bool { return slices.Equal(runs[j].ids, r.ids) }); j >= 0 {
			canon[i] = byHash[key][j]
			continue
		}
		switch k := len(r.ids); k {
		case 0:
			continue
		case 1:
			ones[r.ids[0]] = i
		default:
			g := b.groupFor(starts, r)
			g.uncarried++
			g.uncleared++
		}
		byHash[key] = append(byHash[key], i)
		open++
	}
	for p := 0; p < len(b.exact) && open > 0; p++ {
		q := int(b.quoteOf[p])
		if i, ok := ones[b.one[p]]; ok {
			_, cleared := c.see(b, i, q, p, runs[i])
			open -= cleared
		}
		for _, l := range starts[b.head[p]] {
			end := p + l.k - 1
			if end >= len(b.exact) || int(b.quoteOf[end]) != q {
				continue
			}
			g := l.group(b.tail[end])
			if g == nil || !g.wants(b.cleared[q]) {
				continue
			}
			for _, i := range byHash[[2]uint64{uint64(l.k), b.windowHash(p, l.k)}] {
				carried, cleared := c.see(b, i, q, p, runs[i])
				g.uncarried -= carried
				g.uncleared -= cleared
				open -= cleared
			}
		}
	}
	for i, j := range canon {
		c.first[i], c.cleared[i] = c.first[j], c.cleared[j]
	}
	return c
}

// groupFor returns the group of the longer run r, made on first use.
func (b *bodyWords) groupFor(starts map[int32][]*length, r run) *group {
	head, tail, k := r.ids[0], r.ids[len(r.ids)-1], len(r.ids)
	i := slices.IndexFunc(starts[head], func(l *length) bool { return l.k == k })
	if i < 0 {
		starts[head] = append(starts[head], &length{k: k, tails: map[int32]*group{}})
		i = len(starts[head]) - 1
	}
	l := starts[head][i]
	if l.tails[tail] == nil {
		l.tails[tail] = &group{}
	}
	return l.tails[tail]
}

// wants reports whether a window of a quote, cleared or not, could give one of g's runs a
// finding it lacks.
func (g *group) wants(cleared bool) bool {
	if cleared {
		return g.uncleared > 0
	}
	return g.uncarried > 0
}

// see records that body quote q may carry run i at word p and returns how many runs that gave a
// carrier and how many it cleared (0 or 1 each). The words are compared only when the finding
// would change, so a run found at every word is compared a few times, not at every word.
func (c carriers) see(b *bodyWords, i, q, p int, r run) (carried, cleared int) {
	ok := b.cleared[q]
	if c.cleared[i] || c.first[i] >= 0 && !ok || !b.at(p, r) {
		return 0, 0
	}
	if c.first[i] < 0 {
		c.first[i], carried = q, 1
	}
	if ok {
		c.cleared[i], cleared = true, 1
	}
	return carried, cleared
}
