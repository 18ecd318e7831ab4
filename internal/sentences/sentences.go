// Package sentences tells where a text's sentences end, for the packages that find words again
// after an edit (anchor, quotes). It is pure and errs towards fewer ends: a full stop after an
// abbreviation, an initial or inside a number ends no sentence, nor does one followed by a
// lowercase word, so two sentences may be read as one but a sentence is never cut into pieces
// that are not sentences.
package sentences

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// IsTerminal reports whether r ends a sentence: a full stop, question or exclamation mark or an
// ellipsis, in any script, such as Chinese and Japanese 。 and ！, Arabic ؟ and Hindi's danda ।.
// ASCII, most of any English text, is answered without the Unicode tables.
func IsTerminal(r rune) bool {
	if r < utf8.RuneSelf {
		return r == '.' || r == '!' || r == '?'
	}
	return r == '…' || unicode.Is(unicode.Sentence_Terminal, r)
}

// abbreviations are the words, lowercased, whose full stop does not end a sentence: "Sen.
// Ortiz", "Acme Inc.", "No. 5".
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "sen": true, "rep": true, "gov": true,
	"gen": true, "lt": true, "sgt": true, "col": true, "capt": true, "adm": true, "rev": true, "st": true,
	"jr": true, "sr": true, "inc": true, "co": true, "corp": true, "ltd": true, "vs": true, "no": true,
	"mt": true, "ft": true,
}

// maxAbbreviation is the longest abbreviation, in bytes, lowercased.
const maxAbbreviation = 4

// Abbreviation reports whether word, without the full stop after it, takes a full stop that
// does not end a sentence: an initial (F.), a dotted abbreviation (U.S.) or a listed one (Sen.).
func Abbreviation(word []rune) bool {
	if len(word) == 1 {
		return unicode.IsUpper(word[0])
	}
	if slices.Contains(word, '.') {
		return true
	}
	if len(word) > maxAbbreviation {
		return false
	}
	var buf [maxAbbreviation]byte
	for i, r := range word {
		if r >= utf8.RuneSelf {
			return false
		}
		buf[i] = byte(unicode.ToLower(r))
	}
	return abbreviations[string(buf[:len(word)])]
}

// months are the months, lowercased, that American style shortens before a day: "Jan. 6",
// "Sept. 12". May, June and July are written whole.
var months = map[string]bool{
	"jan": true, "feb": true, "mar": true, "apr": true, "aug": true, "sep": true, "sept": true,
	"oct": true, "nov": true, "dec": true,
}

// Dated reports whether the full stop at runes[i] ends a month's short form before the day's
// number (on Jan. 6), which ends no sentence. Alone, the same word may be a name that ends one
// (said Jan.).
func Dated(runes []rune, i int) bool {
	w := i
	for w > 0 && i-w <= maxAbbreviation && unicode.IsLetter(runes[w-1]) {
		w--
	}
	if i-w < 3 || i-w > maxAbbreviation || w > 0 && isWord(runes[w-1]) || !unicode.IsUpper(runes[w]) {
		return false
	}
	j := i + 1
	for j < len(runes) && runes[j] == ' ' {
		j++
	}
	return j > i+1 && j < len(runes) && '0' <= runes[j] && runes[j] <= '9' && months[strings.ToLower(string(runes[w:i]))]
}

// Spans returns where each sentence of runes starts and ends, in order, without the spaces
// between them. A line's end ends a sentence. So does a run of terminals (see IsTerminal), with
// the closing quotation marks and brackets after it, when a space, the end of the text or, after
// a terminal outside ASCII, anything follows, and the next word does not start in lowercase. A
// full stop between letters or digits (3.5, U.S.-Mexico), after an abbreviation or after a
// month's short form before a day (Jan. 6) ends none.
func Spans(runes []rune) [][2]int {
	var out [][2]int
	start := skipSpaces(runes, 0)
	for i := 0; i < len(runes); i++ {
		r := runes[i]
		end := -1
		switch {
		case r == '\n':
			end = i
		case IsTerminal(r):
			j, ok := ends(runes, i)
			if !ok {
				// The terminals and closing marks up to j end nothing either: each would
				// read the same run and the same next word again.
				i = j - 1
				continue
			}
			end = j
		}
		if end < 0 {
			continue
		}
		if end > start {
			out = append(out, [2]int{start, trimEnd(runes, start, end)})
		}
		start = skipSpaces(runes, max(end, i+1))
		i = start - 1
	}
	if end := trimEnd(runes, start, len(runes)); end > start {
		out = append(out, [2]int{start, end})
	}
	return out
}

// Around returns the index in spans, a text's sentences in order as Spans returns them, of the
// sentence that code points [s, e) lie in. ok is false when they reach past one sentence or lie
// between two.
func Around(spans [][2]int, s, e int) (k int, ok bool) {
	k = sort.Search(len(spans), func(k int) bool { return spans[k][1] >= e })
	if k == len(spans) || spans[k][0] > s {
		return 0, false
	}
	return k, true
}

// Once returns where text stands in str, in bytes, when it is there once, not even overlapping
// itself: only then does finding a sentence's text in two texts say it is the same sentence.
func Once(str, text string) (int, bool) {
	i := strings.Index(str, text)
	if i < 0 || strings.Contains(str[i+1:], text) {
		return 0, false
	}
	return i, true
}

// ends reports whether the terminal at runes[i] ends its sentence, and where the sentence ends:
// after the terminals and closing marks that follow it. When it does not, the int is where the
// next terminal that may end a sentence can stand.
func ends(runes []rune, i int) (int, bool) {
	if runes[i] == '.' && (inWord(runes, i) || abbreviated(runes, i) || Dated(runes, i)) {
		return i + 1, false
	}
	j := i + 1
	for j < len(runes) && (IsTerminal(runes[j]) || closing(runes[j])) {
		j++
	}
	if j < len(runes) && !unicode.IsSpace(runes[j]) && runes[j-1] < utf8.RuneSelf {
		return j, false
	}
	if k := skipSpaces(runes, j); k < len(runes) && unicode.IsLower(runes[k]) {
		return j, false
	}
	return j, true
}

// inWord reports whether the full stop at runes[i] stands between two letters or digits.
func inWord(runes []rune, i int) bool {
	return i > 0 && i+1 < len(runes) && isWord(runes[i-1]) && isWord(runes[i+1])
}

// abbreviated reports whether the full stop at runes[i] ends an abbreviation.
func abbreviated(runes []rune, i int) bool {
	w := i
	for w > 0 && i-w < maxAbbreviationRunes && (isWord(runes[w-1]) || runes[w-1] == '.') {
		w--
	}
	for w < i && runes[w] == '.' {
		w++
	}
	return w < i && Abbreviation(runes[w:i])
}

// maxAbbreviationRunes bounds how far back abbreviated reads for the word before a full stop,
// so that a run of full stops is read in time linear in its length: no abbreviation, dotted
// ones (U.S.A.) included, is longer.
const maxAbbreviationRunes = 16

// closing reports whether r closes a quotation or a bracket.
func closing(r rune) bool {
	return r == '"' || r == '\'' || unicode.In(r, unicode.Pe, unicode.Pf)
}

// isWord reports whether r belongs to a word.
func isWord(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) }

// skipSpaces returns where the first code point from i on that is not a space, other than a
// line's end, stands.
func skipSpaces(runes []rune, i int) int {
	for i < len(runes) && runes[i] != '\n' && unicode.IsSpace(runes[i]) {
		i++
	}
	return i
}

// trimEnd returns end moved back over the spaces before it, no further than start.
func trimEnd(runes []rune, start, end int) int {
	for end > start && unicode.IsSpace(runes[end-1]) {
		end--
	}
	return end
}
