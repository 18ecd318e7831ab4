package anchor

// pattern is a needle prepared for Knuth–Morris–Pratt search. A search with it reads each code
// point of the text once and never steps back, so finding every occurrence costs time linear in
// the text and the needle whatever they hold. The plain scan it replaced compared up to the whole
// needle at every position: on a body of one repeated letter, a quote of 50,000 of them took 20
// seconds to find.
type pattern struct {
	runes []rune
	// border[j] is the length of the longest proper prefix of runes[:j+1] that is also its suffix:
	// how much of the needle still matches after a mismatch at j+1.
	border []int
}

// newPattern prepares the non-empty needle p.
func newPattern(p []rune) *pattern {
	border := make([]int, len(p))
	for j, k := 1, 0; j < len(p); j++ {
		for k > 0 && p[j] != p[k] {
			k = border[k-1]
		}
		if p[j] == p[k] {
			k++
		}
		border[j] = k
	}
	return &pattern{runes: p, border: border}
}

// cursor reads a text with a pattern in one direction and can stop and resume anywhere, which
// lets a search move outwards from a point on both sides in turn. Reading backwards, its pattern
// is the needle reversed.
type cursor struct {
	p       *pattern
	text    []rune
	next    int // next is the index of the next code point to read.
	back    bool
	matched int // matched is how many code points of the pattern the last ones read match.
}

// forward returns a cursor that reads text from index from onwards and reports the needle's
// occurrences that start at from or later.
func forward(text []rune, p *pattern, from int) *cursor {
	return &cursor{p: p, text: text, next: from}
}

// backward returns a cursor that reads text from index before+m-2 down, reversed being the
// needle of length m reversed, and so reports the occurrences that start before index before.
func backward(text []rune, reversed *pattern, before int) *cursor {
	return &cursor{p: reversed, text: text, next: min(len(text)-1, before+len(reversed.runes)-2), back: true}
}

// done reports whether the cursor has read to the end of the text in its direction.
func (c *cursor) done() bool { return c.next < 0 || c.next >= len(c.text) }

// toRead returns how many code points reading to index last would read.
func (c *cursor) toRead(last int) int {
	if c.back {
		return max(0, c.next-max(last, 0)+1)
	}
	return max(0, min(last, len(c.text)-1)-c.next+1)
}

// skipDiscount is how many code points skipped cost as much as one read with the pattern: the
// skipping loop only compares each with the pattern's first code point.
const skipDiscount = 3

// readTo reads up to and including index last, calling found with the start of each occurrence
// completed on the way, in the order read, until found returns false. While nothing matches it
// skips to the next code point that can start a match, which is what a plain scan gains on
// ordinary text. It returns the work done, in code points read with the pattern.
func (c *cursor) readTo(last int, found func(start int) bool) (work int) {
	pat, border, m := c.p.runes, c.p.border, len(c.p.runes)
	step := 1
	if c.back {
		step = -1
	}
	left, skipped := c.toRead(last), 0
	for left > 0 {
		if c.matched == 0 {
			for left > 0 && c.text[c.next] != pat[0] {
				c.next, left, skipped = c.next+step, left-1, skipped+1
			}
			if left == 0 {
				break
			}
		}
		r := c.text[c.next]
		for c.matched > 0 && pat[c.matched] != r {
			c.matched = border[c.matched-1]
		}
		if pat[c.matched] == r {
			c.matched++
		}
		at := c.next
		c.next, left, work = c.next+step, left-1, work+1
		if c.matched == m {
			c.matched = border[m-1]
			start := at - m + 1
			if c.back {
				start = at
			}
			if !found(start) {
				break
			}
		}
	}
	return work + (skipped+skipDiscount-1)/skipDiscount
}

// outwardStep is how far, in code points, scanOutward moves on each side between visits: far
// enough that the bookkeeping costs little, near enough that a match close to the start is
// found without reading much past it.
const outwardStep = 256

// scanOutward calls visit with each place where pat occurs in text, nearest to around first
// and the earlier of two at the same distance first, until visit returns false or b runs out.
// It reads the text outwards from around, a step on each side in turn, so finding a match at
// distance d costs about 2d+2m code points read, and finding every match about the length of
// the text. Each step is charged to b once read, so the scan may overrun b by one step. An
// around outside the text visits in the same order as the nearest end of the text would.
func scanOutward(text, pat []rune, around int, b *budget, visit func(s int) bool) {
	m := len(pat)
	if m == 0 || m > len(text) || !b.spend(2*m) {
		return
	}
	around = min(max(around, 0), len(text))
	right := forward(text, newPattern(pat), around)
	left := backward(text, newPattern(reversed(pat)), around)
	var ls, rs []int
	collect := func(into *[]int) func(int) bool {
		return func(s int) bool { *into = append(*into, s); return true }
	}
	for d := 0; !right.done() || !left.done(); d += outwardStep {
		if b.left == 0 {
			return
		}
		rs, ls = rs[:0], ls[:0]
		work := right.readTo(around+d+m-1, collect(&rs)) + left.readTo(around-d, collect(&ls))
		if !b.charge(work) {
			return
		}
		for i, j := 0, 0; i < len(ls) || j < len(rs); {
			var s int
			if j == len(rs) || i < len(ls) && around-ls[i] <= rs[j]-around {
				s, i = ls[i], i+1
			} else {
				s, j = rs[j], j+1
			}
			if !visit(s) {
				return
			}
		}
	}
}

// firstTwo returns where pat first occurs in text and how many times it occurs, counting no
// further than two, in time linear in both.
func firstTwo(text, pat []rune) (first, seen int) {
	first = -1
	if len(pat) == 0 || len(pat) > len(text) {
		return first, 0
	}
	forward(text, newPattern(pat), 0).readTo(len(text)-1, func(s int) bool {
		if seen++; first < 0 {
			first = s
		}
		return seen < 2
	})
	return first, seen
}

// budget is how much work searching may still do, counted in code points read or compared, so
// that whatever the text and the comments, re-anchoring one revision ends within a bounded
// time. Every step that could cost more than a few code points pays for itself: a step that
// knows its cost asks first and is not taken when the budget cannot pay, and a scan that
// learns its cost as it reads is charged after each stretch and stops when the budget is out.
// short records that some work went unpaid, so that a caller sharing the budget between calls
// (see Work) learns that the last answers were settled for less.
type budget struct {
	left  int
	short bool
}

// spend takes n from the budget and reports whether it could, leaving it untouched when not.
func (b *budget) spend(n int) bool {
	if n > b.left {
		b.short = true
		return false
	}
	b.left -= n
	return true
}

// charge takes n from the budget for work already done and reports whether it held that much;
// when it did not, it is now empty.
func (b *budget) charge(n int) bool {
	if n > b.left {
		b.left, b.short = 0, true
		return false
	}
	b.left -= n
	return true
}
