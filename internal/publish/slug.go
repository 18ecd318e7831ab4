package publish

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// maxSlugLen bounds a slug so that URLs stay readable; a slug is cut at a word boundary below it.
const maxSlugLen = 80

// letterFolds spells in ASCII the Latin letters that Unicode decomposition leaves alone.
var letterFolds = map[rune]string{
	'ß': "ss", 'æ': "ae", 'Æ': "ae", 'œ': "oe", 'Œ': "oe", 'ø': "o", 'Ø': "o",
	'ł': "l", 'Ł': "l", 'đ': "d", 'Đ': "d", 'ð': "d", 'Ð': "d", 'þ': "th", 'Þ': "th", 'ı': "i",
}

// isApostrophe reports the characters Slug drops rather than treats as a break, so that
// "Mexico’s" becomes "mexicos", not "mexico-s".
func isApostrophe(r rune) bool {
	return r == '\'' || r == '’' || r == 'ʼ' || r == '‘'
}

// Slug derives a URL path segment from a title: lowercase ASCII words joined by "-", accents
// folded ("é" to "e"), apostrophes dropped, at most 80 characters cut at a word boundary, and
// "article" when nothing is left (an emoji-only title). Making it unique is the store's job.
func Slug(title string) string {
	var words []string
	var word strings.Builder
	flush := func() {
		if word.Len() > 0 {
			words = append(words, word.String())
			word.Reset()
		}
	}
	// Slug decomposes with NFKD, which splits "é" into "e" and a combining accent to skip, and
	// also maps compatibility forms such as "ﬁ" or full-width letters to plain ones.
	for _, r := range norm.NFKD.String(title) {
		switch {
		case unicode.Is(unicode.Mn, r), isApostrophe(r):
		case r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			word.WriteRune(unicode.ToLower(r))
		case letterFolds[r] != "":
			word.WriteString(letterFolds[r])
		default:
			flush()
		}
	}
	flush()
	slug := ""
	for _, w := range words {
		switch {
		case slug == "" && len(w) > maxSlugLen:
			return w[:maxSlugLen]
		case slug == "":
			slug = w
		case len(slug)+1+len(w) > maxSlugLen:
			return slug
		default:
			slug += "-" + w
		}
	}
	if slug == "" {
		return "article"
	}
	return slug
}
