package worddiff

import (
	"unicode"
	"unicode/utf8"
)

// zwj is the zero-width joiner that glues emoji such as 👩‍💻 into one visible picture.
const zwj = '\u200d'

// tokenize splits s[from:to] into words, runs of whitespace and single other characters, and
// returns the offset in s where each token ends; the first token starts at from. Offsets rather
// than substrings keep the slice free of pointers, which spares the garbage collector on long
// texts. A byte that is not valid UTF-8 becomes a token of its own.
func tokenize(s string, from, to int) []int {
	s = s[:to]
	// Prose averages about six bytes per word and its following space; the guess saves
	// the slice from growing many times on a long body.
	ends := make([]int, 0, (to-from)/3+1)
	for i := from; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case isWordRune(r):
			i = scan(s, i+n, isWordRune)
		case unicode.IsSpace(r):
			i = scan(s, i+n, unicode.IsSpace)
		default:
			i = symbolEnd(s, i, r, n)
		}
		ends = append(ends, i)
	}
	return ends
}

// isWordRune reports whether r belongs inside a word. Marks are included so that a decomposed
// "é" (e followed by a combining accent) stays one word.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r))
}

// scan returns the offset of the first rune at or after i that does not satisfy keep.
func scan(s string, i int, keep func(rune) bool) int {
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !keep(r) {
			break
		}
		i += n
	}
	return i
}

// symbolEnd returns the end of the symbol token that starts with rune r (n bytes) at offset i.
// A symbol is one character, but the pieces of a single visible emoji (variation selectors,
// skin tones, zero-width-joined sequences, the two letters of a flag) are kept together so that
// a diff never cuts a picture in half.
func symbolEnd(s string, i int, r rune, n int) int {
	if r == utf8.RuneError && n <= 1 {
		return i + n
	}
	end := i + n
	if isRegional(r) {
		if r2, n2 := utf8.DecodeRuneInString(s[end:]); isRegional(r2) {
			return end + n2
		}
		return end
	}
	for end < len(s) {
		r2, n2 := utf8.DecodeRuneInString(s[end:])
		switch {
		case unicode.IsMark(r2) || isSkinTone(r2):
			end += n2
		case r2 == zwj:
			end += n2
			if r3, n3 := utf8.DecodeRuneInString(s[end:]); end < len(s) && r3 != utf8.RuneError &&
				!unicode.IsSpace(r3) && !isWordRune(r3) {
				end += n3
			}
		default:
			return end
		}
	}
	return end
}

// isRegional reports whether r is a regional indicator letter; two of them make a flag.
func isRegional(r rune) bool { return r >= 0x1F1E6 && r <= 0x1F1FF }

// isSkinTone reports whether r is an emoji skin-tone modifier.
func isSkinTone(r rune) bool { return r >= 0x1F3FB && r <= 0x1F3FF }

// intern maps each distinct token of a and b, given by their end offsets from start, to a
// small integer shared between the two texts, so that the diff compares integers, not strings.
func intern(a string, ea []int, b string, eb []int, start int) ([]int32, []int32) {
	ids := make(map[string]int32, len(ea)/4+1)
	conv := func(s string, ends []int) []int32 {
		out := make([]int32, len(ends))
		from := start
		for i, to := range ends {
			id, ok := ids[s[from:to]]
			if !ok {
				id = int32(len(ids))
				ids[s[from:to]] = id
			}
			out[i] = id
			from = to
		}
		return out
	}
	return conv(a, ea), conv(b, eb)
}
