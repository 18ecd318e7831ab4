package quotes

import (
	"cmp"
	"slices"
	"sort"
)

// keepOrder re-pairs, in reading order, the twins that nearness paired (near, pairs of p.Kept)
// where they stood in one paragraph of the text before the edit and stand in one paragraph of
// the text after it: a paragraph moved and edited between its twins, a word cut between them,
// shifts the later ones less than the earlier, and by nearness alone the first quote would take
// the entry of the second. Twins of one paragraph keep their order when it moves; it reads only
// the fields ed diffed.
func keepOrder(p *Plan, near []int, old, found []Entry, ed Edit) {
	type at struct {
		key
		from, to int // the paragraph before and after
	}
	groups := map[at][]int{}
	for _, k := range near {
		pr := p.Kept[k]
		fe := ed.fields[found[pr.New].Field]
		if fe == nil || old[pr.Old].Field != found[pr.New].Field {
			continue
		}
		g := at{key{old[pr.Old].Field, old[pr.Old].Text}, fe.before.index(old[pr.Old].Start), fe.after.index(found[pr.New].Start)}
		groups[g] = append(groups[g], k)
	}
	for _, ks := range groups {
		if len(ks) < 2 {
			continue
		}
		olds, news := make([]int, len(ks)), make([]int, len(ks))
		for n, k := range ks {
			olds[n], news[n] = p.Kept[k].Old, p.Kept[k].New
		}
		slices.SortFunc(olds, func(a, b int) int { return cmp.Compare(old[a].Start, old[b].Start) })
		slices.SortFunc(news, func(a, b int) int { return cmp.Compare(found[a].Start, found[b].Start) })
		for n, k := range ks {
			p.Kept[k] = Pair{olds[n], news[n]}
		}
	}
}

// index returns the index of the paragraph that holds code point at.
func (p *paragraphs) index(at int) int {
	return sort.SearchInts(p.starts, at+1) - 1
}
