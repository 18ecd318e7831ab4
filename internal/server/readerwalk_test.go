package server_test

import (
	"fmt"
	"html"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/server"
)

// canonical is an article page's canonical link.
var canonical = regexp.MustCompile(`<link rel="canonical" href="([^"]+)">`)

// TestReaderWalk walks the public site of a newsroom of 300 published pieces as a reader and a
// crawler do, by following links only from the front page: every published piece is reached,
// every link answers 200, every page to index has a description (Lighthouse's SEO audit asks
// for one), each names its own URL as canonical, and nothing scheduled or unpublished is
// reached or answers. A correction then reaches a reader who revalidates the
// article, the front page, its topic's page and the sitemap with the ETags they hold: each
// answers 200 with the corrected page, never a stale 304.
func TestReaderWalk(t *testing.T) {
	const n = 300
	a := newTestApp(t)
	const base = "https://news.example.org"
	a.server = server.New(a.store, server.Config{Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
		Site: newsroom.SiteSettings{Name: "Copydesk", BaseURL: base, Language: "en"}})
	seedPublished(t, a, n)
	piece := func(title, topic string) newsroom.Draft {
		return importAndApprove(t, a, housePiece(title, "Lee Min", "The brief of "+title+".", []string{"The brief of " + title + "."}, []string{topic}, ""))
	}
	corrected := piece("Bridge Opens Early", "Roads")
	res := a.do("editor", "POST", fmt.Sprintf("/api/v1/drafts/%d/publish", corrected.ID), "")
	wantStatus(t, res, 200)
	slug := decode[pubResponse](t, res).Slug
	later := piece("Embargoed Until Friday", "Embargo")
	at := a.clock.Now().Add(48 * time.Hour).UTC().Format(time.RFC3339)
	wantStatus(t, a.do("editor", "POST", fmt.Sprintf("/api/v1/drafts/%d/publish", later.ID), `{"at":"`+at+`"}`), 200)
	piece("Approved But Held", "Held")
	hidden := []string{"/articles/embargoed-until-friday", "/articles/approved-but-held", "/topics/embargo", "/topics/held"}

	reached := walk(t, a, base)
	t.Logf("the walk reached %d pages", len(reached))
	for i := 1; i <= n; i++ {
		if !reached[fmt.Sprintf("/articles/piece-%d", i)] {
			t.Fatalf("piece-%d was not reached (%d pages reached)", i, len(reached))
		}
	}
	if !reached["/articles/"+slug] {
		t.Fatalf("/articles/%s was not reached", slug)
	}
	for _, path := range hidden {
		if reached[path] {
			t.Errorf("the walk reached %s", path)
		}
		wantStatus(t, a.do("", "GET", path, ""), http.StatusNotFound)
	}

	pages := []string{"/articles/" + slug, "/articles/" + slug + ".txt", "/", "/topics/roads", "/authors/lee-min", "/feed.atom", "/sitemap.xml", "/api/v1/articles/" + slug}
	tags := map[string]string{}
	for _, p := range pages {
		res := a.do("", "GET", p, "")
		wantStatus(t, res, 200)
		tags[p] = res.Header().Get("ETag")
	}
	a.clock.Add(time.Hour)
	const note = "The bridge opened three weeks early, not two."
	wantStatus(t, a.do("editor", "POST", "/api/v1/articles/"+slug+"/corrections", fmt.Sprintf(`{"note":%q}`, note)), http.StatusCreated)
	for _, p := range pages {
		res := a.send("", "GET", p, "", "", http.Header{"If-None-Match": {tags[p]}})
		switch {
		case res.Code != http.StatusOK:
			t.Errorf("%s revalidated after the correction: %d, want 200", p, res.Code)
		case p == "/sitemap.xml":
			if !strings.Contains(res.Body.String(), a.clock.Now().UTC().Format("2006-01-02T15:04")) {
				t.Errorf("the sitemap does not date the correction: %.400s", res.Body.String())
			}
		case !strings.Contains(res.Body.String(), html.EscapeString(note)) && !strings.Contains(res.Body.String(), note):
			t.Errorf("%s after the correction lacks its note", p)
		}
	}
}

// walk follows every link within the site from the front page, as a reader or a crawler does,
// and returns the paths it reached. Every link must answer 200, and every page search engines
// may index must describe itself and name its own URL as canonical, so that the same page
// under a query string (a campaign's ?utm_source=) is not taken for another.
func walk(t *testing.T, a *testApp, base string) map[string]bool {
	t.Helper()
	reached := map[string]bool{"/": true}
	queue := []string{"/"}
	for len(queue) > 0 {
		path := queue[0]
		queue = queue[1:]
		res := a.do("", "GET", path, "")
		if res.Code != http.StatusOK {
			t.Errorf("%s: %d, want 200", path, res.Code)
			continue
		}
		body := res.Body.String()
		if !strings.HasPrefix(res.Header().Get("Content-Type"), "text/html") {
			continue
		}
		if !strings.Contains(body, `<meta name="robots" content="noindex">`) {
			if !strings.Contains(body, `<meta name="description" content="`) {
				t.Errorf("%s, a page for search engines to index, has no description for them to show", path)
			}
			m := canonical.FindStringSubmatch(body)
			if m == nil || html.UnescapeString(m[1]) != base+(&url.URL{Path: path}).EscapedPath() {
				t.Errorf("%s names %v as canonical", path, m)
			}
		}
		for _, m := range hrefs.FindAllStringSubmatch(body, -1) {
			link, _, _ := strings.Cut(strings.TrimPrefix(html.UnescapeString(m[1]), base), "#")
			if !strings.HasPrefix(link, "/") || strings.HasPrefix(link, "//") || strings.HasPrefix(link, "/static/") || strings.HasPrefix(link, "/login") {
				continue
			}
			if plain, err := url.PathUnescape(link); err == nil {
				link = plain
			}
			if !reached[link] {
				reached[link] = true
				queue = append(queue, link)
			}
		}
	}
	return reached
}
