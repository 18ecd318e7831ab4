package publish

import (
	"crypto/sha256"
	"encoding/hex"
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
	'ß': "ss", 'ẞ': "ss", 'æ': "ae", 'Æ': "ae", 'œ': "oe", 'Œ': "oe", 'ø': "o", 'Ø': "o",
	'ł': "l", 'Ł': "l", 'đ': "d", 'Đ': "d", 'ð': "d", 'Ð': "d", 'þ': "th", 'Þ': "th", 'ı': "i",
}

// isApostrophe reports the characters Slug drops rather than treats as a break, so that
// "Mexico’s" becomes "mexicos", not "mexico-s".
func isApostrophe(r rune) bool {
	return r == '\'' || r == '’' || r == 'ʼ' || r == '‘'
}

// Slug derives a URL path segment from a title, a topic or a byline: lowercase words joined by
// "-", at most 80 characters cut at a word boundary. Latin letters fold to ASCII ("é" to "e",
// "ß" to "ss"), apostrophes drop out, a "+" or "#" ending a word is spelled out ("C++" is
// "c-plus-plus", "C#" "c-sharp"); the letters and digits of other scripts stay as they are,
// lowercased, so that an Arabic or Greek title gets a slug of its own words (URLs escapes them).
// Text without a letter or digit ("🔥", "..") is spelled by its characters (see symbolSlug), so
// that two such topics do not share one topic page. Making an article's slug unique is the
// store's job.
func Slug(title string) string {
	if s := slugWords(title); s != "" {
		return s
	}
	return symbolSlug(title)
}

// symbolSlug is the slug of text that has no letter or digit: "_" and the hexadecimal code
// points of its characters other than spaces, joined by "-" ("🔥" is "_1f525", ".." is
// "_2e-2e"), or "_" and a hash of them when that would pass maxSlugLen. No slug of words
// starts with "_", so it names no page that words do, and only the same characters give the
// same one.
func symbolSlug(text string) string {
	var points []string
	for _, r := range norm.NFC.String(text) {
		if !unicode.IsSpace(r) {
			points = append(points, strconv.FormatInt(int64(r), 16))
		}
	}
	s := "_" + strings.Join(points, "-")
	if len(s) > maxSlugLen {
		sum := sha256.Sum256([]byte(s))
		return "_" + hex.EncodeToString(sum[:10])
	}
	return s
}

// ArticleSlug is Slug for a piece: when its title leaves nothing to make a slug from, the piece's
// id stands in, which reads better in a URL than its characters' code points.
func ArticleSlug(title string, id int64) string {
	if s := slugWords(title); s != "" {
		return s
	}
	return strconv.FormatInt(id, 10)
}

// LowerSlug folds and lowercases the letters of a slug with capitals as Slug does those of its
// words, so that one typed or linked with capitals ("My-Slug", "FUẞBALL", "İstanbul") names the
// one Slug made ("my-slug", "fussball", "istanbul"): lowercasing alone turns ẞ into ß and İ into
// "i" and a combining dot, which Slug never makes. A slug without capitals is its own: one Slug
// made, or one an article keeps from an older Slug ("straße-gesperrt", made before ẞ folded).
func LowerSlug(s string) string {
	lower := cases.Lower(language.Und)
	if lower.String(s) == s {
		return s
	}
	var b strings.Builder
	for _, r := range norm.NFC.String(s) {
		if !foldLetter(&b, r) {
			b.WriteRune(r)
		}
	}
	return lower.String(b.String())
}

// foldLetter writes r spelled in ASCII, lowercased, when it is a Latin letter Slug folds (see
// letterFolds and foldsToASCII), and reports whether it did.
func foldLetter(w *strings.Builder, r rune) bool {
	switch {
	case letterFolds[r] != "":
		w.WriteString(letterFolds[r])
	case foldsToASCII(r):
		writeFolded(w, r)
	default:
		return false
	}
	return true
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
	rs := []rune(norm.NFC.String(title))
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if n := suffixMarks(rs, i, word.Len() > 0); n > 0 {
			flush()
			for range n {
				words = append(words, suffixWords[r])
			}
			i += n - 1
			continue
		}
		switch {
		case isApostrophe(r):
		case foldLetter(&word, r):
		case unicode.IsLetter(r), unicode.IsDigit(r), unicode.IsMark(r) && word.Len() > 0:
			word.WriteRune(r)
		default:
			flush()
		}
	}
	flush()
	return joinWords(words)
}

// suffixWords spell the marks that end a name and tell it from the name without them: C++ and
// C# are not C, nor is Disney+ Disney, so their topic pages must not be one.
var suffixWords = map[rune]string{'+': "plus", '#': "sharp"}

// suffixMarks returns how many of suffixWords' marks, one mark repeated, start at rs[i] and end
// the word before them (afterWord says there is one): "++" in "C++ Tips", but none in "#MeToo",
// "1+1" or "+44", where the marks join or begin words and are left out as punctuation.
func suffixMarks(rs []rune, i int, afterWord bool) int {
	if !afterWord || suffixWords[rs[i]] == "" {
		return 0
	}
	j := i + 1
	for j < len(rs) && rs[j] == rs[i] {
		j++
	}
	if j < len(rs) && (unicode.IsLetter(rs[j]) || unicode.IsDigit(rs[j])) {
		return 0
	}
	return j - i
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
