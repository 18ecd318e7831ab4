package quotes

import (
	"sort"
	"unicode/utf8"

	"github.com/copydesk/copydesk/internal/worddiff"
)

// Edit is the change a ledger is reconciled across: each quoted field's text before and after
// it, by field name. The zero Edit says nothing of where quotes went.
type Edit struct {
	Before, After map[string]string
}

// span is a stretch of unchanged text, in code points: old[old:old+n) is new[new:new+n).
type span struct{ old, new, n int }

// fieldEdit is what an Edit says of one field: the stretches the word diff left unchanged, in
// order, and the paragraphs of the text before and after it.
type fieldEdit struct {
	kept          []span
	before, after paragraphs
}

// of works out what the edit says of the field; nil when the edit does not know the field.
func (ed Edit) of(field string) *fieldEdit {
	before, ok := ed.Before[field]
	after, ok2 := ed.After[field]
	if !ok || !ok2 {
		return nil
	}
	fe := &fieldEdit{before: indexParagraphs(before), after: indexParagraphs(after)}
	o, n := 0, 0
	for _, c := range worddiff.Words(before, after) {
		size := utf8.RuneCountInString(c.Text)
		switch c.Op {
		case worddiff.Equal:
			fe.kept = append(fe.kept, span{o, n, size})
			o, n = o+size, n+size
		case worddiff.Delete:
			o += size
		case worddiff.Insert:
			n += size
		}
	}
	return fe
}

// follow returns where old code points [start, end) stand after the edit when it left them
// unchanged (a quotation's range holds its marks, so its marks are the same marks), and -1 when
// it touched them. A range in a paragraph found unchanged and once in each text is in that
// paragraph wherever it went, whatever the word diff pairs it with: a paragraph moved past one
// quoting the same words would otherwise lend its quote to the twin in the paragraph that took
// its place.
func (fe *fieldEdit) follow(start, end int) int {
	if fe == nil {
		return -1
	}
	if at, ok := fe.before.unmoved(fe.after, start, end); ok {
		return at
	}
	for _, s := range fe.kept {
		if s.old <= start && end <= s.old+s.n {
			return s.new + start - s.old
		}
	}
	return -1
}

// paragraphs indexes a text's paragraphs, its lines, by their text: where each starts, in code
// points, and how often each text occurs.
type paragraphs struct {
	starts, ends []int
	texts        []string
	first        map[string]int // where the first paragraph with that text starts
	count        map[string]int
}

// indexParagraphs indexes the paragraphs of text.
func indexParagraphs(text string) paragraphs {
	p := paragraphs{first: map[string]int{}, count: map[string]int{}}
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

// unmoved returns where code points [s, e) of p's text stand in after's when they lie in one
// paragraph whose text is in each text once.
func (p paragraphs) unmoved(after paragraphs, s, e int) (int, bool) {
	i := sort.SearchInts(p.starts, s+1) - 1
	if i < 0 || e > p.ends[i] || p.count[p.texts[i]] != 1 || after.count[p.texts[i]] != 1 {
		return 0, false
	}
	return after.first[p.texts[i]] + s - p.starts[i], true
}
