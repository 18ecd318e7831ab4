package quotes

import (
	"cmp"
	"math"
	"slices"
	"sort"
)

// doubtOtherParagraphs takes back the check of each kept quote whose entry's paragraph and the
// quote's say the two are not the same words (see fieldEdit.otherParagraph): the entry keeps
// the quote as an edit, back to unchecked, and the fact-checker reads it again. A paragraph
// moved and edited in one save, past one that opens with the same quotation, is read by the
// word diff as that other paragraph edited where the moved one stood: the diff hands each
// paragraph's quote the other's entry, and a check would pass to words nobody checked.
func doubtOtherParagraphs(p *Plan, old, found []Entry, ed Edit) {
	if len(ed.fields) == 0 {
		return
	}
	takeBack(p, func(k Pair) bool {
		e, f := old[k.Old], found[k.New]
		fe := ed.fields[e.Field]
		return fe != nil && e.Field == f.Field && fe.otherParagraph(e, f)
	})
}

// takeBack makes each kept pair of p that doubted reports an edit whose check is taken back.
// A plan it takes none back from is left as it was, allocating nothing.
func takeBack(p *Plan, doubted func(Pair) bool) {
	first := slices.IndexFunc(p.Kept, doubted)
	if first < 0 {
		return
	}
	keep := append([]Pair(nil), p.Kept[:first]...)
	for _, k := range p.Kept[first:] {
		if doubted(k) {
			p.Edited = append(p.Edited, k)
			p.Doubted = append(p.Doubted, k.Old)
			continue
		}
		keep = append(keep, k)
	}
	p.Kept = keep
}

// otherParagraph reports whether the entry e, before the edit, and the quote f, after it, stand
// in paragraphs that tell them apart. A paragraph whose text is in each text as often stands
// whole after the edit, each copy of it where the copy with as many copies before it went, and
// its quotes with it, each where it stood in it: f in such a paragraph is that copy's quote at
// that place, not the quote of e unless e stood in the same copy at the same place, and e in
// such a paragraph stands in its copy still, not at f outside it. The diff pairs words, not paragraphs: it reads a copy moved past its twin as the twin
// moved, and no text says which of a paragraph's twins, if any, was edited into the other's.
func (fe *fieldEdit) otherParagraph(e, f Entry) bool {
	i, ok := fe.before.in(e.Start, e.End)
	j, ok2 := fe.after.in(f.Start, f.End)
	if !ok || !ok2 {
		return false
	}
	x, y := fe.before.ids[i], fe.after.ids[j]
	if x == y {
		return fe.asOften[x] && (fe.before.nth[i] != fe.after.nth[j] || e.Start-fe.before.starts[i] != f.Start-fe.after.starts[j])
	}
	return fe.asOften[x] || fe.asOften[y]
}

// in returns the paragraph that code points [s, e) lie in, and false when they reach past one.
func (p *paragraphs) in(s, e int) (int, bool) {
	i := sort.SearchInts(p.starts, s+1) - 1
	return i, i >= 0 && e <= p.ends[i]
}

// kin numbers the paragraphs' texts of before and after alike, each text once, and returns
// whether each text is in before as often as in after.
func kin(before, after *paragraphs) []bool {
	ids := map[string]int{}
	var whole []bool
	for _, p := range []*paragraphs{before, after} {
		p.ids = make([]int, len(p.texts))
		for k, t := range p.texts {
			id, ok := ids[t]
			if !ok {
				id = len(whole)
				ids[t] = id
				whole = append(whole, before.count[t] == after.count[t])
			}
			p.ids[k] = id
		}
	}
	return whole
}

// doubtLostTwins takes back the check of each quote nearness paired (near holds those pairs)
// with an entry that had a twin in its paragraph before the edit which the edit removed: the
// paragraph lost one of the quotations it repeated, nothing placed the one left, and nearness
// picks between the twins as their distances happen to fall. A paragraph moved and edited in
// one save, a repeated quotation cut in it, would otherwise hand the check of the one cut to
// the one left.
func doubtLostTwins(p *Plan, near map[Pair]bool, old []Entry, ed Edit) {
	if len(p.Removed) == 0 || len(near) == 0 || len(ed.fields) == 0 {
		return
	}
	type twinIn struct {
		key
		para int
	}
	lost := map[twinIn]bool{}
	for _, i := range p.Removed {
		if fe := ed.fields[old[i].Field]; fe != nil {
			lost[twinIn{key{old[i].Field, old[i].Text}, fe.before.index(old[i].Start)}] = true
		}
	}
	takeBack(p, func(k Pair) bool {
		e := old[k.Old]
		fe := ed.fields[e.Field]
		return near[k] && fe != nil && lost[twinIn{key{e.Field, e.Text}, fe.before.index(e.Start)}]
	})
}

// doubtCrossed takes back the checks of kept twins that cross one another where nearness paired
// one of them (near holds the pairs it made): they stood in one paragraph before the edit, in
// sentences that read alike, and stand in one after it, in the other order, in sentences that
// read alike too, and the edit placed none of them for certain (see fieldEdit.follow). A paragraph that repeats
// a sentence, moved and edited between the two, is read by the word diff as its first sentence
// gone where its second stood, and nearness gives the second the first's entry; alike, the
// sentences say nothing of which is which, and neither keeps a check.
func doubtCrossed(p *Plan, near map[Pair]bool, old, found []Entry, ed Edit) {
	if len(near) == 0 || len(ed.fields) == 0 {
		return
	}
	type in struct {
		key
		from, to int // the paragraph before and after
	}
	groups := map[in][]Pair{}
	nearIn := map[in]bool{}
	for _, k := range p.Kept {
		e, f := old[k.Old], found[k.New]
		if fe := ed.fields[e.Field]; fe != nil && e.Field == f.Field {
			g := in{key{e.Field, e.Text}, fe.before.index(e.Start), fe.after.index(f.Start)}
			groups[g] = append(groups[g], k)
			nearIn[g] = nearIn[g] || near[k]
		}
	}
	doubted := map[Pair]bool{}
	for g, ks := range groups {
		if len(ks) < 2 || !nearIn[g] {
			continue
		}
		fe := ed.fields[g.field]
		type alike struct{ before, after string }
		bySentence := map[alike][]Pair{}
		for _, k := range ks {
			a, ok := fe.before.sentenceOf(old[k.Old])
			b, ok2 := fe.after.sentenceOf(found[k.New])
			if ok && ok2 {
				bySentence[alike{a, b}] = append(bySentence[alike{a, b}], k)
			}
		}
		for _, ps := range bySentence {
			for _, k := range crossing(ps, old, found) {
				if !fe.placedAt(old[k.Old], found[k.New].Start) {
					doubted[k] = true
				}
			}
		}
	}
	if len(doubted) > 0 {
		takeBack(p, func(k Pair) bool { return doubted[k] })
	}
}

// crossing returns the pairs of ps that cross another: an entry before it stands after it now,
// or one after it before it. The largest start so far and the smallest from the end tell, in
// one pass each way over the pairs in their entries' order.
func crossing(ps []Pair, old, found []Entry) []Pair {
	slices.SortFunc(ps, func(a, b Pair) int { return cmp.Compare(old[a.Old].Start, old[b.Old].Start) })
	later := make([]int, len(ps)+1)
	later[len(ps)] = math.MaxInt
	for n := len(ps) - 1; n >= 0; n-- {
		later[n] = min(later[n+1], found[ps[n].New].Start)
	}
	var out []Pair
	most := -1
	for n, k := range ps {
		at := found[k.New].Start
		if most > at || later[n+1] < at {
			out = append(out, k)
		}
		most = max(most, at)
	}
	return out
}

// sentenceOf returns the text of the sentence of p the entry e lies in, and false when it lies
// in none.
func (p *paragraphs) sentenceOf(e Entry) (string, bool) {
	c, k, ok := p.around(e.Start, e.End)
	if !ok {
		return "", false
	}
	return string(c.runes[c.spans[k][0]:c.spans[k][1]]), true
}

// placedAt reports whether the edit placed the entry e for certain at at (see fieldEdit.follow).
func (fe *fieldEdit) placedAt(e Entry, at int) bool {
	to, unmoved := fe.follow(e.Start, e.End)
	return unmoved && to == at
}
