package newsroom

import (
	"strings"

	"golang.org/x/text/language"
)

// CanonicalLanguage checks a piece's language, a BCP 47 tag, and returns it in its canonical
// form ("EN-gb" becomes "en-GB", "iw" becomes "he"), so that one language is stored one way.
// Empty stays empty: the piece is in the site's language.
func CanonicalLanguage(tag string) (string, error) {
	tag = strings.TrimSpace(tag)
	if tag == "" {
		return "", nil
	}
	t, err := language.Parse(tag)
	if err != nil || t == language.Und {
		return "", Errorf(EINVALID, "language %q is not a BCP 47 language tag such as \"en\", \"ar\" or \"pt-BR\"", tag).With("field", "language")
	}
	return t.String(), nil
}
