package worddiff

import "strings"

// segment is a stretch of both texts: a[a0:a1] and b[b0:b1]. An unchanged segment holds the
// same text in both; a change holds what was removed from a and what was added in b, either of
// which may be empty. Offsets rather than strings let neighbouring segments merge for free.
type segment struct {
	change         bool
	a0, a1, b0, b1 int
}

// assemble turns the token marks into chunks. The tokens of a and b start at offset head and
// end at the offsets ea and eb; the bytes outside them are common to both texts. Between two
// unchanged tokens it gathers every deleted token and then every inserted one, so a change
// reads delete-then-insert. Every chunk is a substring of a or b, so no text is copied.
func assemble(a, b string, head int, ea, eb []int, delA, insB []bool) []Chunk {
	var segs []segment
	eqA, eqB := 0, 0 // where the pending unchanged run starts
	pa, pb := head, head
	i, j := 0, 0
	for i < len(ea) || j < len(eb) {
		da, db := pa, pb
		for ; i < len(ea) && delA[i]; i++ {
			pa = ea[i]
		}
		for ; j < len(eb) && insB[j]; j++ {
			pb = eb[j]
		}
		if pa > da || pb > db {
			if da > eqA {
				segs = append(segs, segment{a0: eqA, a1: da, b0: eqB, b1: db})
			}
			segs = append(segs, segment{change: true, a0: da, a1: pa, b0: db, b1: pb})
			eqA, eqB = pa, pb
			continue
		}
		// Neither token is marked, so both are the same common token.
		pa, pb = ea[i], eb[j]
		i++
		j++
	}
	if len(a) > eqA {
		segs = append(segs, segment{a0: eqA, a1: len(a), b0: eqB, b1: len(b)})
	}
	return toChunks(a, b, absorbSpaces(a, segs))
}

// absorbSpaces folds an unchanged run of spaces that sits between two changes into both of them,
// so that replacing "quick brown" by "slow red" reads as one change rather than two changes
// around a kept space. A run containing a newline is kept, so that changes never span paragraphs.
func absorbSpaces(a string, segs []segment) []segment {
	out := segs[:0]
	for k := 0; k < len(segs); k++ {
		s := segs[k]
		if !s.change && len(out) > 0 && out[len(out)-1].change && k+1 < len(segs) && segs[k+1].change &&
			isBlank(a[s.a0:s.a1]) {
			prev := &out[len(out)-1]
			prev.a1, prev.b1 = segs[k+1].a1, segs[k+1].b1
			k++
			continue
		}
		out = append(out, s)
	}
	return out
}

// isBlank reports whether s is a run of whitespace within one line.
func isBlank(s string) bool {
	return s != "" && strings.TrimSpace(s) == "" && !strings.ContainsAny(s, "\n\r")
}

// toChunks turns segments into chunks. Segments alternate between unchanged and changed, so
// no two chunks in a row share an op.
func toChunks(a, b string, segs []segment) []Chunk {
	chunks := make([]Chunk, 0, 2*len(segs))
	for _, s := range segs {
		if !s.change {
			chunks = append(chunks, Chunk{Equal, a[s.a0:s.a1]})
			continue
		}
		if s.a1 > s.a0 {
			chunks = append(chunks, Chunk{Delete, a[s.a0:s.a1]})
		}
		if s.b1 > s.b0 {
			chunks = append(chunks, Chunk{Insert, b[s.b0:s.b1]})
		}
	}
	return chunks
}
