package server_test

import (
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
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
// escaping; one in Arabic; a fact-check) and holds every public output to its standard, with
// checkers nobody here wrote: the pages to the Nu Html Checker and schema.org's vocabulary, the
// feed to RFC 4287's RELAX NG schema, ninjs to IPTC's schema. The text and Markdown renditions
// have no such checker: they are held to their content types and to UTF-8.
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
		d := importAndApprove(t, a, text)
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

	get := func(path, contentType string) conformance.Doc {
		t.Helper()
		res := a.do("", "GET", path, "")
		wantStatus(t, res, http.StatusOK)
		if ct := res.Header().Get("Content-Type"); !strings.HasPrefix(ct, contentType) {
			t.Errorf("%s: Content-Type = %q, want %s", path, ct, contentType)
		}
		if !utf8.Valid(res.Body.Bytes()) {
			t.Errorf("%s is not UTF-8", path)
		}
		return conformance.Doc{Name: path, Body: res.Body.Bytes()}
	}
	pages := []conformance.Doc{get("/", "text/html")}
	var feeds, ninjs []conformance.Doc
	feeds = append(feeds, get(publish.FeedPath, "application/atom+xml"))
	for _, slug := range slugs {
		pages = append(pages, get("/articles/"+slug, "text/html"))
		ninjs = append(ninjs, get("/articles/"+slug+".json", "application/"))
		get("/articles/"+slug+".txt", "text/plain")
		get("/articles/"+slug+".md", "text/markdown")
		get("/briefs/"+slug+".txt", "text/plain")
	}

	t.Run("HTML", func(t *testing.T) { conformance.Pass(t, "Nu Html Checker", conformance.HTML(t, pages...)) })
	t.Run("JSONLD", func(t *testing.T) {
		conformance.Pass(t, "schema.org", conformance.JSONLD(t, pages...))
		for _, p := range pages[1:] {
			want := "NewsArticle"
			if p.Name == "/articles/"+slugs["factcheck"] {
				want = "NewsArticle ClaimReview"
			}
			if got := strings.Join(conformance.LDTypes(p.Body), " "); got != want {
				t.Errorf("%s carries JSON-LD %q, want %q", p.Name, got, want)
			}
		}
	})
	t.Run("Atom", func(t *testing.T) { conformance.Pass(t, "RFC 4287 RELAX NG", conformance.Atom(t, feeds...)) })
	t.Run("NinJS", func(t *testing.T) { conformance.Pass(t, "ninjs 2.1", conformance.NinJS(t, ninjs...)) })
}
