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
