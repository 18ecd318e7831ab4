package quotes

import (
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestClassesMatchUnicode holds isWord and isSpace, whose fast paths answer ASCII, Latin-1 and
// the General Punctuation block without the Unicode tables, to what the tables say of every
// code point, and to the paragraph's edge being a space and no word.
func TestClassesMatchUnicode(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		word := unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.In(r, unicode.Mn, unicode.Mc)
		if got := isWord(r); got != word {
			t.Errorf("isWord(%U) = %v, the Unicode tables say %v", r, got, word)
		}
		if got, space := isSpace(r), unicode.IsSpace(r); got != space {
			t.Errorf("isSpace(%U) = %v, the Unicode tables say %v", r, got, space)
		}
	}
	if !isSpace(edge) || isWord(edge) {
		t.Errorf("the paragraph's edge: isSpace %v, isWord %v; want a space and no word", isSpace(edge), isWord(edge))
	}
}

// TestMarkProblemWritesOneMessage: a mark's problem costs one message however it is reported.
// A stray closing mark's message was written after an unclosed one's was written and thrown
// away, and a text with many stray marks paid for each twice.
func TestMarkProblemWritesOneMessage(t *testing.T) {
	tests := []struct {
		name string
		m    mark
		want string
	}{
		{"Unclosed", mark{r: '“', para: 3, pos: 17, off: 40}, "opening “ in paragraph 3 at position 17 never closes"},
		{"Stray", mark{r: '”', para: 3, pos: 17, off: 40, stray: true}, "closing ” in paragraph 3 at position 17 has no opening mark"},
	}
	var allocs []float64
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := tt.m.problem()
			if p.Message != tt.want || p.Paragraph != tt.m.para || p.Position != tt.m.pos || p.Offset != tt.m.off {
				t.Errorf("problem() = %+v; want %q at paragraph %d, position %d, offset %d", p, tt.want, tt.m.para, tt.m.pos, tt.m.off)
			}
			allocs = append(allocs, testing.AllocsPerRun(100, func() { _ = tt.m.problem() }))
		})
	}
	if len(allocs) == 2 && allocs[1] > allocs[0] {
		t.Errorf("a stray mark's problem allocates %.0f times, an unclosed one's %.0f: its message is written more than once", allocs[1], allocs[0])
	}
}
