package quotes

import (
	"unicode"
	"unicode/utf8"
)

// The quotation marks Find knows. Curly marks say which way they face; straight marks do not, so
// their role comes from the characters around them. The single marks double as apostrophes.
// German copy opens low („, ‚) and closes with what English opens with (“, ‘); French and
// translated copy uses guillemets, which face the way they work (« Oui »), or, in German and
// Swiss copy, the other way (»Ja«). Chinese and Japanese copy quotes with corner brackets,
// 「 」 outside and 『 』 inside them.
const (
	leftDouble     = '“'
	rightDouble    = '”'
	straightDouble = '"'
	leftSingle     = '‘'
	rightSingle    = '’'
	straightSingle = '\''
	lowDouble      = '„'
	lowSingle      = '‚'
	// The high reversed marks open as “ and ‘ do, in some typefaces' copy: ‟Enough,” she said.
	reversedDouble = '‟'
	reversedSingle = '‛'
	leftGuillemet  = '«'
	rightGuillemet = '»'
	leftAngle      = '‹'
	rightAngle     = '›'
	leftCorner     = '「'
	rightCorner    = '」'
	leftWhite      = '『'
	rightWhite     = '』'
)

// edge stands for the rune before the first and after the last rune of a paragraph. It is not a
// valid rune, so it can never be mistaken for text.
const edge rune = -1

// family groups the marks that can close each other: a curly opening double may be closed by a
// straight double, but never by a single mark.
type family uint8

const (
	doubleMarks family = iota + 1
	singleMarks
	guillemets
	angleMarks
	corners
	whiteCorners
)

// familyOf returns the family of r, or 0 when r is not a quotation mark.
func familyOf(r rune) family {
	switch r {
	case leftDouble, rightDouble, straightDouble, lowDouble, reversedDouble:
		return doubleMarks
	case leftSingle, rightSingle, straightSingle, lowSingle, reversedSingle:
		return singleMarks
	case leftGuillemet, rightGuillemet:
		return guillemets
	case leftAngle, rightAngle:
		return angleMarks
	case leftCorner, rightCorner:
		return corners
	case leftWhite, rightWhite:
		return whiteCorners
	}
	return 0
}

// isMark reports whether r is any quotation mark. Most runes are none, and ASCII is answered first.
func isMark(r rune) bool {
	if r < utf8.RuneSelf {
		return r == straightDouble || r == straightSingle
	}
	return familyOf(r) != 0
}

// isOpening reports whether r can be the first rune of a Quote.
func isOpening(r rune) bool {
	switch r {
	case leftDouble, straightDouble, leftSingle, straightSingle, lowDouble, lowSingle, leftGuillemet, leftAngle, leftCorner, leftWhite,
		reversedDouble, reversedSingle:
		return true
	}
	return false
}

// closesLow reports whether r closes a quote opened with the low mark opener: the German
// “ after „ and ‘ after ‚.
func closesLow(opener, r rune) bool {
	return opener == lowDouble && r == leftDouble || opener == lowSingle && r == leftSingle
}

// spaced reports whether quotes opened with r keep a space inside their marks (« Oui »), which
// is typography rather than part of the words.
func spaced(r rune) bool {
	return r == leftGuillemet || r == leftAngle || r == rightGuillemet || r == rightAngle
}

// at returns p[i], or edge outside the paragraph, so that neighbours can be read without checks.
func at(p []rune, i int) rune {
	if i < 0 || i >= len(p) {
		return edge
	}
	return p[i]
}

// isSpace reports whether r separates words; the edge of a paragraph does too. The curly
// quotes and dashes of the General Punctuation block, which the quote finder asks about at
// every mark, are answered without the Unicode tables: the block's spaces are U+2000–U+200A,
// U+2028, U+2029, U+202F and U+205F.
func isSpace(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return r == edge || r == ' ' || r == '\n' || r == '\t' || r == '\r' || r == '\v' || r == '\f'
	case 0x200B <= r && r <= 0x2027, 0x2030 <= r && r <= 0x205E:
		return false
	}
	return unicode.IsSpace(r)
}

// isWord reports whether r belongs to a word: a letter, a digit or a combining accent. ASCII,
// most of any English text, is answered without the Unicode tables; so are Latin-1, which has
// no combining accents and whose letters and digits the unicode package looks up in one
// table, and the General Punctuation block (U+2000–U+206F: curly quotes, dashes, spaces),
// which holds no letter, digit or accent and which the quote finder asks about at every mark.
func isWord(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	case r <= unicode.MaxLatin1:
		return unicode.IsLetter(r) || unicode.IsDigit(r)
	case 0x2000 <= r && r <= 0x206F:
		return false
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.In(r, unicode.Mn, unicode.Mc)
}

// isPunct reports whether r is punctuation or a symbol, which lets a straight mark lean on it.
func isPunct(r rune) bool { return r != edge && (unicode.IsPunct(r) || unicode.IsSymbol(r)) }

// flanking reports whether the straight mark at p[i] leans on the word after it (left, so it
// opens) or on the word before it (right, so it closes). The rules are CommonMark's for
// delimiter runs, which have held up on a great deal of hand-typed prose.
func flanking(p []rune, i int) (left, right bool) {
	prev, next := at(p, i-1), at(p, i+1)
	left = !isSpace(next) && (!isPunct(next) || isSpace(prev) || isPunct(prev))
	right = !isSpace(prev) && (!isPunct(prev) || isSpace(next) || isPunct(next))
	return left, right
}

// singleRole is what a single mark can be where it stands.
type singleRole uint8

const (
	apostrophe singleRole = iota // developers', we’ll, ’90s: never a quotation mark
	canOpen
	canClose
	canEither // between two punctuation marks, as in "'no,'": the open quotes decide
)

// classifySingle decides what the single mark at p[i] can be. skip is how many runes after it
// belong to the same elision: the n and the second mark of rock ’n’ roll.
func classifySingle(p []rune, i int) (role singleRole, skip int) {
	r, prev, next := p[i], at(p, i-1), at(p, i+1)
	if isWord(prev) && isWord(next) {
		return apostrophe, 0 // authority's, we’ll, rock’n’roll
	}
	if !isWord(prev) && (next == 'n' || next == 'N') && familyOf(at(p, i+2)) == singleMarks && !isWord(at(p, i+3)) {
		return apostrophe, 2 // rock ’n’ roll
	}
	open := r != rightSingle && !isWord(prev) && !isSpace(next) && !elided(p, i)
	closing := r != leftSingle && r != reversedSingle && !isSpace(prev) && !isWord(next)
	switch {
	case open && closing:
		return canEither, 0
	case open:
		return canOpen, 0
	case closing:
		return canClose, 0
	}
	return apostrophe, 0
}

// elided reports whether the mark at p[i] stands for letters left out of the word after it: a
// decade ('90s) or one of the elisions.
func elided(p []rune, i int) bool {
	j := i + 1
	for j < len(p) && unicode.IsDigit(p[j]) {
		j++
	}
	if digits := j - i - 1; digits > 0 {
		if at(p, j) == 's' || at(p, j) == 'S' {
			j++
		}
		return digits == 2 && !isWord(at(p, j))
	}
	var buf [5]rune
	word, j, ok := wordAt(p, j, buf[:])
	if !ok {
		return false
	}
	if word == "s" || word == "t" {
		// Dutch writes its elisions ’s and ’t in lowercase, before a space or a hyphen (’s Avonds,
		// ’s-Hertogenbosch, ’t Hooft); a capital is a word of its own (‘T-shirts sold out,’ ‘S
		// Club 7’), and so is a letter quoted as a letter (the ‘s’).
		if !unicode.IsLower(p[i+1]) || (at(p, j) != '-' && !isSpace(at(p, j))) {
			return false
		}
	}
	return lexicon[word]&elisionWord != 0
}

// possessiveShape reports whether the single mark at p[i] looks like the apostrophe of a plural
// possessive inside a sentence (the developers' code): after an s, before a lowercase word that
// can be what is possessed. A conjunction, preposition or helping verb cannot (‘ours’ and the
// players’ ‘fair share’), so the mark before one closes a quote.
func possessiveShape(p []rune, i int, oneWord bool) bool {
	prev, next := at(p, i-1), at(p, i+1)
	return (prev == 's' || prev == 'S') && next != edge && unicode.IsSpace(next) && unicode.IsLower(at(p, i+2)) &&
		!(oneWord && functionWord(p, i+2))
}

// functionWord reports whether the word starting at p[j] is a stopword, a preposition or a
// helping verb: a word that joins or bends others rather than names a thing.
func functionWord(p []rune, j int) bool {
	var buf [maxKey]rune
	word, _, ok := wordAt(p, j, buf[:])
	return ok && lexicon[word]&(stopWord|prepositionWord|helperVerb) != 0
}

// wordAt reads the word starting at p[j], lowercased, in buf: it returns the word and where it
// ends, and false when it is longer than buf, and so no word of the lexicon.
func wordAt(p []rune, j int, buf []rune) (word string, end int, ok bool) {
	n := 0
	for ; j < len(p) && isWord(p[j]); j++ {
		if n == len(buf) {
			return "", j, false
		}
		buf[n] = unicode.ToLower(p[j])
		n++
	}
	return string(buf[:n]), j, true
}
