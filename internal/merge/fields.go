package merge

import (
	"fmt"
	"slices"
	"strings"
)

// mergeField merges one string field paragraph by paragraph. Paragraphs are matched between base
// and each side, an edited paragraph with its base where the side replaced as many paragraphs as
// it wrote. A paragraph found in both sides is merged on its own; a stretch where a side added or
// removed paragraphs is merged whole. What still collides becomes a conflict of r.
//
// Matching a side's new paragraph with a base paragraph as its edit can print a paragraph twice:
// theirs keeps a paragraph and adds one after it, mine writes the same new paragraph in its
// place; mine's is taken as an edit of the kept one, theirs' as an addition, and the merge holds
// both. So a merge that holds a paragraph both sides have more often than either does (see
// doubled) is made again with such a side's paragraph, one the other side added, matched with
// no base paragraph. When the merge would still hold a paragraph twice, or holds the same words
// twice where neither side does (see repeated), since the sides moved the same paragraph to
// different places, the whole field is a conflict.
func (r *Result) mergeField(name, base, theirs, mine string) Field {
	bp, tp, mp := paragraphs(base), paragraphs(theirs), paragraphs(mine)
	numbered := name == "body" || len(bp) > 1 || len(tp) > 1 || len(mp) > 1
	conflicts := len(r.Conflicts)
	inTheirs, inMine := matches(bp, tp, true), matches(bp, mp, true)
	f := r.mergeAligned(name, bp, tp, mp, inTheirs, inMine, numbered)
	if len(r.Conflicts) == conflicts && doubled(tp, mp, f.merged()) {
		inTheirs, inMine = unpair(bp, tp, inTheirs, mp, inMine), unpair(bp, mp, inMine, tp, inTheirs)
		f = r.mergeAligned(name, bp, tp, mp, inTheirs, inMine, numbered)
	}
	if len(r.Conflicts) == conflicts && (doubled(tp, mp, f.merged()) || repeated(bp, tp, mp, inTheirs, inMine, f.merged())) {
		f.Parts = nil
		r.conflict(&f, chunk{base: bp, theirs: tp, mine: mp}, numbered)
	}
	return f
}

// mergeAligned merges the paragraphs of a field by diff3 on the alignments given.
func (r *Result) mergeAligned(name string, bp, tp, mp []string, inTheirs, inMine []int, numbered bool) Field {
	f := Field{Name: name}
	for _, c := range diff3(bp, tp, mp, inTheirs, inMine) {
		if !c.aligned {
			r.mergeStretch(&f, c, numbered)
			continue
		}
		for i := range c.base {
			r.mergeStretch(&f, chunk{b0: c.b0 + i, base: c.base[i : i+1], theirs: c.theirs[i : i+1], mine: c.mine[i : i+1]}, numbered)
		}
	}
	return f
}

// doubled reports whether merged, the paragraphs of a merge, holds a paragraph theirs and mine
// both have more often than either does.
func doubled(theirs, mine, merged []string) bool {
	t, m := count(theirs), count(mine)
	for p, n := range count(merged) {
		if t[p] > 0 && m[p] > 0 && n > max(t[p], m[p]) {
			return true
		}
	}
	return false
}

// unpair undoes the matches of align, a side's alignment with base, that pair a base paragraph
// with a new paragraph of the side that the other side added too (one of other's that
// otherAlign matches with no base paragraph): both typed it, so it is no edit of the base one.
func unpair(base, side []string, align []int, other []string, otherAlign []int) []int {
	added := count(other)
	for _, j := range otherAlign {
		if j >= 0 {
			added[other[j]]--
		}
	}
	out := slices.Clone(align)
	for k, j := range align {
		if j >= 0 && side[j] != base[k] && added[side[j]] > 0 {
			out[k] = -1
		}
	}
	return out
}

// merged is the paragraphs of f, which has no conflicts.
func (f *Field) merged() []string {
	var out []string
	for _, p := range f.Parts {
		out = append(out, p.Paragraphs...)
	}
	return out
}

// mergeStretch merges a stretch of paragraphs into f: the side that changed it, or the
// paragraphs both begin or end it with and the side that changed the rest (see shared), or both
// sides' words, or a conflict naming the stretch when both changed the same words differently.
func (r *Result) mergeStretch(f *Field, c chunk, numbered bool) {
	if side, ok := pick(c); ok {
		f.add(side)
		return
	}
	if head, inner, tail := shared(c); head+tail > 0 {
		if side, ok := pick(inner); ok {
			f.add(c.theirs[:head])
			f.add(side)
			f.add(c.theirs[len(c.theirs)-tail:])
			return
		}
	}
	base, theirs, mine := strings.Join(c.base, "\n"), strings.Join(c.theirs, "\n"), strings.Join(c.mine, "\n")
	if merged, ok := words(base, theirs, mine); ok && !revived(c, paragraphs(merged)) {
		f.add(paragraphs(merged))
		return
	}
	r.conflict(f, c, numbered)
}

// revived reports whether out, stretch c merged word by word, holds a paragraph of c's base more
// often than the sides' changes leave it: one a side removed whole while the other left it as it
// was, which the word diff brought back by pairing the other side's new words with its own. A
// stale save that deleted a paragraph would otherwise find it in the merge. A paragraph both
// removed counts as removed once.
func revived(c chunk, out []string) bool {
	b, t, m, o := count(c.base), count(c.theirs), count(c.mine), count(out)
	for p, n := range b {
		dt, dm := t[p]-n, m[p]-n
		if o[p] > n+max(dt, 0)+max(dm, 0)+min(dt, dm, 0) {
			return true
		}
	}
	return false
}

// count counts the paragraphs of ps by their text.
func count(ps []string) map[string]int {
	out := make(map[string]int, len(ps))
	for _, p := range ps {
		out[p]++
	}
	return out
}

// conflict puts stretch c of f in r's conflicts, for the user to settle.
func (r *Result) conflict(f *Field, c chunk, numbered bool) {
	base, theirs, mine := strings.Join(c.base, "\n"), strings.Join(c.theirs, "\n"), strings.Join(c.mine, "\n")
	conflict := Conflict{Field: f.Name, Base: base, Theirs: theirs, Mine: mine}
	if numbered {
		conflict.Paragraph, conflict.Place = c.b0+1, place(c.b0, len(c.base))
	}
	r.Conflicts = append(r.Conflicts, conflict)
	f.Parts = append(f.Parts, Part{Conflict: len(r.Conflicts)})
}

// add appends merged paragraphs to f, to its last part when that is merged text too.
func (f *Field) add(paras []string) {
	if len(paras) == 0 {
		return
	}
	if n := len(f.Parts); n > 0 && f.Parts[n-1].Conflict == 0 {
		f.Parts[n-1].Paragraphs = append(f.Parts[n-1].Paragraphs, paras...)
		return
	}
	f.Parts = append(f.Parts, Part{Paragraphs: append([]string(nil), paras...)})
}

// place names, for a reader, the n paragraphs of base from index b0.
func place(b0, n int) string {
	switch {
	case n == 0 && b0 == 0:
		return "new paragraphs at the start"
	case n == 0:
		return fmt.Sprintf("new paragraphs after paragraph %d", b0)
	case n == 1:
		return fmt.Sprintf("paragraph %d", b0+1)
	}
	return fmt.Sprintf("paragraphs %d to %d", b0+1, b0+n)
}
