package server_test

import (
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/conformance"
	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/publish"
	"github.com/copydesk/copydesk/internal/server"
)

// awkwardPiece is a piece whose fields push at the edges of what the public formats carry.
type awkwardPiece struct {
	name, title, byline, brief string
	body, topics               []string
	comment                    string
	language                   string // set by the editor before approval, "" for the site's
}

// awkwardPieces are pieces nobody would write but someone will: an emoji title, a title at
// the length limit, several authors, one very long paragraph, lines that look like markup, no
// topics, forty topics, topics with slashes and dots or no letter at all, Hebrew with English
// quotes, Devanagari and Thai without spaces, a brief at its limit, quotes three deep, two
// pieces of one title, a title of punctuation and one of invisible characters.
func awkwardPieces() []awkwardPiece {
	long := strings.Repeat("The council met again and argued again about the road. ", 800)
	brief := strings.Repeat("Ferries run late. ", 300)[:newsroom.MaxBrief]
	var forty []string
	for i := range 40 {
		forty = append(forty, fmt.Sprintf("Topic number %d", i))
	}
	one := func(name, title, byline, text string, topics ...string) awkwardPiece {
		return awkwardPiece{name: name, title: title, byline: byline, brief: text, body: []string{text}, topics: topics}
	}
	return []awkwardPiece{
		{name: "Emoji", title: "🔥🌊🚒", byline: "Sam Fire", brief: "Crews fought the fire all night.", body: []string{"Crews fought the fire all night.", "🔥 🔥 🔥"}, topics: []string{"🔥", "Fire"}, comment: "🚒"},
		one("TitleAtLimit", strings.Repeat("Long title words ", 18)[:newsroom.MaxTitle-1]+"x", "Lee Min", "A title that goes on and on.", "Style"),
		one("SeveralAuthors", "Three Write One Piece", "Ana Pérez, Tom Reed and Lee Min", "Three reporters wrote this piece together.", "Newsroom"),
		{name: "LongParagraph", title: "The Longest Paragraph", byline: "Otto Weiß", brief: "The council met again and argued again about the road.", body: []string{strings.TrimSpace(long)}, topics: []string{"Roads"}},
		{name: "Markup", title: "Markup ]]> & -- <!-- in the title -->", byline: "Ann <b>Bold</b>", brief: "Lines that look like markup <script>alert(1)</script> & ]]>.",
			body: []string{"<script>alert(1)</script>", "&amp; &lt; &#x27; &nbsp;", "]]> <![CDATA[ x ]]>", "-- a dash -- and --> and <!--", "# A markdown heading", "* a list item",
				"1. numbered", "> a blockquote", "https://example.org/a?b=1&c=2#frag", "mail someone@example.org", "{{.Title}}", "`code` **bold** [link](javascript:alert(1))",
				"Lines that look like markup <script>alert(1)</script> & ]]>."},
			topics: []string{"<b>Bold</b>", "]]>", "a--b"}, comment: "<!-- hidden? --> ]]> &amp;"},
		one("NoTopics", "Nothing Tagged Here", "Tom Reed", "This piece carries no topics at all."),
		one("FortyTopics", "Tagged Forty Times", "Tom Reed", "This piece carries forty topics.", forty...),
		one("SlashesAndDots", "Slashes and Dots", "Tom Reed", "Topics with slashes and dots in them.", "AI/ML", "U.S.", "..", ".", "a/../b", "%2F", "?x=1", "#hash", "C++", "Node.js"),
		{name: "Hebrew", title: `הממשלה אישרה את "Open Skies" היום`, byline: "דנה כהן", brief: `הממשלה אישרה את ההסכם "Open Skies" היום.`,
			body: []string{`הממשלה אישרה את ההסכם "Open Skies" היום.`, `השר אמר: "This is a good day" ליד הכנסת.`}, topics: []string{"תעופה", "Aviation"}, language: "he"},
		{name: "Devanagari", title: "दिल्लीमेंबारिशनेरिकॉर्डतोड़ा", byline: "राहुल शर्मा", brief: "दिल्लीमेंबारिशनेरिकॉर्डतोड़ा।", body: []string{"दिल्लीमेंबारिशनेरिकॉर्डतोड़ा।"}, topics: []string{"मौसम"}, language: "hi"},
		{name: "Thai", title: "ฝนตกหนักในกรุงเทพวันนี้", byline: "สมชาย ใจดี", brief: "ฝนตกหนักในกรุงเทพวันนี้", body: []string{"ฝนตกหนักในกรุงเทพวันนี้"}, topics: []string{"สภาพอากาศ"}, language: "th"},
		one("BriefAtLimit", "Ferries Run Late", "Lee Min", brief, "Ferries"),
		{name: "QuotesThreeDeep", title: "He Said She Said", byline: "Lee Min", brief: "The mayor repeated what the clerk said the judge said.",
			body: []string{`The mayor said: "The clerk told me, 'The judge said "no" twice,' and left."`, "The mayor repeated what the clerk said the judge said."}, topics: []string{"Courts"}},
		one("SameTitle", "Storm Hits Coast", "Ana Pérez", "A storm hit the coast on Monday.", "Weather"),
		one("SameTitleAgain", "Storm Hits Coast", "Tom Reed", "A second storm hit the coast on Monday.", "Weather"),
		one("Punctuation", "?!… — ‽", "Tom Reed", "A title with no letters at all.", "—"),
		one("Invisible", "Zero\u200bWidth\u200d Title\u00a0Here \u2067evil\u2069\u200f", "Zoë Ray", "Invisible characters hide in this title.", "Zero\u200bWidth"),
		{name: "Corrected", title: "Bridge Opens Early", byline: "Ana Pérez", brief: "The bridge opened two weeks early.", body: []string{"The bridge opened two weeks early.", "It cost 4 million."}, topics: []string{"Roads"}, comment: "A bridge too soon."},
	}
}

// TestConformanceAwkward publishes the awkward pieces through the workflow, corrects one twice,
// gathers every public output by following links from their renditions, and holds each to the
// checkers TestConformance uses; each piece's house text must read back as what was published.
func TestConformanceAwkward(t *testing.T) {
	a := newTestApp(t)
	site := newsroom.SiteSettings{Name: "Copydesk", BaseURL: "https://news.example.org", Language: "en"}
	a.server = server.New(a.store, server.Config{Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Site: site})
	pieces := awkwardPieces()
	slugs := map[string]string{}
	for _, p := range pieces {
		d := importAndApprove(t, a, housePiece(p.title, p.byline, p.brief, p.body, p.topics, p.comment), func(d newsroom.Draft) {
			if p.language != "" {
				wantStatus(t, a.do("writer", "PUT", fmt.Sprintf("/api/v1/drafts/%d", d.ID), fmt.Sprintf(`{"language":%q,"version":%d}`, p.language, d.Version)), http.StatusOK)
			}
		})
		res := a.do("editor", "POST", fmt.Sprintf("/api/v1/drafts/%d/publish", d.ID), "")
		wantStatus(t, res, http.StatusOK)
		slugs[p.name] = decode[pubResponse](t, res).Slug
	}
	corrected := []string{"The bridge opened two weeks early.", "It cost 4 million."}
	for _, c := range []struct{ body, note string }{
		{"It cost 4.2 million.", "It cost 4.2 million, not 4 million."},
		{"It cost 4.2 million, and the state paid half.", "An earlier version left out the state's share."},
	} {
		corrected[1] = c.body
		body := strings.Join(corrected, "\n")
		wantStatus(t, a.do("editor", "POST", "/api/v1/articles/"+slugs["Corrected"]+"/corrections", fmt.Sprintf(`{"note":%q,"body":%q}`, c.note, body)), http.StatusCreated)
	}

	start := []string{"/", publish.FeedPath, "/robots.txt", "/sitemap.xml", "/sitemap-news.xml"}
	for _, slug := range slugs {
		for _, ext := range []string{"", ".txt", ".md", ".json"} {
			start = append(start, "/articles/"+slug+ext)
		}
		start = append(start, "/briefs/"+slug+".txt")
	}
	out := crawl(t, a, site.BaseURL, start)
	for kind, docs := range out {
		t.Logf("%d public outputs of type %s", len(docs), kind)
	}

	t.Run("HouseText", func(t *testing.T) {
		for _, p := range pieces {
			res := a.do("", "GET", "/articles/"+slugs[p.name]+".txt", "")
			doc, err := publish.Parse(res.Body.Bytes(), publish.DefaultFooter)
			if err != nil {
				t.Errorf("%s: the house text does not read back: %v", p.name, err)
				continue
			}
			body := p.body
			if p.name == "Corrected" {
				body = corrected
			}
			topics := p.topics
			if topics == nil {
				topics = []string{}
			}
			got := []string{doc.Title, doc.Byline, doc.Brief, strings.Join(doc.Body, "\n"), strings.Join(doc.Topics, "\n"), doc.EditorComment}
			want := []string{p.title, p.byline, p.brief, strings.Join(body, "\n"), strings.Join(topics, "\n"), p.comment}
			if !slices.Equal(got, want) {
				t.Errorf("%s: the house text reads back as\n%q\nwant\n%q", p.name, got, want)
			}
		}
	})
	t.Run("HTML", func(t *testing.T) { conformance.Pass(t, "Nu Html Checker", conformance.HTML(t, out["text/html"]...)) })
	t.Run("JSONLD", func(t *testing.T) { conformance.Pass(t, "schema.org", conformance.JSONLD(t, out["text/html"]...)) })
	t.Run("Atom", func(t *testing.T) {
		conformance.Pass(t, "RFC 4287 RELAX NG", conformance.Atom(t, out["application/atom+xml"]...))
	})
	t.Run("NinJS", func(t *testing.T) {
		var ninjs []conformance.Doc
		for _, d := range out["application/json"] {
			if strings.HasPrefix(d.Name, "/articles/") {
				ninjs = append(ninjs, d)
			}
		}
		if len(ninjs) != len(slugs) {
			t.Fatalf("the crawl found %d ninjs documents for %d pieces", len(ninjs), len(slugs))
		}
		conformance.Pass(t, "ninjs 2.1", conformance.NinJS(t, ninjs...))
	})
	t.Run("Sitemaps", func(t *testing.T) { sitemapsValid(t, out["application/xml"]) })
}
