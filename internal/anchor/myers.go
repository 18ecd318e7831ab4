package anchor

// matcher computes edit distances between a pattern and the text read so far with Myers'
// bit-vector algorithm ("A fast bit-vector algorithm for approximate string matching based on
// dynamic programming", 1999), in its blocked form: one column of the dynamic-programming table
// is kept as bit vectors of vertical deltas, 64 rows to a word, so each text code point costs
// one word operation per 64 code points of pattern instead of a full column of cells.
type matcher struct {
	m, blocks int
	last      uint64            // last is the bit of the pattern's final row in the last block.
	ascii     []uint64          // ascii holds the match masks of code points below 128, blocks each.
	other     map[rune][]uint64 // other holds the match masks of the pattern's other code points.
	pv, mv    []uint64          // pv and mv are the +1 and -1 vertical deltas of the column.
	score     int               // score is the last row of the column: the distance so far.
}

// newMatcher prepares a matcher for the non-empty pattern p, ready to read text.
func newMatcher(p []rune) *matcher {
	nb := (len(p) + 63) / 64
	mt := &matcher{
		m:      len(p),
		blocks: nb,
		last:   1 << uint((len(p)-1)%64),
		ascii:  make([]uint64, 128*nb),
		other:  make(map[rune][]uint64),
		pv:     make([]uint64, nb),
		mv:     make([]uint64, nb),
	}
	for i, c := range p {
		row := mt.masks(c)
		if row == nil {
			row = make([]uint64, nb)
			mt.other[c] = row
		}
		row[i/64] |= 1 << uint(i%64)
	}
	mt.reset()
	return mt
}

// masks returns the match masks of c, or nil for a code point the pattern does not contain.
func (mt *matcher) masks(c rune) []uint64 {
	if c >= 0 && c < 128 {
		return mt.ascii[int(c)*mt.blocks : int(c+1)*mt.blocks]
	}
	return mt.other[c]
}

// reset forgets the text read so far: the first column of the table is 0, 1, …, m.
func (mt *matcher) reset() {
	for b := range mt.pv {
		mt.pv[b], mt.mv[b] = ^uint64(0), 0
	}
	mt.score = mt.m
}

// step reads one more code point of text and returns the new distance. With top 0 the first
// row stays 0, so a match may start anywhere in the text (search); with top 1 the first row
// grows by one per code point, so the match is anchored at the first code point read.
func (mt *matcher) step(c rune, top int) int {
	eq := mt.masks(c)
	hin := top
	for b := range mt.blocks {
		var e uint64
		if eq != nil {
			e = eq[b]
		}
		high := uint64(1) << 63
		if b == mt.blocks-1 {
			high = mt.last
		}
		pv, mv := mt.pv[b], mt.mv[b]
		xv := e | mv
		if hin < 0 {
			e |= 1
		}
		xh := (((e & pv) + pv) ^ pv) | e
		ph := mv | ^(xh | pv)
		mh := pv & xh
		hout := 0
		if ph&high != 0 {
			hout = 1
		} else if mh&high != 0 {
			hout = -1
		}
		ph, mh = ph<<1, mh<<1
		if hin < 0 {
			mh |= 1
		} else if hin > 0 {
			ph |= 1
		}
		mt.pv[b] = mh | ^(xv | ph)
		mt.mv[b] = ph & xv
		hin = hout
	}
	mt.score += hin
	return mt.score
}
