package server_test

import (
	"io"
	"log/slog"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/conformance"
	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/server"
)

// TestSitemaps serves the sitemaps, each valid against its published XML Schema: one sitemap
// of every piece while they fit in one, an index of sitemaps of that many pieces each once
// they do not, and the Google News sitemap of the last two days.
func TestSitemaps(t *testing.T) {
	a := newTestApp(t)
	seedPublished(t, a, 10)
	get := func(t *testing.T, srv *server.Server, path string, status int) string {
		t.Helper()
		res := httptest.NewRecorder()
		srv.Handler().ServeHTTP(res, httptest.NewRequest("GET", path, nil))
		wantStatus(t, res, status)
		return res.Body.String()
	}
	// Sitemaps hold absolute URLs, which need the site's base URL.
	split := func(limit int) *server.Server {
		return server.New(a.store, server.Config{Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), SitemapURLs: limit,
			Site: newsroom.SiteSettings{BaseURL: "https://news.example"}})
	}
	srv := split(0)
	t.Run("One", func(t *testing.T) {
		body := get(t, srv, "/sitemap.xml", 200)
		conformance.ValidXSD(t, conformance.SitemapXSD, []byte(body))
		if strings.Count(body, "<url>") != 10 || !strings.Contains(body, "<loc>https://news.example/articles/piece-10</loc>") || !strings.Contains(body, "<lastmod>") {
			t.Fatalf("sitemap:\n%s", body)
		}
		get(t, srv, "/sitemaps/2.xml", 404)
	})
	t.Run("Index", func(t *testing.T) {
		srv := split(4)
		index := get(t, srv, "/sitemap.xml", 200)
		conformance.ValidXSD(t, conformance.SitemapIndexXSD, []byte(index))
		if strings.Count(index, "<sitemap>") != 3 || !strings.Contains(index, "<loc>https://news.example/sitemaps/3.xml</loc>") {
			t.Fatalf("index:\n%s", index)
		}
		urls := 0
		for _, part := range []string{"/sitemaps/1.xml", "/sitemaps/2.xml", "/sitemaps/3.xml"} {
			body := get(t, srv, part, 200)
			conformance.ValidXSD(t, conformance.SitemapXSD, []byte(body))
			urls += strings.Count(body, "<url>")
		}
		if urls != 10 {
			t.Fatalf("the parts list %d pieces, want 10", urls)
		}
		for _, bad := range []string{"/sitemaps/4.xml", "/sitemaps/0.xml", "/sitemaps/1.txt", "/sitemaps/x.xml"} {
			get(t, srv, bad, 404)
		}
	})
	t.Run("News", func(t *testing.T) {
		body := get(t, srv, "/sitemap-news.xml", 200)
		conformance.ValidXSD(t, conformance.NewsSitemapXSD, []byte(body))
		for _, w := range []string{"<news:name>Copydesk</news:name>", "<news:language>en</news:language>", "<news:title>Piece 10</news:title>", "<news:publication_date>"} {
			if !strings.Contains(body, w) {
				t.Fatalf("news sitemap lacks %q:\n%s", w, body)
			}
		}
		a.clock.Add(48 * time.Hour)
		get(t, srv, "/sitemap-news.xml", 404)
	})
	t.Run("Empty", func(t *testing.T) {
		empty := newTestApp(t)
		for _, path := range []string{"/sitemap.xml", "/sitemap-news.xml"} {
			wantStatus(t, empty.do("", "GET", path, ""), 404)
		}
	})
	t.Run("Robots", func(t *testing.T) {
		body := get(t, srv, "/robots.txt", 200)
		for _, w := range []string{"User-agent: *\n", "Disallow: /drafts/\n", "Sitemap: https://news.example/sitemap.xml\n", "Sitemap: https://news.example/sitemap-news.xml\n"} {
			if !strings.Contains(body, w) {
				t.Fatalf("robots.txt lacks %q:\n%s", w, body)
			}
		}
	})
}

// TestSitemapPartsKeepTheirPieces splits ten pieces into sitemaps of four and publishes more
// while a crawler reads them one at a time, as a search engine reads an index's sitemaps over
// hours: every piece stays in the sitemap it was first listed in, so a crawler that read one
// sitemap before a publish and the next after it misses none and reads none twice, and a new
// piece changes only the sitemap it joins.
func TestSitemapPartsKeepTheirPieces(t *testing.T) {
	a := newTestApp(t)
	seedPublished(t, a, 10)
	srv := server.New(a.store, server.Config{Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), SitemapURLs: 4})
	read := func(path string) string {
		t.Helper()
		res := httptest.NewRecorder()
		srv.Handler().ServeHTTP(res, httptest.NewRequest("GET", path, nil))
		wantStatus(t, res, 200)
		return res.Body.String()
	}
	locs := regexp.MustCompile(`<loc>[^<]*/articles/([^<]+)</loc>`)
	partOf := map[string]string{}
	for _, part := range []string{"/sitemaps/1.xml", "/sitemaps/2.xml", "/sitemaps/3.xml"} {
		for _, m := range locs.FindAllStringSubmatch(read(part), -1) {
			partOf[m[1]] = part
		}
	}
	before := map[string]string{}
	for _, part := range []string{"/sitemaps/1.xml", "/sitemaps/2.xml", "/sitemaps/3.xml"} {
		before[part] = read(part)
		d, err := a.store.CreateDraft(ctxAs(a, "writer"), newsroom.Text{Title: "Published while crawled " + part, Byline: "Writer", Brief: "Brief.", Body: "Body."})
		if err != nil {
			t.Fatal(err)
		}
		a.walkToPublished(d.ID)
	}
	for slug, part := range partOf {
		if !strings.Contains(before[part], "/articles/"+slug+"<") {
			t.Errorf("%s was listed in %s, but a crawler reading the sitemaps while pieces were published did not find it there", slug, part)
		}
	}
	if got := read("/sitemaps/1.xml"); got != before["/sitemaps/1.xml"] {
		t.Errorf("publishing changed the sitemap of the oldest pieces:\n%s\nwas\n%s", got, before["/sitemaps/1.xml"])
	}
	index := read("/sitemap.xml")
	listed := 0
	for _, m := range regexp.MustCompile(`<loc>[^<]*(/sitemaps/\d+\.xml)</loc>`).FindAllStringSubmatch(index, -1) {
		listed += len(locs.FindAllString(read(m[1]), -1))
	}
	if listed != 13 {
		t.Errorf("the index's sitemaps list %d pieces, want 13:\n%s", listed, index)
	}
}
