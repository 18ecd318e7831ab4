package publish

import (
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/cases"
	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"
)

// maxSlugLen bounds a slug, in characters, so that URLs stay readable; a slug is cut at a word
// boundary below it.
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

// Slug derives a URL path segment from a title: lowercase words joined by "-", at most 80
// characters cut at a word boundary, and "article" when nothing is left (an emoji-only title).
// Latin letters fold to ASCII ("é" to "e", "ß" to "ss"), apostrophes drop out; the letters and
// digits of other scripts stay as they are, lowercased, so that an Arabic or Greek title gets a
// slug of its own words (URLs escapes them). Making it unique is the store's job.
func Slug(title string) string {
	if s := slugWords(title); s != "" {
		return s
	}
	return "article"
}

// ArticleSlug is Slug for a piece: when its title leaves nothing to make a slug from, the piece's
// id stands in, so that two such pieces do not read "article" and "article-2".
func ArticleSlug(title string, id int64) string {
	if s := slugWords(title); s != "" {
		return s
	}
	return strconv.FormatInt(id, 10)
}

// slugWords is Slug without the fallback: "" when the title has no letters or digits.
func slugWords(title string) string {
	var words []string
	var word strings.Builder
	// lower lowercases a whole word rather than rune by rune, so that a Greek word ends in "ς".
	lower := cases.Lower(language.Und)
	flush := func() {
		if word.Len() > 0 {
			words = append(words, lower.String(word.String()))
			word.Reset()
		}
	}
	for _, r := range norm.NFC.String(title) {
		switch {
		case isApostrophe(r):
		case letterFolds[r] != "":
			word.WriteString(letterFolds[r])
		case foldsToASCII(r):
			writeFolded(&word, r)
		case unicode.IsLetter(r), unicode.IsDigit(r), unicode.IsMark(r) && word.Len() > 0:
			word.WriteRune(r)
		default:
			flush()
		}
	}
	flush()
	return joinWords(words)
}

// foldsToASCII reports whether r's compatibility decomposition (NFKD), without its combining
// marks, is ASCII letters and digits: "é" is "e" and an accent, "ﬁ" is "fi", full-width "Ｆ" is
// "F". Other scripts' letters do not fold, nor do their marks, which Devanagari words need.
func foldsToASCII(r rune) bool {
	found := false
	for _, d := range norm.NFKD.String(string(r)) {
		switch {
		case unicode.Is(unicode.Mn, d):
		case d < unicode.MaxASCII && (unicode.IsLetter(d) || unicode.IsDigit(d)):
			found = true
		default:
			return false
		}
	}
	return found
}

// writeFolded writes the ASCII letters and digits of r's decomposition, lowercased.
func writeFolded(w *strings.Builder, r rune) {
	for _, d := range norm.NFKD.String(string(r)) {
		if !unicode.Is(unicode.Mn, d) {
			w.WriteRune(unicode.ToLower(d))
		}
	}
}

// joinWords joins words with "-" up to maxSlugLen characters; a first word longer than that is
// cut at a character boundary.
func joinWords(words []string) string {
	slug, n := "", 0
	for _, w := range words {
		wn := len([]rune(w))
		switch {
		case slug == "" && wn > maxSlugLen:
			return string([]rune(w)[:maxSlugLen])
		case slug == "":
			slug, n = w, wn
		case n+1+wn > maxSlugLen:
			return slug
		default:
			slug, n = slug+"-"+w, n+1+wn
		}
	}
	return slug
}
