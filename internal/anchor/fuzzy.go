package anchor

import "slices"

// fuzzy finds the exact text with a few edits in a window around at, where the quote is
// expected to start, with Myers' bit-parallel approximate matching. It keeps the best few end
// positions within the allowed edit distance, finds where each match starts, and returns the
// one with the most evidence among those whose context agrees enough, the nearest to the hint
// among equals, with its evidence. A quote of shortSpan code points or fewer is looked for
// with one edit at at alone, where its context must agree in full.
func (q *query) fuzzy(at int) (start, end, evidence int, ok bool) {
	m := len(q.exact)
	k := m * maxEditPercent / 100
	if k == 0 {
		return q.shortAt(at)
	}
	if m > maxFuzzyLen {
		return 0, 0, 0, false
	}
	lo := max(0, at-fuzzyRadius-k)
	hi := min(len(q.text), at+m+fuzzyRadius+k)
	blocks := (m + 63) / 64
	// The search pays for its two matchers, 128 words of masks per block each, and for reading
	// the window a block at a time.
	if hi-lo < m-k || !q.b.spend(2*(m+128*blocks)+(hi-lo)*blocks*blockCost) {
		return 0, 0, 0, false
	}
	fwd := newMatcher(q.exact)
	dist := make([]int, hi-lo)
	for i := range dist {
		dist[i] = fwd.step(q.text[lo+i], 0)
	}
	ends := candidateEnds(dist, k, at+m-lo-1)
	rev := newMatcher(reversed(q.exact))
	bestEvidence, bestDist := -1, 0
	for _, c := range ends {
		// Each candidate reads back up to m+k code points and snaps each end over 2k+1 places.
		if !q.b.spend((m+k)*blocks*blockCost + 2*(2*k+1)*(ContextLen+1)) {
			break
		}
		e := lo + c + 1
		s, d := q.matchStart(rev, lo, e, k)
		s, e = q.snap(s, e, k)
		score := q.contextScore(s, e)
		ev := m - d + score
		if score < fuzzyMinContext || ev < minEvidence {
			continue
		}
		if dist := abs(s - q.hint); ev > bestEvidence || ev == bestEvidence && dist < bestDist {
			start, end, ok, bestEvidence, bestDist = s, e, true, ev, dist
		}
	}
	return start, end, bestEvidence, ok
}

// shortAt finds a quote of two to shortSpan code points edited once at at: the replacement,
// one code point shorter, as long or longer, that has the quote's context in full on both
// sides. "12" corrected to "13" follows; a lone "12" among new words does not.
func (q *query) shortAt(at int) (start, end, evidence int, ok bool) {
	m := len(q.exact)
	if m < 2 || m > shortSpan || at < 0 {
		return 0, 0, 0, false
	}
	for e := at + m - 1; e <= min(at+m+1, len(q.text)); e++ {
		if e > at && q.contextScore(at, e) == perfect && q.editDistance(q.text[at:e]) <= 1 {
			return at, e, m - 1 + perfect, true
		}
	}
	return 0, 0, 0, false
}

// snap moves a match's start and end by up to k code points each to where the text agrees
// best with the selector's prefix and suffix. Edit distance alone cannot tell "yearly budget"
// from "arly budget" as the new form of "annual budget", but the context, which ends with
// "the ", can; a side whose context is gone stays where the distance put it.
func (q *query) snap(s, e, k int) (int, int) {
	bestS, bestScore := s, q.prefixScore(s)
	for c := max(0, s-k); c <= min(s+k, e-1); c++ {
		if score := q.prefixScore(c); score > bestScore || score == bestScore && abs(c-s) < abs(bestS-s) {
			bestS, bestScore = c, score
		}
	}
	bestE, bestScore := e, q.suffixScore(e)
	for c := max(bestS+1, e-k); c <= min(e+k, len(q.text)); c++ {
		if score := q.suffixScore(c); score > bestScore || score == bestScore && abs(c-e) < abs(bestE-e) {
			bestE, bestScore = c, score
		}
	}
	return bestS, bestE
}

// matchStart runs the reversed quote backwards from end e and returns the start of the best
// match ending there, and its edit distance. Among equally good starts it takes the earliest,
// so that a replaced first letter is kept in the match rather than dropped from it.
func (q *query) matchStart(rev *matcher, lo, e, k int) (start, dist int) {
	rev.reset()
	start, dist = e, len(q.exact)
	for i := e - 1; i >= max(lo, e-len(q.exact)-k); i-- {
		if d := rev.step(q.text[i], 1); d <= dist {
			start, dist = i, d
		}
	}
	return start, dist
}

// candidateEnds picks from dist, the edit distance of the best match ending at each position,
// one position per run of positions within k: the last one with the run's lowest distance, so
// that a replaced last word is kept whole. It returns at most maxFuzzyCandidates of them, the
// closest matches first and, among equals, those nearest to want.
func candidateEnds(dist []int, k, want int) []int {
	var ends []int
	for i := 0; i < len(dist); i++ {
		if dist[i] > k {
			continue
		}
		best := i
		for ; i < len(dist) && dist[i] <= k; i++ {
			if dist[i] <= dist[best] {
				best = i
			}
		}
		ends = append(ends, best)
	}
	slices.SortStableFunc(ends, func(a, b int) int {
		if dist[a] != dist[b] {
			return dist[a] - dist[b]
		}
		return abs(a-want) - abs(b-want)
	})
	return ends[:min(len(ends), maxFuzzyCandidates)]
}

// reversed returns a reversed copy of r.
func reversed(r []rune) []rune {
	out := slices.Clone(r)
	slices.Reverse(out)
	return out
}

// contextCenters returns where the quote would start according to the nearest exact
// occurrence of the end of its prefix and of the start of its suffix, so that a quote that was
// both edited and moved far, with its paragraph, can still be searched for around its context.
func (q *query) contextCenters() []int {
	var at []int
	if p := q.prefix[max(0, len(q.prefix)-centerLen):]; len(p) >= minCenterLen {
		if s, ok := q.nearest(p, q.hint-len(p)); ok {
			at = append(at, s+len(p))
		}
	}
	if p := q.suffix[:min(len(q.suffix), centerLen)]; len(p) >= minCenterLen {
		if s, ok := q.nearest(p, q.hint+len(q.exact)); ok {
			at = append(at, s-len(q.exact))
		}
	}
	return at
}

// nearest returns the occurrence of pat closest to around.
func (q *query) nearest(pat []rune, around int) (found int, ok bool) {
	scanOutward(q.text, pat, around, q.b, func(s int) bool {
		found, ok = s, true
		return false
	})
	return found, ok
}
