package merge

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
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
// different places, or holds a paragraph base repeats fewer times than both sides keep it (see
// dropped), since each moved another copy of it, the whole field is a conflict.
//
// A stretch settled by what both sides share, where diff3 alone finds a conflict or prints words
// twice (see mergeStretch), sees only its own paragraphs, and so does diff3 itself: matched by
// place, or a word's tokens by a diff that pairs any full stop with any other, a stretch may be an
// edit of other words of base, which a side deleted. So the field's merge is counted, and a
// stretch that brings back a word a side deleted is a conflict (see refusals).
func (r *Result) mergeField(name, base, theirs, mine string) Field {
	bp, tp, mp := paragraphs(base), paragraphs(theirs), paragraphs(mine)
	bp, mp = followMoves(bp, tp, mp)
	bp, tp = followMoves(bp, mp, tp)
	numbered := name == "body" || len(bp) > 1 || len(tp) > 1 || len(mp) > 1
	conflicts := len(r.Conflicts)
	whole := func() Field {
		r.Conflicts = r.Conflicts[:conflicts]
		f := Field{Name: name}
		r.conflict(&f, chunk{base: bp, theirs: tp, mine: mp}, numbered)
		return f
	}
	inTheirs, inMine := matches(bp, tp, true), matches(bp, mp, true)
	f, made := r.mergeAligned(name, bp, tp, mp, inTheirs, inMine, numbered, nil)
	if len(r.Conflicts) == conflicts && doubled(tp, mp, f.merged()) {
		inTheirs, inMine = unpair(bp, tp, inTheirs, mp, inMine), unpair(bp, mp, inMine, tp, inTheirs)
		f, made = r.mergeAligned(name, bp, tp, mp, inTheirs, inMine, numbered, nil)
	}
	if len(r.Conflicts)-conflicts > MaxConflicts ||
		len(r.Conflicts) == conflicts && (doubled(tp, mp, f.merged()) || dropped(bp, tp, mp, f.merged()) ||
			repeated(bp, tp, mp, inTheirs, inMine, f.merged())) {
		return whole()
	}
	if refused := refusals(bp, tp, mp, f.merged(), made); len(refused) > 0 {
		r.Conflicts = r.Conflicts[:conflicts]
		if f, _ = r.mergeAligned(name, bp, tp, mp, inTheirs, inMine, numbered, refused); len(r.Conflicts)-conflicts > MaxConflicts {
			return whole()
		}
	}
	return f
}

// MaxConflicts is the most conflicts one field's merge lists: past them, the whole field is one
// conflict, for its writer to choose theirs, their own or a text of their own. Nobody goes
// through hundreds of places one by one, and a stale save of a body of 200,000 one-letter
// paragraphs, each changed both ways, took a second and 400 MB to list them, and its answer
// and every view of it 16 MB more; the merge stops at the first conflict past them.
const MaxConflicts = 100

// stretchMerge is what mergeStretch made of a stretch: its paragraphs, and whether it settled it.
type stretchMerge struct {
	paras   []string
	settled bool
}

// mergeAligned merges the paragraphs of a field by diff3 on the alignments given, but for the
// stretches refused holds, which are conflicts. It returns with the merge what it made of each
// stretch it merged that a side changed, by the stretch's first paragraph in base and how many it
// spans.
func (r *Result) mergeAligned(name string, bp, tp, mp []string, inTheirs, inMine []int, numbered bool, refused map[[2]int]bool) (Field, map[[2]int]stretchMerge) {
	f := Field{Name: name}
	made := map[[2]int]stretchMerge{}
	stretch := func(c chunk) {
		at := [2]int{c.b0, len(c.base)}
		if refused[at] {
			r.conflict(&f, c, numbered)
		} else if m, ok := r.mergeStretch(&f, c, numbered); ok && !(slices.Equal(c.theirs, c.base) && slices.Equal(c.mine, c.base)) {
			made[at] = m
		}
	}
	// Past MaxConflicts the field is one conflict (see mergeField), so the rest is not merged.
	start := len(r.Conflicts)
	over := func() bool { return len(r.Conflicts)-start > MaxConflicts }
	for _, c := range diff3(bp, tp, mp, inTheirs, inMine) {
		if !c.aligned {
			stretch(c)
			continue
		}
		for i := 0; i < len(c.base) && !over(); i++ {
			stretch(chunk{b0: c.b0 + i, base: c.base[i : i+1], theirs: c.theirs[i : i+1], mine: c.mine[i : i+1]})
		}
		if over() {
			break
		}
	}
	return f, made
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

// dropped reports whether merged, the paragraphs of a merge, holds a paragraph of base fewer
// times than base does, less what each side removed of it: a paragraph base holds twice, one
// side moving one copy and the other side the other copy to the same place, reads to diff3 as
// two different removals and one addition made by both, and the merge would keep one copy
// where both sides kept two.
func dropped(base, theirs, mine, merged []string) bool {
	t, m, o := count(theirs), count(mine), count(merged)
	for p, b := range count(base) {
		if o[p] < b+min(t[p]-b, 0)+min(m[p]-b, 0) {
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
// It returns what it made of the stretch, and false for a conflict. It settled the stretch when
// it took the paragraphs both begin or end it with, or a word merge that is not diff3's own (see
// words).
func (r *Result) mergeStretch(f *Field, c chunk, numbered bool) (stretchMerge, bool) {
	if side, ok := pick(c); ok {
		f.add(side)
		return stretchMerge{paras: side}, true
	}
	if head, inner, tail := shared(c); head+tail > 0 {
		if side, ok := pick(inner); ok {
			paras := slices.Concat(c.theirs[:head], side, c.theirs[len(c.theirs)-tail:])
			f.add(paras)
			return stretchMerge{paras: paras, settled: true}, true
		}
	}
	base, theirs, mine := strings.Join(c.base, "\n"), strings.Join(c.theirs, "\n"), strings.Join(c.mine, "\n")
	if merged, settled, ok := words(base, theirs, mine); ok && !revived(c, paragraphs(merged)) {
		f.add(paragraphs(merged))
		return stretchMerge{paras: paragraphs(merged), settled: settled}, true
	}
	r.conflict(f, c, numbered)
	return stretchMerge{}, false
}

// revived reports whether out, stretch c merged word by word, holds a paragraph of c's base more
// often than the sides' changes leave it (see allowed): one a side removed whole while the other
// left it as it was, which the word diff brought back by pairing the other side's new words with
// its own. A stale save that deleted a paragraph would otherwise find it in the merge.
func revived(c chunk, out []string) bool {
	b, t, m, o := count(c.base), count(c.theirs), count(c.mine), count(out)
	for p, n := range b {
		if o[p] > allowed(n, t[p], m[p]) {
			return true
		}
	}
	return false
}

// allowed is how many times a merge may hold a word or a paragraph that base holds b times,
// theirs t and mine m: base's, with what each side added and without what either removed, once
// when both removed it. A merge of edits made apart holds it no more often.
func allowed(b, t, m int) int {
	dt, dm := t-b, m-b
	return b + max(dt, 0) + max(dm, 0) + min(dt, dm, 0)
}

// refusals returns the stretches of made, the merge of a field of paragraphs bp, tp and mp, that
// are conflicts instead. A merge of edits made apart holds a word no more often than base does,
// with what each side added and without what either removed, once when both removed it (see
// allowed). A stretch whose paragraphs hold a word base holds once that the merge holds more
// often brings it back: a side deleted it and the other kept it. When the merge holds any word
// more often, or a word base does not have more often than either side (both wrote it, and it is
// printed twice), every stretch settled is refused too. The counts say nothing certain of a word
// base repeats ("the", "said"): both sides may delete it in one place and one write it in
// another, which a merge of the two keeps; so for such a word only what diff3 alone would not
// have merged is refused.
func refusals(bp, tp, mp, merged []string, made map[[2]int]stretchMerge) map[[2]int]bool {
	// A paragraph all four hold as many times adds as much to the merge as to what it may hold,
	// so only the words of the others are counted, and those of a kept one when they must be.
	kept := count(bp)
	for _, ps := range [][]string{tp, mp, merged} {
		in := count(ps)
		for p, n := range kept {
			kept[p] = min(n, in[p])
		}
	}
	// held[p] is how many times base, theirs, mine and the merge hold paragraph p beyond those
	// kept, and counts[at[w]] how many times they hold word w, each paragraph cut into words once.
	held := map[string][4]int{}
	for i, ps := range [][]string{bp, tp, mp, merged} {
		left := maps.Clone(kept)
		for _, p := range ps {
			if left[p] > 0 {
				left[p]--
				continue
			}
			h := held[p]
			h[i]++
			held[p] = h
		}
	}
	size := 0
	for p := range held {
		size += len(p)
	}
	at := make(map[string]int, size/6+1)
	counts := make([][4]int, 0, size/6+1)
	for p, h := range held {
		for _, w := range wordsOf(p) {
			k, ok := at[w]
			if !ok {
				k = len(counts)
				at[w] = k
				counts = append(counts, [4]int{})
			}
			for i := range h {
				counts[k][i] += h[i]
			}
		}
	}
	var inKept map[string]int
	back, over := map[string]bool{}, false
	for w, k := range at {
		b, t, m, o := counts[k][0], counts[k][1], counts[k][2], counts[k][3]
		more := o > allowed(b, t, m)
		if !more && (b > 0 || o <= max(t, m)) {
			continue
		}
		if inKept == nil {
			inKept = map[string]int{}
			for p, times := range kept {
				for _, w := range wordsOf(p) {
					inKept[w] += times
				}
			}
		}
		inBase := b + inKept[w]
		over = over || more || inBase == 0
		back[w] = more && inBase == 1
	}
	if !over {
		return nil
	}
	out := map[[2]int]bool{}
	for place, s := range made {
		if s.settled || slices.ContainsFunc(wordsOf(strings.Join(s.paras, "\n")), func(w string) bool { return back[w] }) {
			out[place] = true
		}
	}
	return out
}

// wordsOf returns the words of s as worddiff.Tokens cuts them, runs of letters, digits and
// marks, that hold a letter or a digit (see isWord): counted, they need no spaces or punctuation
// between.
func wordsOf(s string) []string {
	out := make([]string, 0, len(s)/6+1)
	start, word := -1, false
	for i, r := range s {
		letter := r < utf8.RuneSelf && ('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9') ||
			r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r))
		if letter || r >= utf8.RuneSelf && unicode.IsMark(r) {
			if start < 0 {
				start, word = i, false
			}
			word = word || letter
			continue
		}
		if start >= 0 && word {
			out = append(out, s[start:i])
		}
		start = -1
	}
	if start >= 0 && word {
		out = append(out, s[start:])
	}
	return out
}

// count counts the paragraphs of ps by their text. The map grows as it fills rather than being
// made at the size of ps: a field of a million copies of one paragraph then costs one entry,
// not a million.
func count(ps []string) map[string]int {
	out := map[string]int{}
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
