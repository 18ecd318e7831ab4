package publish

import (
	"encoding/xml"
	"io"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// forbiddenXML holds characters XML 1.0 forbids that a stored text may still carry: a C0
// control, a noncharacter at the end of the Basic Multilingual Plane, and a byte that is not
// UTF-8.
const forbiddenXML = "\x01\x08\x0b\x1f\uFFFE\uFFFF\xff"

// tainted returns an article with forbiddenXML in every text field the XML outputs write.
func tainted() Article {
	a := illustratedArticle()
	a.Title += forbiddenXML
	a.Byline += forbiddenXML
	a.Brief += forbiddenXML
	a.Body = append(a.Body, "A paragraph"+forbiddenXML)
	a.Topics = append(a.Topics, "Topic"+forbiddenXML)
	a.Corrections[0].Note += forbiddenXML
	a.Image.Alt += forbiddenXML
	a.Image.Caption += forbiddenXML
	a.Image.Credit += forbiddenXML
	a.Claim = &ClaimReview{Claim: "A claim" + forbiddenXML, ClaimedBy: "Someone" + forbiddenXML, Rating: "False" + forbiddenXML}
	return a
}

// checkXML fails t unless doc is well-formed XML holding no character XML 1.0 forbids.
func checkXML(t *testing.T, doc []byte) {
	t.Helper()
	for i, r := range string(doc) {
		if r == utf8.RuneError && !strings.HasPrefix(string(doc[i:]), "\uFFFD") || xmlChar(r) != r {
			t.Fatalf("the document holds %U at byte %d:\n%q", r, i, doc)
		}
	}
	dec := xml.NewDecoder(strings.NewReader(string(doc)))
	for {
		_, err := dec.Token()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Fatalf("the document is not XML: %v\n%s", err, doc)
		}
	}
}

// TestXMLOutputsDropForbiddenCharacters: every feed and sitemap stays XML when a stored text,
// the site's name included, holds characters XML 1.0 forbids.
func TestXMLOutputsDropForbiddenCharacters(t *testing.T) {
	site := testSite
	site.Name += forbiddenXML
	a := tainted()
	updated := time.Date(2025, 5, 10, 0, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		name   string
		render func() ([]byte, error)
	}{
		{"Atom", func() ([]byte, error) { return Atom(site, []Article{a}, updated) }},
		{"TopicFeed", func() ([]byte, error) {
			return AtomFeed(site, Feed{Path: "/topics/x/feed.atom", Page: "/topics/x", Title: "Topic" + forbiddenXML}, []Article{a}, updated)
		}},
		{"Sitemap", func() ([]byte, error) { return Sitemap(site, []Article{a}) }},
		{"SitemapIndex", func() ([]byte, error) {
			return SitemapIndex(site, []SitemapRef{{Path: "/sitemap-1.xml" + forbiddenXML, LastMod: updated}})
		}},
		{"NewsSitemap", func() ([]byte, error) { return NewsSitemap(site, []Article{a}) }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			checkXML(t, must(tt.render()))
		})
	}
}

// FuzzAtomXML checks that the Atom feed is well-formed XML whatever text a piece holds. Run it
// with `go test ./internal/publish -run '^$' -fuzz FuzzAtomXML -fuzztime 60s`.
func FuzzAtomXML(f *testing.F) {
	f.Add("Title", "Brief.", "Body.", "Topic")
	f.Add("A\uFFFEB", "\x01", "]]>\uFFFF", "\x7f\x80")
	f.Add("<b>&amp;</b>", "\r\n", "<![CDATA[x]]>", "\xff")
	f.Fuzz(func(t *testing.T, title, brief, body, topic string) {
		a := correctedArticle()
		a.Title, a.Brief, a.Body, a.Topics = title, brief, []string{body}, []string{topic}
		out, err := Atom(testSite, []Article{a}, a.PublishedAt)
		if err != nil {
			t.Fatal(err)
		}
		checkXML(t, out)
	})
}
