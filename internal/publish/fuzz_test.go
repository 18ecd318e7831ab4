package publish

import (
	"os"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// FuzzParse checks that Parse never panics and that whatever it accepts survives a round trip:
// Text of the parsed document parses again to an equal document. Run it with
// `go test ./internal/publish -run '^$' -fuzz FuzzParse -fuzztime 60s`.
func FuzzParse(f *testing.F) {
	seed, err := os.ReadFile("testdata/seed.txt")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed)
	f.Add(Text(testSite, correctedArticle()))
	f.Add(Text(testSite, scriptArticle()))
	f.Add([]byte(shortDoc))
	f.Add([]byte("\uFEFF" + strings.ReplaceAll(shortDoc, "\n", "\r\n") + "\r\n"))
	f.Add([]byte(strings.Replace(shortDoc, "Comment.", "", 1) + "\n"))
	f.Add([]byte(shortDoc + "\nCorrections\nMay 8, 2025: A: b.\n" + footer))
	f.Add([]byte(strings.Replace(shortDoc, "Comment.", footer, 1)))
	// The cases an earlier design got wrong: a second byte order mark, and a "\r" before CRLF.
	f.Add([]byte("\uFEFF\uFEFF" + shortDoc))
	f.Add([]byte(strings.Replace(shortDoc, "Title\n", "Title\r\r\n", 1)))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := Parse(data, DefaultFooter)
		if err != nil {
			if _, ok := err.(*ParseError); !ok {
				t.Fatalf("Parse error %v is a %T, not a *ParseError", err, err)
			}
			return
		}
		text := Text(testSite, articleOf(d))
		again, err := Parse(text, DefaultFooter)
		if err != nil {
			t.Fatalf("Parse(Text(d)): %v\ntext:\n%s", err, text)
		}
		if !reflect.DeepEqual(again, d) {
			t.Fatalf("round trip changed the document:\n got %#v\nwant %#v", again, d)
		}
	})
}

// FuzzSlug checks what every slug promises whatever the title: at most maxSlugLen characters of
// letters, digits, marks and single hyphens between words, in NFC, and never empty; a title with
// no letter or digit has "_" before them.
func FuzzSlug(f *testing.F) {
	for _, s := range []string{"Mexico’s Sheinbaum", "مصر ترفض", "Η Ελλάδα ΟΔΥΣΣΕΑΣ", "中国经济", "हिन्दी समाचार", "🔥", "Ｆｕｌｌ ﬁ", "C++ C# Disney+ #1 1+1 ++ +#", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, title string) {
		s := Slug(title)
		if s == "" || utf8.RuneCountInString(s) > maxSlugLen || !norm.NFC.IsNormalString(s) {
			t.Fatalf("Slug(%q) = %q: empty, too long or not NFC", title, s)
		}
		words := strings.TrimPrefix(s, "_")
		if strings.HasPrefix(words, "-") || strings.HasSuffix(words, "-") || strings.Contains(words, "--") {
			t.Fatalf("Slug(%q) = %q has a stray hyphen", title, s)
		}
		for _, r := range words {
			if r != '-' && !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r) {
				t.Fatalf("Slug(%q) = %q holds %U", title, s, r)
			}
		}
	})
}
