package merge

import (
	"fmt"
	"strings"
)

// mergeField merges one string field paragraph by paragraph. Paragraphs are matched between base
// and each side, an edited paragraph with its base where the side replaced as many paragraphs as
// it wrote. A paragraph found in both sides is merged on its own; a stretch where a side added or
// removed paragraphs is merged whole. What still collides becomes a conflict of r; so does the
// whole field when the merge would hold the same words twice where neither side does (see
// repeated), since the sides moved the same paragraph to different places.
func (r *Result) mergeField(name, base, theirs, mine string) Field {
	f := Field{Name: name}
	bp, tp, mp := paragraphs(base), paragraphs(theirs), paragraphs(mine)
	numbered := name == "body" || len(bp) > 1 || len(tp) > 1 || len(mp) > 1
	conflicts := len(r.Conflicts)
	inTheirs, inMine := matches(bp, tp, true), matches(bp, mp, true)
	for _, c := range diff3(bp, tp, mp, inTheirs, inMine) {
		if !c.aligned {
			r.mergeStretch(&f, c, numbered)
			continue
		}
		for i := range c.base {
			r.mergeStretch(&f, chunk{b0: c.b0 + i, base: c.base[i : i+1], theirs: c.theirs[i : i+1], mine: c.mine[i : i+1]}, numbered)
		}
	}
	if len(r.Conflicts) == conflicts && repeated(bp, tp, mp, inTheirs, inMine, f.merged()) {
		f.Parts = nil
		r.conflict(&f, chunk{base: bp, theirs: tp, mine: mp}, numbered)
	}
	return f
}

// merged is the paragraphs of f, which has no conflicts.
func (f *Field) merged() []string {
	var out []string
	for _, p := range f.Parts {
		out = append(out, p.Paragraphs...)
	}
	return out
}

// mergeStretch merges a stretch of paragraphs into f: the side that changed it, or both sides'
// words, or a conflict naming the stretch when both changed the same words differently.
func (r *Result) mergeStretch(f *Field, c chunk, numbered bool) {
	if side, ok := pick(c); ok {
		f.add(side)
		return
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
