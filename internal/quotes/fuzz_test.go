package quotes_test

import (
	"strings"
	"testing"
	"unicode"

	"github.com/copydesk/copydesk/internal/quotes"
)

// The marks a quote may begin and end with, spelled out here rather than taken from the package
// so that the fuzz test checks Find against the specification, not against itself.
// closingOnly are the marks that close or, ” as Swedish and » and › as German copy writes them,
// open before a word: one that does neither is a stray, a problem; so is a ’ or ' after a comma.
const (
	openingMarks = "“\"‘'„‚«‹»›「『”‟‛"
	closingMarks = "”\"’'“‘»›«‹」』"
	closingOnly  = "”»›」』’'"
	spacedMarks  = "«‹»›"
)

// FuzzFind feeds Find arbitrary text, valid UTF-8 or not, and checks what must hold for every
// input: no panic, every quote and problem inside the text on the right marks, quotes in order
// and apart, and paragraphs and positions that agree with the offsets.
func FuzzFind(f *testing.F) {
	for _, tt := range findCases(f) {
		f.Add(tt.text)
	}
	f.Add("\"\"\"'''‘’“”\n\n\"")
	f.Add("'n' 'n 'tis '90s' '1999' 5'10\" ’’ ‘‘")
	f.Add("„a“ ‚b‘ « c » ‹ d › »› “„ ‘‚ „\n„x“")
	f.Add("”a” ” ”b\n”c” ‟d” ‛e’ ‟ ‛\n‟f")
	f.Add("「a『b』」 』「 『「x」 「\n「y」")
	f.Add("A said: “B ‘c.’” D said. “E ‘f,’ ” G said. \"H 'i.' \" J.")
	f.Add("他说：“我不知道。”然后。「やめて！」と。«هل؟» “मुझे।” ‼ ‽ ⁉")
	f.Fuzz(func(t *testing.T, text string) {
		qs, problems := quotes.Find(text)
		rs := []rune(text)
		para, lineStart := lines(rs)
		prevEnd := 0
		for _, q := range qs {
			if q.Start < prevEnd || q.End-q.Start < 2 || q.End > len(rs) {
				t.Fatalf("quote %+v out of order or outside [%d, %d)", q, prevEnd, len(rs))
			}
			if !strings.ContainsRune(openingMarks, rs[q.Start]) || !strings.ContainsRune(closingMarks, rs[q.End-1]) {
				t.Fatalf("quote %+v runs from %q to %q", q, rs[q.Start], rs[q.End-1])
			}
			if q.Paragraph != para[q.Start] {
				t.Fatalf("quote %+v in paragraph %d, want %d", q, q.Paragraph, para[q.Start])
			}
			between := string(rs[q.Start+1 : q.End-1])
			if strings.ContainsRune(spacedMarks, rs[q.Start]) {
				between = strings.TrimFunc(between, unicode.IsSpace)
			}
			if para[q.Start] == para[q.End-1] && q.Text != between {
				t.Fatalf("quote %+v has text %q, want the runes between its marks", q, q.Text)
			}
			prevEnd = q.End
		}
		for _, p := range problems {
			if p.Offset < 0 || p.Offset >= len(rs) {
				t.Fatalf("problem %+v outside the text of %d runes", p, len(rs))
			}
			if !strings.ContainsRune(openingMarks+closingOnly, rs[p.Offset]) {
				t.Fatalf("problem %+v is at %q, not a quotation mark", p, rs[p.Offset])
			}
			if p.Paragraph != para[p.Offset] || p.Position != p.Offset-lineStart[p.Offset] {
				t.Fatalf("problem %+v, want paragraph %d position %d", p, para[p.Offset], p.Offset-lineStart[p.Offset])
			}
		}
	})
}

// lines returns, for every rune of rs, the index of its paragraph and the offset where that
// paragraph starts, so that the checks above stay linear on long inputs.
func lines(rs []rune) (para, lineStart []int) {
	para, lineStart = make([]int, len(rs)), make([]int, len(rs))
	n, start := 0, 0
	for i, r := range rs {
		para[i], lineStart[i] = n, start
		if r == '\n' {
			n, start = n+1, i+1
		}
	}
	return para, lineStart
}
