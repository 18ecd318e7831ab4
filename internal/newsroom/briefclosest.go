package newsroom

import (
	"slices"
	"strings"
)

// The work closest may do, for a whole CheckBrief: a misquote's message names the closest body
// quote, and a hostile draft must not make approval wait for it.
const (
	closestCandidates = 4       // body quotes compared run by run with one misquote
	closestPostings   = 1 << 20 // entries of the word index read, all misquotes together
	closestCells      = 1 << 22 // pairs of words longestRun compares, all misquotes together
)

// nearest finds the body quote closest to a misquote's words. It indexes the body quotes by
// their loose words on first use, since a brief that matches needs no index.
type nearest struct {
	body            []bodyQuote
	loose           [][]string
	index           map[string][]int // the body quotes with each loose word, each once
	postings, cells int              // the work left
}

func newNearest(body []bodyQuote) *nearest {
	return &nearest{body: body, postings: closestPostings, cells: closestCells}
}

// closest returns the body quote that shares the longest run of words with words, compared
// without case or edge punctuation, or nil when the body quotes nothing. Only the few body
// quotes sharing the most different words are compared run by run, and only as many of their
// words as the work left allows, so on a large body the quote named may be a less than best
// one; it is only there to show the misquote beside.
func (n *nearest) closest(words []string) *Quote {
	if len(n.body) == 0 {
		return nil
	}
	n.build()
	key := loose(words)
	candidates := n.candidates(key)
	best, bestRun := 0, -1
	for _, qi := range candidates {
		if len(key) == 0 || n.cells < len(key) {
			break
		}
		b := n.loose[qi][:min(len(n.loose[qi]), n.cells/len(key))]
		n.cells -= len(key) * len(b)
		if r := longestRun(key, b); r > bestRun {
			best, bestRun = qi, r
		}
	}
	if bestRun < 0 && len(candidates) > 0 {
		best = candidates[0]
	}
	return &n.body[best].Quote
}

func (n *nearest) build() {
	if n.index != nil {
		return
	}
	n.index = map[string][]int{}
	n.loose = make([][]string, len(n.body))
	for qi, q := range n.body {
		n.loose[qi] = loose(q.words)
		for _, w := range n.loose[qi] {
			if ids := n.index[w]; len(ids) == 0 || ids[len(ids)-1] != qi {
				n.index[w] = append(ids, qi)
			}
		}
	}
}

// candidates returns the body quotes sharing the most different words with key, most first,
// reading the rarest words' index entries first while the work left allows.
func (n *nearest) candidates(key []string) []int {
	distinct := slices.Compact(slices.Sorted(slices.Values(key)))
	slices.SortStableFunc(distinct, func(a, b string) int { return len(n.index[a]) - len(n.index[b]) })
	shared := map[int]int{}
	for _, w := range distinct {
		ids := n.index[w]
		if len(ids) > n.postings {
			break
		}
		n.postings -= len(ids)
		for _, qi := range ids {
			shared[qi]++
		}
	}
	ids := make([]int, 0, len(shared))
	for qi := range shared {
		ids = append(ids, qi)
	}
	slices.SortFunc(ids, func(a, b int) int {
		if shared[a] != shared[b] {
			return shared[b] - shared[a]
		}
		return a - b
	})
	return ids[:min(len(ids), closestCandidates)]
}

func loose(words []string) []string {
	out := make([]string, len(words))
	for i, w := range words {
		out[i] = strings.ToLower(strings.Trim(w, edgePunct+`"'!?`))
	}
	return out
}

// longestRun is the length of the longest common run of words of a and b.
func longestRun(a, b []string) int {
	prev, cur := make([]int, len(b)+1), make([]int, len(b)+1)
	best := 0
	for i := range a {
		for j := range b {
			cur[j+1] = 0
			if a[i] == b[j] {
				cur[j+1] = prev[j] + 1
				best = max(best, cur[j+1])
			}
		}
		prev, cur = cur, prev
	}
	return best
}
