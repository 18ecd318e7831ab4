package merge

import (
	"slices"

	"github.com/copydesk/copydesk/internal/worddiff"
)

// chunk is a stretch of the three sequences. An aligned chunk has as many tokens in each, the
// tokens at one index matched with each other; any other holds what each side has where at
// least one of them added or removed tokens. b0 is where the chunk starts in base.
type chunk struct {
	aligned            bool
	b0                 int
	base, theirs, mine []string
}

// diff3 cuts three sequences of tokens into aligned chunks, where base's tokens are matched in
// both sides, and the chunks between them, as diff3 does. inTheirs and inMine say where each
// token of base is matched in each side (see matches).
func diff3(base, theirs, mine []string, inTheirs, inMine []int) []chunk {
	var out []chunk
	i, t, m := 0, 0, 0
	for {
		k := i
		for k < len(base) && (inTheirs[k] < 0 || inMine[k] < 0) {
			k++
		}
		tEnd, mEnd := len(theirs), len(mine)
		if k < len(base) {
			tEnd, mEnd = inTheirs[k], inMine[k]
		}
		if k > i || tEnd > t || mEnd > m {
			out = append(out, chunk{b0: i, base: base[i:k], theirs: theirs[t:tEnd], mine: mine[m:mEnd]})
		}
		if k == len(base) {
			return out
		}
		i, t, m = k, tEnd, mEnd
		for i < len(base) && inTheirs[i] == t && inMine[i] == m {
			i, t, m = i+1, t+1, m+1
		}
		out = append(out, chunk{aligned: true, b0: k, base: base[k:i], theirs: theirs[tEnd:t], mine: mine[mEnd:m]})
	}
}

// matches returns, for each token of a, the index in b of the same token where the diff keeps
// it, or -1. With pairChanged, a change that replaces some tokens by as many others matches
// them in order too, as edits of each other: that is how a paragraph whose words changed is
// still found in its place.
func matches(a, b []string, pairChanged bool) []int {
	deleted, inserted := worddiff.Match(a, b)
	out := make([]int, len(a))
	i, j := 0, 0
	for i < len(a) {
		i0, j0 := i, j
		for i < len(a) && deleted[i] {
			i++
		}
		for j < len(b) && inserted[j] {
			j++
		}
		paired := pairChanged && i-i0 == j-j0
		for k := i0; k < i; k++ {
			out[k] = -1
			if paired {
				out[k] = j0 + k - i0
			}
		}
		if i < len(a) {
			out[i] = j
			i, j = i+1, j+1
		}
	}
	return out
}

// pick settles a changed chunk: the side that changed it, either when both made the same
// change, and false when both changed it differently.
func pick(c chunk) ([]string, bool) {
	switch {
	case slices.Equal(c.theirs, c.base):
		return c.mine, true
	case slices.Equal(c.mine, c.base), slices.Equal(c.theirs, c.mine):
		return c.theirs, true
	}
	return nil, false
}

// shared splits a chunk both sides changed differently into the tokens both begin it with, the
// chunk left between, and the tokens both end it with, and returns how many tokens of each side
// the first and last are. What both begin or end it with is what both kept of base there, or
// both typed: diff3 would otherwise take the change whole from each side, as one change of one
// place, and find the two different.
func shared(c chunk) (head int, inner chunk, tail int) {
	n := min(len(c.theirs), len(c.mine))
	b0 := 0
	for head < n && c.theirs[head] == c.mine[head] {
		if b0 < len(c.base) && c.base[b0] == c.theirs[head] {
			b0++
		}
		head++
	}
	b1 := len(c.base)
	for tail < n-head && c.theirs[len(c.theirs)-1-tail] == c.mine[len(c.mine)-1-tail] {
		if b1 > b0 && c.base[b1-1] == c.mine[len(c.mine)-1-tail] {
			b1--
		}
		tail++
	}
	inner = chunk{b0: c.b0 + b0, base: c.base[b0:b1], theirs: c.theirs[head : len(c.theirs)-tail], mine: c.mine[head : len(c.mine)-tail]}
	return head, inner, tail
}
