package server_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"
)

// awkwardNewsroom adds to buildNewsroom's the pieces a crawl meets least often: one taken back
// before its time and published later, one corrected three times, one with every optional
// field empty, two more whose titles slug alike, and one under embargo, whose time passes
// between two crawls. It returns the slugs published and the embargoed piece's.
func awkwardNewsroom(t *testing.T, a *testApp) (published []string, embargoed string) {
	t.Helper()
	published = buildNewsroom(t, a, 40).published
	publish := func(title string, topics []string, at string) string {
		d := importAndApprove(t, a, housePiece(title, "Tom Reed", "What "+title+" is about.", []string{"The body."}, topics, ""))
		body := ""
		if at != "" {
			body = `{"at":"` + at + `"}`
		}
		res := a.do("editor", "POST", fmt.Sprintf("/api/v1/drafts/%d/publish", d.ID), body)
		wantStatus(t, res, http.StatusOK)
		return decode[pubResponse](t, res).Slug
	}
	later := a.clock.Now().Add(time.Hour).UTC().Format(time.RFC3339)
	back := importAndApprove(t, a, housePiece("Taken Back Then Out", "Tom Reed", "Out at last.", []string{"The body."}, []string{"Harbour"}, ""))
	wantStatus(t, a.do("editor", "POST", fmt.Sprintf("/api/v1/drafts/%d/publish", back.ID), `{"at":"`+later+`"}`), http.StatusOK)
	wantStatus(t, a.do("editor", "POST", fmt.Sprintf("/api/v1/drafts/%d/transitions", back.ID), `{"action":"unschedule"}`), http.StatusOK)
	res := a.do("editor", "POST", fmt.Sprintf("/api/v1/drafts/%d/publish", back.ID), "")
	wantStatus(t, res, http.StatusOK)
	published = append(published, decode[pubResponse](t, res).Slug)
	corrected := publish("Ferry Timetable Changes", []string{"Harbour"}, "")
	for i := 1; i <= 3; i++ {
		a.clock.Add(time.Minute)
		wantStatus(t, a.do("editor", "POST", "/api/v1/articles/"+corrected+"/corrections", fmt.Sprintf(`{"note":"Correction number %d."}`, i)), http.StatusCreated)
	}
	published = append(published, corrected, publish("Bare", nil, ""), publish("Council Approves Budget 2", nil, ""), publish("Council: Approves, Budget!", nil, ""))
	embargoed = publish("Embargo Lifts At Noon", []string{"Embargoes"}, a.clock.Now().Add(10*time.Minute).UTC().Format(time.RFC3339))
	return published, embargoed
}

// TestPublicCrawlAwkward crawls a newsroom with awkward pieces (see awkwardNewsroom) from the
// front page, then again once an embargo has passed, and holds every address reached to what
// outside validators check: each published piece reached, under one URL; every HTML page with
// its language, one h1, a description and an absolute canonical URL; valid JSON-LD with a
// NewsArticle's fields; feeds and sitemaps as XML with RFC 3339 dates, feeds with unique ids and
// sitemaps with absolute URLs; and each address answering HEAD as GET, a conditional GET by tag
// and by date with 304, gzip with the same body, and a query string, a trailing slash or a
// letter percent-encoded by the same page or by one move to it.
func TestPublicCrawlAwkward(t *testing.T) {
	a := crawlApp(t)
	published, embargoed := awkwardNewsroom(t, a)
	if _, ok := crawlSite(t, a, "/").articles()[embargoed]; ok {
		t.Fatalf("/articles/%s is reached before its embargo", embargoed)
	}
	a.clock.Add(11 * time.Minute)
	if n, err := a.store.ReleaseDue(context.Background()); n != 1 || err != nil {
		t.Fatalf("ReleaseDue = %d, %v; want 1", n, err)
	}
	published = append(published, embargoed)
	c := crawlSite(t, a, "/", "/robots.txt", "/api/v1/articles")
	reached := c.articles()
	for _, slug := range published {
		if _, ok := reached[slug]; !ok {
			t.Errorf("/articles/%s was not reached from the front page", slug)
		}
	}
	if !strings.Contains(c.bodies["/sitemap-news.xml"], "/articles/"+embargoed+"<") || !strings.Contains(c.bodies["/feed.atom"], "/articles/"+embargoed+`"`) {
		t.Errorf("the piece released from its embargo is not in the news sitemap and the feed")
	}
	c.canonicalAgrees(t)
	c.markupHolds(t)
	t.Run("Validators", func(t *testing.T) { c.valid(t) })
	a.clock.Add(11 * time.Second) // what changed in the crawl's second is dated from now on
	for path := range c.bodies {
		c.answersAlike(t, a, path)
	}
}

var (
	crawlH1        = regexp.MustCompile(`<h1[ >]`)
	crawlCanonical = regexp.MustCompile(`<link rel="canonical" href="([^"]+)">`)
	crawlDesc      = regexp.MustCompile(`<meta name="description" content="[^"]+">`)
	crawlJSONLD    = regexp.MustCompile(`(?s)<script type="application/ld\+json">(.*?)</script>`)
	crawlStamp     = regexp.MustCompile(`<(updated|published|lastmod|news:publication_date)>([^<]+)<`)
	crawlEntryID   = regexp.MustCompile(`(?s)<entry[^>]*>.*?<id>([^<]+)</id>`)
)

// markupHolds fails the test for a crawled page that a validator would fault.
func (c crawled) markupHolds(t *testing.T) {
	t.Helper()
	for path, ct := range c.types {
		body := c.bodies[path]
		switch {
		case strings.HasPrefix(ct, "text/html"):
			noindex := strings.Contains(body, `<meta name="robots" content="noindex">`)
			if n := len(crawlH1.FindAllString(body, -1)); n != 1 {
				t.Errorf("%s has %d h1", path, n)
			}
			if !strings.HasPrefix(body, "<!doctype html>\n<html lang=\"") {
				t.Errorf("%s names no language", path)
			}
			if m := crawlCanonical.FindStringSubmatch(body); !noindex && (m == nil || !strings.HasPrefix(m[1], crawlBase+"/")) {
				t.Errorf("%s: canonical %v, want an absolute URL of the site", path, m)
			}
			if !noindex && !crawlDesc.MatchString(body) {
				t.Errorf("%s has no description", path)
			}
			for _, m := range crawlJSONLD.FindAllStringSubmatch(body, -1) {
				var v map[string]any
				if err := json.Unmarshal([]byte(m[1]), &v); err != nil {
					t.Errorf("%s: JSON-LD: %v", path, err)
					continue
				}
				if v["@type"] != "NewsArticle" {
					continue
				}
				for _, f := range []string{"headline", "datePublished", "dateModified", "author", "publisher", "mainEntityOfPage", "url"} {
					if v[f] == nil {
						t.Errorf("%s: the NewsArticle has no %s", path, f)
					}
				}
			}
		case strings.Contains(ct, "xml"):
			if err := xml.Unmarshal([]byte(body), new(struct{})); err != nil {
				t.Errorf("%s is not XML: %v", path, err)
			}
			for _, m := range crawlStamp.FindAllStringSubmatch(body, -1) {
				if _, err := time.Parse(time.RFC3339, m[2]); err != nil {
					t.Errorf("%s: %s %q is not RFC 3339", path, m[1], m[2])
				}
			}
			ids := map[string]bool{}
			for _, m := range crawlEntryID.FindAllStringSubmatch(body, -1) {
				if ids[m[1]] {
					t.Errorf("%s has two entries with the id %s", path, m[1])
				}
				ids[m[1]] = true
			}
			locs := crawlSitemapLoc.FindAllStringSubmatch(body, -1)
			if len(locs) > 50000 {
				t.Errorf("%s lists %d URLs", path, len(locs))
			}
			for _, m := range locs {
				if !strings.HasPrefix(m[1], crawlBase+"/") {
					t.Errorf("%s lists %s, not an absolute URL of the site", path, m[1])
				}
			}
		}
	}
}

// answersAlike fails the test for a crawled address that HEAD, a conditional GET, gzip, a query
// string, a trailing slash or a percent-encoded letter answer otherwise than a plain GET.
func (c crawled) answersAlike(t *testing.T, a *testApp, path string) {
	t.Helper()
	get := a.do("", http.MethodGet, path, "")
	wantStatus(t, get, http.StatusOK)
	etag, modified := get.Header().Get("ETag"), get.Header().Get("Last-Modified")
	head := a.do("", http.MethodHead, path, "")
	if head.Code != http.StatusOK || head.Body.Len() != 0 || head.Header().Get("ETag") != etag || head.Header().Get("Content-Length") != get.Header().Get("Content-Length") {
		t.Errorf("HEAD %s: %d, %d bytes, ETag %q, length %q; GET had ETag %q, length %q", path, head.Code, head.Body.Len(),
			head.Header().Get("ETag"), head.Header().Get("Content-Length"), etag, get.Header().Get("Content-Length"))
	}
	// Search results are made for each request and kept nowhere, the icons are immutable, and
	// the Google News sitemap changes with the clock: only their tag says which they are.
	dated := path != "/search" && path != "/favicon.ico" && path != "/apple-touch-icon.png" && path != "/sitemap-news.xml"
	if etag == "" || dated && modified == "" {
		t.Errorf("%s: ETag %q, Last-Modified %q", path, etag, modified)
	}
	conditions := []http.Header{{"If-None-Match": {etag}}}
	if dated {
		conditions = append(conditions, http.Header{"If-Modified-Since": {modified}})
	}
	for _, h := range conditions {
		if res := a.send("", http.MethodGet, path, "", "", h); res.Code != http.StatusNotModified {
			t.Errorf("GET %s with %v: %d, want 304", path, h, res.Code)
		}
	}
	zipped := a.send("", http.MethodGet, path, "", "", http.Header{"Accept-Encoding": {"gzip"}})
	body := zipped.Body.Bytes()
	if zipped.Header().Get("Content-Encoding") == "gzip" {
		zr, err := gzip.NewReader(bytes.NewReader(body))
		if err == nil {
			body, err = io.ReadAll(zr)
		}
		if err != nil {
			t.Errorf("GET %s in gzip: %v", path, err)
		}
	}
	if !bytes.Equal(body, get.Body.Bytes()) {
		t.Errorf("GET %s in gzip is another body", path)
	}
	sep := "?"
	if strings.Contains(path, "?") {
		sep = "&"
	}
	variants := []string{path + sep + "utm_source=crawl"}
	if !strings.Contains(path, "?") && path != "/" && !strings.HasPrefix(path, "/api/") { // the API is called as written
		variants = append(variants, path+"/")
	}
	if i := strings.IndexFunc(path, func(r rune) bool { return r >= 'a' && r <= 'z' }); i >= 0 && !strings.HasPrefix(path, "/api/") {
		variants = append(variants, fmt.Sprintf("%s%%%02X%s", path[:i], path[i], path[i+1:]))
	}
	for _, v := range variants {
		res := a.do("", http.MethodGet, v, "")
		if res.Code == http.StatusMovedPermanently {
			loc := res.Header().Get("Location")
			if res = a.do("", http.MethodGet, loc, ""); res.Code != http.StatusOK {
				t.Errorf("GET %s moves to %s, which answers %d", v, loc, res.Code)
			}
		}
		if res.Code != http.StatusOK || !bytes.Equal(res.Body.Bytes(), get.Body.Bytes()) {
			t.Errorf("GET %s: %d, not the page %s is", v, res.Code, path)
		}
	}
}
