package quotes

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/copydesk/copydesk/internal/worddiff"
)

// Edit is what a change says of where a ledger's quotes went, for the fields where Reconcile
// needs to know: those where quotes repeat. The zero Edit says nothing of where quotes went.
type Edit struct {
	fields map[string]*fieldEdit
}

// PrepareEdit works out the edit from before to after, each quoted field's text by name, for
// the fields where found, the quotes found after it, have twins, or hold words that occur twice
// in the field before it (which a ledger's twins do, but for a quote spanning paragraphs, whose
// words the field holds with a mark between: such twins are paired as Reconcile pairs twins
// the edit does not know). A word diff of a long field takes a good part of a second, so it is
// made only where twins need it, and the caller makes it before any lock it holds. Reconcile
// looks up the sentences its entries stand in as it needs them, a few milliseconds at most (see
// sentenceBytes), keeping what it found in the Edit: an Edit serves one Reconcile at a time.
func PrepareEdit(before, after map[string]string, found []Entry) Edit {
	ed := Edit{fields: map[string]*fieldEdit{}}
	for k, js := range group(found, none) {
		b, ok := before[k.field]
		a, ok2 := after[k.field]
		if _, done := ed.fields[k.field]; done || !ok || !ok2 {
			continue
		}
		if len(js) >= 2 || strings.Count(b, k.text) >= 2 {
			ed.fields[k.field] = diffField(b, a)
		}
	}
	return ed
}

// span is a stretch of unchanged text, in code points: old[old:old+n) is new[new:new+n).
type span struct{ old, new, n int }

// fieldEdit is what an Edit says of one field: the stretches the word diff left unchanged, in
// order, the text before and after it with their paragraphs, for each paragraph before it where
// it starts after the edit when the texts say which one it is (-1 otherwise, see placed), the
// paragraph it moved and edited, if it can tell (see movedParagraph), and what it found
// of the sentences it looked for. Where a paragraph went is worked out once a paragraph, not once
// a quotation: a lookup by a paragraph's text reads all of it, and a paragraph at the size limit
// can hold thousands of twins.
type fieldEdit struct {
	kept          []span
	before, after *paragraphs
	placed        []int
	moved         *movedParagraph
	// once holds, for each sentence's text looked for, where it stands in the text before and
	// after, in code points, or -1s when it is not once in each and a sentence of each; left is
	// how many bytes may still be read for it.
	once map[string][2]int
	left int
}

// diffField works out what the edit from before to after says of a field.
func diffField(before, after string) *fieldEdit {
	fe := &fieldEdit{before: indexParagraphs(before), after: indexParagraphs(after), once: map[string][2]int{}, left: sentenceBytes}
	fe.place()
	fe.moved = fe.findMoved()
	fe.kept = keptSpans(before, after)
	return fe
}

// place works out where each paragraph before the edit went (see placed). The paragraph moved
// and edited is found among copies placed by count alone, then spared when copies beside a
// paragraph like them are left unplaced.
func (fe *fieldEdit) place() {
	fe.placed = fe.before.placed(fe.after, nil)
	spare := [2]int{-1, -1}
	if from, to, ok := fe.movedPair(); ok {
		spare = [2]int{from, to}
	}
	fe.placed = fe.before.placed(fe.after, &spare)
}

// keptSpans is the word diff of before and after as the runs it keeps, in code points.
func keptSpans(before, after string) []span {
	var kept []span
	o, n := 0, 0
	for _, c := range worddiff.Words(before, after) {
		size := utf8.RuneCountInString(c.Text)
		switch c.Op {
		case worddiff.Equal:
			kept = append(kept, span{o, n, size})
			o, n = o+size, n+size
		case worddiff.Delete:
			o += size
		case worddiff.Insert:
			n += size
		}
	}
	return kept
}

// follow returns where old code points [start, end) stand after the edit when it left them
// unchanged (a quotation's range holds its marks, so its marks are the same marks), and -1 when
// it touched them. A range in a paragraph the edit placed (see placed), or failing that in a
// sentence found whole, unchanged and once in each text (see fieldEdit.whole), is in that piece
// wherever it went, whatever the word diff pairs it with, and unmoved says so; so is a range in
// the paragraph the edit moved and edited (see movedParagraph) that its own diff left: a
// paragraph moved past one quoting the same words would otherwise lend its quote to the twin in
// the paragraph that took its place, and two sentences that swapped places, or a sentence typed
// before one quoting the same words, would pass each other their quotes and checks. In that
// paragraph too a sentence found whole comes first, and its own diff may not put a range in
// another sentence found whole: a paragraph that lost its first sentence would otherwise hand
// that sentence's check to the next one quoting the same words.
func (fe *fieldEdit) follow(start, end int) (at int, unmoved bool) {
	if fe == nil {
		return -1, false
	}
	if at, ok := fe.unmoved(start, end); ok {
		return at, true
	}
	if at, in := fe.inMoved(start, end); in {
		if s, ok := fe.sentence(start, end, -1); ok {
			return s, true
		}
		if at < 0 {
			return -1, false
		}
		if from, _, was, whole := fe.whole(fe.after, at, at+end-start); whole && was[0]+at-from != start {
			return -1, false
		}
		return at, true
	}
	kept := fe.diffed(start, end)
	if at, ok := fe.sentence(start, end, kept); ok {
		return at, true
	}
	return kept, false
}

// diffed returns where old code points [start, end) stand after the edit when the word diff left
// them unchanged, and -1 when it touched them.
func (fe *fieldEdit) diffed(start, end int) int {
	// The stretches are in order and apart: only the last that starts at or before start can
	// hold the range. Searching for it, rather than reading them all for each quotation, keeps
	// an edit between each of thousands of twins linear.
	i := sort.Search(len(fe.kept), func(i int) bool { return fe.kept[i].old > start }) - 1
	if i >= 0 && end <= fe.kept[i].old+fe.kept[i].n {
		return fe.kept[i].new + start - fe.kept[i].old
	}
	return -1
}

// stays returns where old code points [start, end) stand after the edit, from the first kept to
// the last, when the word diff kept at least half of them, and false otherwise or when the edit
// says nothing of the field. In the paragraph the edit moved and edited (see movedParagraph) the
// diff of that paragraph alone says it: the diff of the whole text reads the paragraph as cut,
// and keeps a quotation of it where a twin in the paragraph that took its place stands.
func (fe *fieldEdit) stays(start, end int) (s, e int, ok bool) {
	if fe == nil || end <= start {
		return 0, 0, false
	}
	if m := fe.moved; m != nil && start >= fe.before.starts[m.from] && end <= fe.before.ends[m.from] {
		from, to := fe.before.starts[m.from], fe.after.starts[m.to]
		s, e, ok = keptOf(m.kept, start-from, end-from)
		return s + to, e + to, ok
	}
	return keptOf(fe.kept, start, end)
}

// keptOf is stays over the unchanged stretches kept.
func keptOf(kept []span, start, end int) (s, e int, ok bool) {
	n := 0
	s = -1
	for i := sort.Search(len(kept), func(i int) bool { return kept[i].old+kept[i].n > start }); i < len(kept) && kept[i].old < end; i++ {
		k := kept[i]
		from, to := max(start, k.old), min(end, k.old+k.n)
		if s < 0 {
			s = k.new + from - k.old
		}
		e = k.new + to - k.old
		n += to - from
	}
	return s, e, n*2 >= end-start
}

// paragraphs indexes a text's paragraphs, its lines, by their text: where each starts, in code
// points, and how often each text occurs. It keeps the text, to find its sentences in, and the
// paragraphs it cut into sentences.
type paragraphs struct {
	text         string
	starts, ends []int
	texts        []string
	first        map[string]int // where the first paragraph with that text starts
	count        map[string]int
	cut          map[int]*cutParagraph // by the paragraph's index
}

// indexParagraphs indexes the paragraphs of text.
func indexParagraphs(text string) *paragraphs {
	p := &paragraphs{text: text, first: map[string]int{}, count: map[string]int{}, cut: map[int]*cutParagraph{}}
	start, at, n := 0, 0, 0 // where the paragraph starts, in bytes and code points, and code points so far
	for i, r := range text {
		if r == '\n' {
			p.add(text[start:i], at, n)
			start, at = i+1, n+1
		}
		n++
	}
	p.add(text[start:], at, n)
	return p
}

// add indexes the paragraph line, code points from to to.
func (p *paragraphs) add(line string, from, to int) {
	if p.count[line] == 0 {
		p.first[line] = from
	}
	p.count[line]++
	p.starts, p.ends, p.texts = append(p.starts, from), append(p.ends, to), append(p.texts, line)
}

// unmoved returns where code points [s, e) of the text before the edit stand after it when
// they lie in one paragraph whose text is in each text once.
func (fe *fieldEdit) unmoved(s, e int) (int, bool) {
	p := fe.before
	i := sort.SearchInts(p.starts, s+1) - 1
	if i < 0 || e > p.ends[i] || fe.placed[i] < 0 {
		return 0, false
	}
	return fe.placed[i] + s - p.starts[i], true
}
