package server_test

import (
	"fmt"
	"html"
	"io"
	"log/slog"
	"net/http"
	neturl "net/url"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/copydesk/copydesk/internal/conformance"
	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/publish"
	"github.com/copydesk/copydesk/internal/server"
)

// housePiece writes a piece in the house format, as an import takes it.
func housePiece(title, byline, brief string, body, topics []string, comment string) string {
	lines := append([]string{title, "", byline, "May 7, 2025", "Brief", brief}, body...)
	lines = append(append(lines, "Topics"), topics...)
	lines = append(lines, "Editor's Comments", comment)
	return strings.Join(append(lines, publish.DefaultFooter...), "\n")
}

// TestConformance publishes a varied set of pieces (the seed; one with topics and two
// corrections; one with no topics and no editor's comment; one full of characters that need
// escaping; one in Arabic; a fact-check; and the corrected one has a lead image), gathers every public output by following links from
// their renditions, and holds each to its standard with checkers nobody here wrote: pages to the
// Nu Html Checker and schema.org's vocabulary, feeds to RFC 4287's RELAX NG schema, ninjs to
// IPTC's schema. Text and Markdown have no such checker: they are held to answering 200 in UTF-8.
func TestConformance(t *testing.T) {
	a := newTestApp(t)
	// A public site has a base URL: ninjs and the feed need absolute ones.
	site := newsroom.SiteSettings{Name: "Copydesk", BaseURL: "https://news.example.org", Language: "en"}
	a.server = server.New(a.store, server.Config{Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Site: site})
	seed, err := os.ReadFile("testdata/seed.txt")
	if err != nil {
		t.Fatal(err)
	}
	hostile := `<script>alert("x")</script> & 'quotes' </p>`
	pieces := map[string]string{
		"seed": string(seed),
		"corrected": housePiece("Council Backs Sidewalk Café Plan", "Ana Pérez", "The council approved tables on sidewalks.",
			[]string{"The council voted 7–2 on Tuesday.", "Owners must keep 1.5 m clear."}, []string{"City Council", "Small Business"}, "A vote to sit down for."),
		"bare": housePiece("A Quiet Day at the Harbour", "Tom Reed", "Nothing much happened at the harbour.",
			[]string{"The boats came in and went out again."}, nil, ""),
		"hostile": housePiece(`Tags <b>&amp; "Quotes" 'Everywhere' `+hostile, `Ann <O'Neil> & "Co"`, "Brief with "+hostile,
			[]string{"Body with " + hostile, `A second <i>paragraph</i> & an ampersand; 5 > 3 < 4`}, []string{`<Topic> & "One"`, "Topic's two"}, "Comment "+hostile),
		"arabic": housePiece("المجلس يوافق على خطة المقاهي", "سارة أحمد", "وافق مجلس المدينة على خطة جديدة للمقاهي.",
			[]string{"صوّت المجلس بأغلبية سبعة أصوات مقابل صوتين.", "قال العمدة: «إنها خطوة صغيرة»."}, []string{"المدينة"}, "خطوة جيدة."),
		"factcheck": housePiece("Did Crime Double Last Year?", "Maya Lin", "We checked the mayor's claim against police figures.",
			[]string{"Police figures show a rise of 12 per cent, not 100."}, []string{"Crime"}, "The figures are public."),
	}
	slugs := map[string]string{}
	for name, text := range pieces {
		var illustrate []func(newsroom.Draft)
		if name == "corrected" {
			illustrate = append(illustrate, func(d newsroom.Draft) {
				form := uploadForm(t, neturl.Values{"alt": {`Tables & "chairs" <outside> a café`}, "caption": {"The café's tables."}, "credit": {"Ana Pérez"}}, "tables.jpg", testJPEG(t, 1200, 800))
				wantStatus(t, a.send("writer", "POST", fmt.Sprintf("/api/v1/drafts/%d/image", d.ID), imageFormType, form, nil), http.StatusCreated)
			})
		}
		d := importAndApprove(t, a, text, illustrate...)
		if name == "factcheck" {
			claim := `{"claim":"Crime <doubled> & \"more\" last year.","claimed_by":"The Mayor's Office","claimant_kind":"organization","rating":"mostly_false","claim_date":"2026-11-30","claim_url":"https://example.org/speech?a=1&b=2"}`
			wantStatus(t, a.do("editor", "PUT", fmt.Sprintf("/api/v1/drafts/%d/claim", d.ID), claim), http.StatusOK)
		}
		res := a.do("editor", "POST", fmt.Sprintf("/api/v1/drafts/%d/publish", d.ID), "")
		wantStatus(t, res, http.StatusOK)
		slugs[name] = decode[pubResponse](t, res).Slug
	}
	for _, note := range []string{"The vote was 7–2, not 6–3.", `An earlier version said "all" owners & <some> cafés.`} {
		wantStatus(t, a.do("editor", "POST", "/api/v1/articles/"+slugs["corrected"]+"/corrections", fmt.Sprintf(`{"note":%q}`, note)), http.StatusCreated)
	}

	// Every rendition of every piece, and everything public they link to within the site, so
	// that the pages and feeds other parts add (topics, authors, archives) are checked too.
	start := []string{"/", publish.FeedPath, "/robots.txt", "/sitemap.xml", "/sitemap-news.xml"}
	for _, slug := range slugs {
		for _, ext := range []string{"", ".txt", ".md", ".json"} {
			start = append(start, "/articles/"+slug+ext)
		}
		start = append(start, "/briefs/"+slug+".txt")
	}
	out := crawl(t, a, site.BaseURL, start)
	article := func(slug string) conformance.Doc {
		for _, p := range out["text/html"] {
			if p.Name == "/articles/"+slug {
				return p
			}
		}
		t.Fatalf("the crawl did not reach /articles/%s", slug)
		return conformance.Doc{}
	}
	for kind, docs := range out {
		t.Logf("%d public outputs of type %s", len(docs), kind)
	}
	pages := out["text/html"]
	// ninjs goes by its path: its content type is changing (see issue 17, item 6).
	var ninjs []conformance.Doc
	for _, docs := range out {
		for _, d := range docs {
			if strings.HasPrefix(d.Name, "/articles/") && strings.HasSuffix(d.Name, ".json") {
				ninjs = append(ninjs, d)
			}
		}
	}
	if len(ninjs) != len(slugs) || len(out["application/atom+xml"]) == 0 || len(out["text/markdown"]) != len(slugs) {
		t.Fatalf("the crawl found %d ninjs, %d feeds and %d Markdown files for %d pieces", len(ninjs), len(out["application/atom+xml"]), len(out["text/markdown"]), len(slugs))
	}

	t.Run("HTML", func(t *testing.T) { conformance.Pass(t, "Nu Html Checker", conformance.HTML(t, pages...)) })
	t.Run("JSONLD", func(t *testing.T) {
		conformance.Pass(t, "schema.org", conformance.JSONLD(t, pages...))
		for name, slug := range slugs {
			want := "NewsArticle"
			if name == "factcheck" {
				want = "NewsArticle ClaimReview"
			}
			if got := strings.Join(conformance.LDTypes(article(slug).Body), " "); got != want {
				t.Errorf("/articles/%s carries JSON-LD %q, want %q", slug, got, want)
			}
		}
	})
	t.Run("Atom", func(t *testing.T) {
		conformance.Pass(t, "RFC 4287 RELAX NG", conformance.Atom(t, out["application/atom+xml"]...))
	})
	t.Run("NinJS", func(t *testing.T) { conformance.Pass(t, "ninjs 2.1", conformance.NinJS(t, ninjs...)) })
	t.Run("Sitemaps", func(t *testing.T) { sitemapsValid(t, out["application/xml"]) })
}

// sitemapsValid holds the sitemap and the news sitemap among docs, a crawl's application/xml,
// to their schemas, and fails when either is missing.
func sitemapsValid(t *testing.T, docs []conformance.Doc) {
	t.Helper()
	schemas := map[string]string{"/sitemap.xml": conformance.SitemapXSD, "/sitemap-news.xml": conformance.NewsSitemapXSD}
	for _, d := range docs {
		if schema, ok := schemas[d.Name]; ok {
			conformance.ValidXSD(t, schema, d.Body)
			delete(schemas, d.Name)
		}
	}
	if len(schemas) > 0 {
		t.Errorf("the crawl found no %v as application/xml", schemas)
	}
}

// siteLink finds the links of a page, feed or ninjs document: href and src attributes, and
// ninjs's href and uri fields.
var siteLink = regexp.MustCompile(`(?:\b(?:href|src)="([^"]*)"|"(?:href|uri)":\s*"([^"]*)")`)

// crawl fetches the public paths from, and every path within the site they link to (static
// files aside), each once, and files the answers by content type (without parameters). Each
// must answer 200 in UTF-8.
func crawl(t *testing.T, a *testApp, base string, from []string) map[string][]conformance.Doc {
	t.Helper()
	out := map[string][]conformance.Doc{}
	seen := map[string]bool{}
	queue := slices.Clone(from)
	for len(queue) > 0 && len(seen) < 500 {
		path := queue[0]
		queue = queue[1:]
		if seen[path] {
			continue
		}
		seen[path] = true
		res := a.do("", "GET", path, "")
		if res.Code != http.StatusOK {
			t.Errorf("%s: %d, want 200", path, res.Code)
			continue
		}
		kind, _, _ := strings.Cut(res.Header().Get("Content-Type"), ";")
		if !strings.HasPrefix(kind, "image/") && !utf8.Valid(res.Body.Bytes()) {
			t.Errorf("%s is not UTF-8", path)
		}
		out[kind] = append(out[kind], conformance.Doc{Name: path, Body: res.Body.Bytes()})
		for _, m := range siteLink.FindAllStringSubmatch(res.Body.String(), -1) {
			link := html.UnescapeString(m[1] + m[2])
			link, _, _ = strings.Cut(strings.TrimPrefix(link, base), "#")
			// A path is fetched once however it is escaped: the pages escape non-Latin slugs.
			if plain, err := neturl.PathUnescape(link); err == nil {
				link = plain
			}
			if strings.HasPrefix(link, "/") && !strings.HasPrefix(link, "//") && !strings.HasPrefix(link, "/static/") {
				queue = append(queue, link)
			}
		}
	}
	return out
}
