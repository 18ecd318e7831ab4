package anchor

import "slices"

// The tuning of Locate. Distances and lengths are in code points.
const (
	// minEvidence is how many code points of agreement, quote and context together, a place
	// needs before a comment attaches there. It is why a lone "the" whose context is gone
	// detaches instead of jumping to another "the", while a long quote needs no context.
	minEvidence = 16
	// fuzzyMinContext is the context agreement a fuzzy match needs on top of minEvidence: an
	// edited quote is only trusted where its surroundings are recognisably the same, for
	// example one side intact up to ContextLen.
	fuzzyMinContext = 16
	// maxEditPercent bounds a fuzzy match's edit distance as a share of the quote's length.
	maxEditPercent = 25
	// fuzzyRadius is how far around the hint, or around where the context says the quote
	// should start, the fuzzy search looks, which keeps its cost bounded whatever the length of
	// the text.
	fuzzyRadius = 4096
	// centerLen is how much of the prefix's end and of the suffix's start is looked for, exactly,
	// to find where an edited quote went when it also moved far from its hint; minCenterLen is
	// the least that is worth looking for.
	centerLen, minCenterLen = 16, 8
	// twinMinContext is the context agreement an exact occurrence away from the hint needs
	// when the fuzzy search at the hint found nothing better: a phrase repeated elsewhere with
	// a code point or two of context in common is a twin, not the commented words.
	twinMinContext = 8
	// ownWords is the length from which a quote is told apart by its own words, a sentence or
	// more, so that a paragraph moved whole to where its context is new keeps its comment.
	ownWords = 2 * ContextLen
	// maxFuzzyLen is the longest quote searched fuzzily; longer ones are found exactly or
	// detach, because the bit-parallel search costs one word per 64 code points of quote.
	maxFuzzyLen = 2048
	// maxFuzzyCandidates bounds how many approximate matches are checked for context.
	maxFuzzyCandidates = 8
	// perfect is the context score of a place whose prefix and suffix both agree in full.
	perfect = 2 * ContextLen
	// workBudget is the searching one call of LocateAll may do, in the units of budget: about
	// 100 ms of a slow, shared core at worst. An ordinary edit of a long draft with hundreds of
	// comments uses well under a hundredth of it.
	workBudget = 40_000_000
	// searchShares is how many searches LocateAll can afford in full: one search may use up to
	// a searchShares-th of the budget, enough to read a body at the length limit several times
	// over and to run the fuzzy search around the hint for a quote at the length limit.
	searchShares = 4
	// blockCost is what one step of the fuzzy matcher costs per 64 code points of quote, in code
	// points read: its bit operations take about five times as long.
	blockCost = 5
)

// query is one selector decoded into code points, with the text it is looked for in and the
// work it may still do.
type query struct {
	text, exact, prefix, suffix []rune
	hint                        int
	b                           *budget
	// on is the view of text, and quoteIn the view of the old text whose code points from
	// quoteAt are the quote, when Reanchor follows the quote through an edit: it compares and
	// cuts out words in the views' strings and normal forms, made once per call.
	on, quoteIn *view
	quoteAt     int
}

// newQuery decodes sel to be looked for in text. Its searches pay from b, which may be nil for
// a query that only looks at its hint.
func newQuery(text []rune, sel Selector, b *budget) *query {
	return &query{
		text:   text,
		exact:  []rune(sel.Exact),
		prefix: []rune(sel.Prefix),
		suffix: []rune(sel.Suffix),
		hint:   min(max(sel.Start, 0), len(text)),
		b:      b,
	}
}

// atHint returns the words at the hint when they are the exact text with its context intact,
// which is the common case and costs no search, only the length of the quote.
func (q *query) atHint() (Result, bool) {
	if score, ok := q.hintScore(); ok && score == perfect {
		return q.result(q.hint, q.hint+len(q.exact)), true
	}
	return Result{}, false
}

// hintScore returns the context score of the hint when the exact text is there.
func (q *query) hintScore() (int, bool) {
	s, m := q.hint, len(q.exact)
	if m == 0 || s+m > len(q.text) || !slices.Equal(q.text[s:s+m], q.exact) {
		return 0, false
	}
	return q.contextScore(s, s+m), true
}

// locate runs the steps of Locate on text already decoded into code points: the words at the
// hint, the exact occurrence with the best context, a fuzzy match around the hint, and one
// around where the context now is. An exact occurrence with its context in full, or at the
// hint, wins at once. One with weaker context competes with the fuzzy match at the hint on
// evidence, quote and context together, so that words edited in place keep their comment
// against an identical phrase elsewhere; and then it needs twinMinContext of context, unless
// the quote is ownWords long, so that a twin phrase is never taken on its length alone. The
// hint wins ties, so that a short quote that merely happens to sit at its old offset among new
// words is not kept there, and one whose true place moved is found there. Each step is paid
// for from b; one it cannot pay for is skipped.
func locate(text []rune, sel Selector, b *budget) Result {
	q := newQuery(text, sel, b)
	detached := Result{Exact: sel.Exact, Status: Detached}
	m := len(q.exact)
	if m == 0 {
		return detached
	}
	if r, ok := q.atHint(); ok {
		return r
	}
	s, score, found := q.bestExact()
	if found && (score == perfect || s == q.hint) {
		return q.result(s, s+m)
	}
	if fs, fe, evidence, ok := q.fuzzy(q.hint); ok && (!found || evidence > m+score) {
		return q.result(fs, fe)
	}
	if found && (score >= twinMinContext || m >= ownWords) {
		return q.result(s, s+m)
	}
	for _, at := range q.contextCenters() {
		if abs(at-q.hint) <= fuzzyRadius {
			continue // That window was searched already.
		}
		if s, e, _, ok := q.fuzzy(at); ok {
			return q.result(s, e)
		}
	}
	return detached
}

// result describes text[s:e) as found, Moved when its words differ from the selector's even in NFC.
func (q *query) result(s, e int) Result {
	if q.equalWords(s, e) {
		return q.resultAs(s, e, Exact)
	}
	return q.resultAs(s, e, Moved)
}

// contextScore says how well the text around text[s:e) agrees with the selector's context:
// the length of the common run on each side, or ContextLen for a side that agrees completely
// up to the edge of the text, so that a quote at the start of a title is as well placed as one
// in the middle of the body.
func (q *query) contextScore(s, e int) int {
	return q.prefixScore(s) + q.suffixScore(e)
}

// prefixScore is the prefix's half of contextScore for a quote starting at s.
func (q *query) prefixScore(s int) int {
	before := q.text[max(0, s-ContextLen):s]
	n := 0
	for n < len(before) && n < len(q.prefix) && before[len(before)-1-n] == q.prefix[len(q.prefix)-1-n] {
		n++
	}
	return side(n, len(before), len(q.prefix))
}

// suffixScore is the suffix's half of contextScore for a quote ending at e.
func (q *query) suffixScore(e int) int {
	after := q.text[e:min(len(q.text), e+ContextLen)]
	n := 0
	for n < len(after) && n < len(q.suffix) && after[n] == q.suffix[n] {
		n++
	}
	return side(n, len(after), len(q.suffix))
}

// side scores one side of the context: common code points, or ContextLen when both sides are
// the same in full.
func side(common, got, want int) int {
	if common == got && common == want {
		return ContextLen
	}
	return common
}

// bestExact finds, among the occurrences of the exact text, the one whose context agrees best,
// ties going to the one closest to the hint, then to the earlier one, and returns it with its
// context score. It looks outwards from the hint and stops at the first place with perfect
// context, since no occurrence farther away could beat it: an unchanged comment shifted by an
// edit elsewhere costs a few comparisons, not a scan of the body. When the budget runs out
// first, the best place seen so far is the answer, the hint being seen first. The winner must
// still show minEvidence of agreement.
func (q *query) bestExact() (start, score int, ok bool) {
	best, bestScore := -1, -1
	if score, ok := q.hintScore(); ok {
		best, bestScore = q.hint, score
	}
	scanOutward(q.text, q.exact, q.hint, q.b, func(s int) bool {
		score := q.contextScore(s, s+len(q.exact))
		if score > bestScore {
			best, bestScore = s, score
		}
		return bestScore < perfect && q.b.spend(2+score)
	})
	return best, bestScore, best >= 0 && len(q.exact)+bestScore >= minEvidence
}

// abs returns the absolute value of x.
func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
