package quotes

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
)

// doubtCopies takes back the check of each kept quote that a new quote with its words copies
// where the texts cannot tell which copy came first: the two stand in a stretch read twice in a
// row, each at the same place in its copy, the stretch starts and ends at a sentence's or a
// paragraph's end, and taking one copy out of the new text gives back the old text at the kept
// entry's place, so that the edit was one copy of it typed or pasted beside it. A word diff then
// picks one copy as it happens to, and a verdict must not pass to words nobody checked, so such a
// kept quote keeps its entry as an edit, back to unchecked, and the fact-checker reads the two
// again. A quote that fe.follow placed for certain (its paragraph, or its sentence, once in each
// text) keeps its check, and so does every quote once the scan's budget is spent: a check lost
// to a guess is as wrong as one handed on. It reads only the fields ed diffed, where the new
// quotes have twins, and for each new quote only the nearest twins of it (copyReach each way)
// that kept an entry.
func doubtCopies(p *Plan, old, found []Entry, ed Edit) {
	if len(p.Added) == 0 || len(p.Kept) == 0 {
		return
	}
	kept := make(map[int]int, len(p.Kept))
	for _, k := range p.Kept {
		kept[k.New] = k.Old
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
			rp = newRepeats(fe.before.text, fe.after.text)
			texts[f.Field] = rp
		}
		js := twins[key{f.Field, f.Text}]
		k, _ := slices.BinarySearchFunc(js, f.Start, func(a, start int) int { return cmp.Compare(found[a].Start, start) })
		for n := max(0, k-copyReach); n < min(len(js), k+copyReach+1); n++ {
			t := js[n]
			i, ok := kept[t]
			if !ok || doubted[t] {
				continue
			}
			at, placed := fe.follow(old[i].Start, old[i].End)
			if placed && at == found[t].Start {
				continue
			}
			if rp.copied(found[t], f, old[i].Start) || !placed && rp.restoredCopy(old[i], found[t], f) {
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
			p.Doubted = append(p.Doubted, k.Old)
		} else {
			keep = append(keep, k)
		}
	}
	p.Kept = keep
}

// undoubtCopies finds the kept quotes whose copy beside them the edit took out, read as
// doubtCopies reads a copy put in with the texts the other way round: the stretch the two stood
// in read twice in a row in the text before, from a sentence's end to one, and taking one copy
// out of it gives the text after at the kept quote's place. Their checks, if doubtCopies took
// them back, stand again.
func undoubtCopies(p *Plan, old, found []Entry, ed Edit) {
	if len(p.Removed) == 0 || len(p.Kept) == 0 {
		return
	}
	kept := make(map[int]int, len(p.Kept))
	for _, k := range p.Kept {
		kept[k.Old] = k.New
	}
	twins := group(old, none)
	for _, is := range twins {
		slices.SortFunc(is, func(a, b int) int { return cmp.Compare(old[a].Start, old[b].Start) })
	}
	texts := map[string]*repeats{}
	undoubted := map[int]bool{}
	for _, i := range p.Removed {
		e := old[i]
		fe := ed.fields[e.Field]
		if fe == nil {
			continue
		}
		rp := texts[e.Field]
		if rp == nil {
			rp = newRepeats(fe.after.text, fe.before.text)
			texts[e.Field] = rp
		}
		is := twins[key{e.Field, e.Text}]
		k, _ := slices.BinarySearchFunc(is, e.Start, func(a, start int) int { return cmp.Compare(old[a].Start, start) })
		for n := max(0, k-copyReach); n < min(len(is), k+copyReach+1); n++ {
			t := is[n]
			if j, ok := kept[t]; ok && !undoubted[t] && rp.copied(old[t], e, found[j].Start) {
				undoubted[t] = true
				p.Undoubted = append(p.Undoubted, t)
			}
		}
	}
	slices.Sort(p.Undoubted)
}

// copyReach is how many twins each way of a new quote doubtCopies reads for the one it copies.
const copyReach = 16

// repeats reads a field's text after the edit for stretches read twice in a row, and the text
// before it for what stood there, within a budget of comparisons of a few times the text's
// length: past it, no quote is taken for a copy, so that no text can make a save read it over
// and over, nor take back checks it did not read for.
type repeats struct {
	before, r []rune
	left      int
	pre, suf  int // how far the texts read alike from their starts and from their ends, -1 till read
}

func newRepeats(before, after string) *repeats {
	r := []rune(after)
	return &repeats{before: []rune(before), r: r, left: 6*len(r) + 1<<16, pre: -1}
}

// copied reports whether t, a kept quote whose entry stood at was in the text before, and c, a
// new twin of it, are one stretch of the text read twice in a row, each at the same place in its
// copy (any space reads as any other between the copies: a sentence copied after the last of its
// paragraph reads a space where the original reads a line break), from a sentence's or a
// paragraph's end to one, where taking the first copy out gives back the text before around
// where the entry stood, as far as a copy's length each way.
func (rp *repeats) copied(t, c Entry, was int) bool {
	return rp.twice(t, c, same, func(x, d, at int) bool { return rp.once(x, d, at, was-at) })
}

// restoredCopy reports whether t, a kept quote whose entry stood at e in the text before, and c,
// a new twin of it, stand at the same place in a stretch read twice in a row, whose two copies
// may differ in a sentence's stop, from a sentence's or a paragraph's end to one, and c reads
// its paragraph around it as e did at least as far as t does (see asNear). That is a piece
// pasted after itself, a stop changed in one copy, brought back by a save that also edited the
// piece: taking a copy out gives back no text before it, and the word diff pairs the entry with
// whichever copy its edits happen to favour, though neither reads more like it. A save that only
// put a stretch in, leaving t on its entry's words (see stayed and pastedBeside), is no such
// restore: the text before is still there whole, and t is the quotation checked.
func (rp *repeats) restoredCopy(e, t, c Entry) bool {
	if rp.stayed(e, t) || rp.pastedBeside(e, t) {
		return false
	}
	return rp.twice(t, c, sameStop, func(int, int, int) bool { return rp.asNear(e, t, c) })
}

// stayed reports whether the edit put one stretch into the text before, all else left as it was,
// and the kept quote t stands on the words its entry e stood on wherever that stretch is read to
// start: a stretch that reads the same as the text beside it can be read as put in anywhere
// along it, and only a quote outside all those places is certainly where it was.
func (rp *repeats) stayed(e, t Entry) bool {
	if !rp.inserted() {
		return false
	}
	b, grow := len(rp.before), len(rp.r)-len(rp.before)
	return t.Start == e.Start && e.End <= b-rp.suf || t.Start == e.Start+grow && e.Start >= rp.pre
}

// inserted reports whether the edit only put a stretch into the text before, reading how far
// the two texts read alike from their starts and from their ends the first time it is asked.
func (rp *repeats) inserted() bool {
	b, r := rp.before, rp.r
	if rp.pre < 0 {
		n := min(len(b), len(r))
		rp.pre, rp.suf = 0, 0
		for rp.pre < n && b[rp.pre] == r[rp.pre] {
			rp.pre++
		}
		for rp.suf < n && b[len(b)-1-rp.suf] == r[len(r)-1-rp.suf] {
			rp.suf++
		}
	}
	return len(r) > len(b) && rp.pre+rp.suf >= len(b)
}

// pastedBeside reports whether the edit can be read as a copy of a piece, alike but for
// sentences' stops, pasted right after the piece or right before it, from a sentence's or a
// paragraph's end to one, with the kept quote t on the words its entry e stood on in the piece:
// that copy is all the edit put in, so t is the quotation checked. A copy that ends the text
// reads the line break before it as its own, and a piece that ends it the one after its copy.
// Past the scan's budget it reports false.
func (rp *repeats) pastedBeside(e, t Entry) bool {
	if !rp.inserted() {
		return false
	}
	b, r := len(rp.before), rp.r
	g := len(r) - b
	for q := max(b-rp.suf, 0); q <= rp.pre; q++ { // every place the stretch put in can start at
		rp.left--
		if rp.left < 4*g {
			return false
		}
		last := q+g == len(r) && r[q] == '\n' // a copy ending the text, its line break before it
		if !last && (!boundary(r, q) || !boundary(r, q+g)) {
			continue
		}
		var from, to int // the piece, and its copy put in at q
		switch {
		case last && t.Start == e.Start && e.End <= q && q-g+1 >= 0 && q-g+1 <= t.Start:
			from, to = q-g+1, q+1
		case t.Start == e.Start && e.End <= q && q-g >= 0 && q-g <= t.Start:
			from, to = q-g, q
		case t.Start == e.Start+g && e.Start >= q && q+2*g <= len(r)+1 && t.End <= q+2*g:
			from, to = q+g, q
		default:
			continue
		}
		rp.left -= 4 * g
		n := min(g, len(r)-max(from, to))
		if slices.EqualFunc(r[from:from+n], r[to:to+n], sameStop) {
			return true
		}
	}
	return false
}

// twice reports whether t and c, twins, stand at the same place in a stretch of the text after
// the edit read twice in a row, the copies alike by alike, from a sentence's or a paragraph's end
// to one, where fits says the copy [x, x+d) with the first of them at at is the one looked for.
func (rp *repeats) twice(t, c Entry, alike func(a, b rune) bool, fits func(x, d, at int) bool) bool {
	q := t
	if c.Start < q.Start {
		q, c = c, q
	}
	r, at, n, d := rp.r, q.Start, q.End-q.Start, c.Start-q.Start
	right := 0 // how far from at the text repeats d further on, as far as d
	for right < d && at+right+d < len(r) && rp.left > right && alike(r[at+right], r[at+right+d]) {
		right++
	}
	if right < d && at+right+d == len(r) {
		right++
	}
	left := 0 // how far before at it does, as far as d-n
	for left < d-n && at-left-1 >= 0 && rp.left > right+left && alike(r[at-left-1], r[at-left-1+d]) {
		left++
	}
	rp.left -= 2*(left+right) + 1
	if rp.left < 0 {
		return false
	}
	for x := at - left; x <= at && x+d <= at+right; x++ {
		if rp.left < 4*d {
			return false
		}
		if boundary(r, x) && boundary(r, x+d) && boundary(r, min(x+2*d, len(r))) {
			rp.left -= 4 * d
			if fits(x, d, at) {
				return true
			}
		}
	}
	return false
}

// once reports whether the text after the edit with [x, x+d) taken out, where the quote left
// stands at at, reads as the text before, shifted by off, from the start of that quote's
// paragraph (or d before x, if nearer) to d after x+d (or to either text's end, where both end):
// the copy's place, whatever else a save changed further back.
func (rp *repeats) once(x, d, at, off int) bool {
	r, b := rp.r, rp.before
	rest := func(y int) rune { // y of the text with the copy taken out
		if y >= x {
			return r[y+d]
		}
		return r[y]
	}
	lo := at
	for lo > max(x-d, 0) && rest(lo-1) != '\n' {
		lo--
	}
	for y := lo; y < x+2*d; y++ {
		inR, inB := y >= 0 && y < len(r)-d, y+off >= 0 && y+off < len(b)
		if inR != inB {
			return false
		}
		if inR && rest(y) != b[y+off] {
			return false
		}
	}
	return true
}

// boundary reports whether a sentence or a paragraph of r can start at pos: at either end of r,
// after a line break, after spaces following a sentence's end (its stop, then any closing
// marks), or at an opening mark after a space, where a quotation starts the sentences it quotes.
func boundary(r []rune, pos int) bool {
	if pos <= 0 || pos >= len(r) || r[pos-1] == '\n' {
		return true
	}
	if !unicode.IsSpace(r[pos-1]) {
		return false
	}
	if strings.ContainsRune("“‘«", r[pos]) {
		return true
	}
	k := pos - 1
	for k >= 0 && unicode.IsSpace(r[k]) {
		if r[k] == '\n' {
			return true
		}
		k--
	}
	for k >= 0 && strings.ContainsRune("”’\"')»]", r[k]) {
		k--
	}
	return k >= 0 && strings.ContainsRune(".!?…", r[k])
}

// same reports whether a and b read the same where a copy is looked for: the same, or both spaces.
func same(a, b rune) bool {
	return a == b || unicode.IsSpace(a) && unicode.IsSpace(b)
}

// sameStop reports whether a and b read the same where a copy is looked for (see same), or are
// both a sentence's stop.
func sameStop(a, b rune) bool {
	return same(a, b) || strings.ContainsRune(".!?;", a) && strings.ContainsRune(".!?;", b)
}

// asNear reports whether c, a new twin of the kept quote t whose entry stood at e in the text
// before, reads its paragraph around it as the entry did at least as far as t does: the word
// diff chose between two copies that the text before tells apart no better. A paragraph's start
// or end met on both sides counts, so that a quote left opening its paragraph is told from a
// copy typed after it.
func (rp *repeats) asNear(e, t, c Entry) bool {
	kt, ok := rp.around(e, t)
	if !ok {
		return false
	}
	kc, ok := rp.around(e, c)
	return ok && kc >= kt
}

// around returns how many code points of its paragraph around the quote f, after the edit,
// read as those around e before it, a paragraph's start or end met on both sides counting as
// one, and false when the scan's budget cannot pay for reading them.
func (rp *repeats) around(e, f Entry) (int, bool) {
	b, r := rp.before, rp.r
	edge := func(s []rune, k int) bool { return k < 0 || k >= len(s) || s[k] == '\n' }
	k := 1
	for !edge(b, e.Start-k) && !edge(r, f.Start-k) && b[e.Start-k] == r[f.Start-k] {
		k++
	}
	n := k - 1
	if edge(b, e.Start-k) && edge(r, f.Start-k) {
		n++
	}
	k = 0
	for !edge(b, e.End+k) && !edge(r, f.End+k) && b[e.End+k] == r[f.End+k] {
		k++
	}
	n += k
	if edge(b, e.End+k) && edge(r, f.End+k) {
		n++
	}
	rp.left -= n + 1
	return n, rp.left >= 0
}
