package quotes

import (
	"cmp"
	"slices"
	"unicode"
)

// doubtCopies takes back the check of each kept quote that a new quote with its words copies: a
// twin in a stretch of text read twice in a row, each holding one of the two at the same place.
// A sentence or a quotation pasted or typed beside itself, or a piece pasted after itself,
// leaves the same text whichever copy was there first, so nothing in the texts says which one
// was, and a word diff picks one as it happens to. A verdict must not pass to words nobody
// checked, so such a kept quote keeps its entry as an edit, back to unchecked, as a quote whose
// words changed does, and the fact-checker reads the two again. It reads only the fields ed
// diffed, where the new quotes have twins, and for each new quote only the nearest twins of it
// (copyReach each way) that kept an entry.
func doubtCopies(p *Plan, found []Entry, ed Edit) {
	if len(p.Added) == 0 || len(p.Kept) == 0 {
		return
	}
	kept := make(map[int]bool, len(p.Kept))
	for _, k := range p.Kept {
		kept[k.New] = true
	}
	twins := group(found, none)
	for _, js := range twins {
		slices.SortFunc(js, func(a, b int) int { return cmp.Compare(found[a].Start, found[b].Start) })
	}
	texts := map[string]*repeats{}
	doubted := map[int]bool{}
	for _, j := range p.Added {
		f := found[j]
		fe := ed.fields[f.Field]
		if fe == nil {
			continue
		}
		rp := texts[f.Field]
		if rp == nil {
			rp = newRepeats(fe.after.text)
			texts[f.Field] = rp
		}
		js := twins[key{f.Field, f.Text}]
		k, _ := slices.BinarySearchFunc(js, f.Start, func(a, start int) int { return cmp.Compare(found[a].Start, start) })
		for n := max(0, k-copyReach); n < min(len(js), k+copyReach+1); n++ {
			if t := js[n]; kept[t] && !doubted[t] && rp.copied(found[t], f) {
				doubted[t] = true
			}
		}
	}
	if len(doubted) == 0 {
		return
	}
	var keep []Pair
	for _, k := range p.Kept {
		if doubted[k.New] {
			p.Edited = append(p.Edited, k)
		} else {
			keep = append(keep, k)
		}
	}
	p.Kept = keep
}

// copyReach is how many twins each way of a new quote doubtCopies reads for the one it copies.
const copyReach = 16

// repeats reads a field's text after the edit for stretches read twice in a row, within a
// budget of comparisons of a few times the text's length: past it, every quote asked about is
// taken for a copy, so that no text can make a save read it over and over, and a verdict is
// never handed on in doubt.
type repeats struct {
	r    []rune
	left int
}

func newRepeats(text string) *repeats {
	r := []rune(text)
	return &repeats{r: r, left: 4*len(r) + 1<<16}
}

// copied reports whether twins q and c stand in a stretch of the text read twice in a row, each
// at the same place in its copy: whether the text from a word's start before the first, d code
// points on (d, the distance between them, at least the first's length), reads as the text d
// further on, any space as any other (a sentence copied after the last of its paragraph reads a
// space where the original reads a line break). The end of the text reads as the line break or
// space between two copies, of a piece pasted after itself or of a sentence that ends the text.
func (rp *repeats) copied(q, c Entry) bool {
	if c.Start < q.Start {
		q, c = c, q
	}
	r, at, n, d := rp.r, q.Start, q.End-q.Start, c.Start-q.Start
	right := 0 // how far from at the text repeats d further on, as far as d
	for right < d && at+right+d < len(r) && rp.left > right && same(r[at+right], r[at+right+d]) {
		right++
	}
	if right < d && at+right+d == len(r) {
		right++
	}
	left := 0 // how far before at it does, as far as d-n
	for left < d-n && at-left-1 >= 0 && rp.left > right+left && same(r[at-left-1], r[at-left-1+d]) {
		left++
	}
	rp.left -= 2*(left+right) + 1
	if rp.left < 0 {
		return true
	}
	for x := at - left; x <= at && x+d <= at+right; x++ {
		if x == 0 || unicode.IsSpace(r[x-1]) {
			return true
		}
	}
	return false
}

// same reports whether a and b read the same where a copy is looked for: the same, or both spaces.
func same(a, b rune) bool {
	return a == b || unicode.IsSpace(a) && unicode.IsSpace(b)
}
