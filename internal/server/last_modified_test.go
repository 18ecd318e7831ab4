package server_test

import (
	"fmt"
	"net/http"
	"testing"
	"time"
)

// TestPublicLastModified: crawlers and caches that revalidate by date (If-Modified-Since, as
// many do, the ETag aside) found no Last-Modified on any public page, so they fetched each whole
// every time. Every kept public page now carries one and answers 304 to a date at or after it;
// a correction moves the piece's pages and the lists past it, so the date it held no longer
// answers 304; and a client that also sends If-None-Match is answered by its tag alone, as
// RFC 9110 has it. A page changed in the last ten seconds goes without a date: a change later in
// that second would give the new page the same date, and a client holding the page before it
// would be told 304. The Google News sitemap, which changes with the
// clock as pieces leave it, goes without one.
func TestPublicLastModified(t *testing.T) {
	a := crawlApp(t)
	seedPublished(t, a, 3)
	d := importAndApprove(t, a, housePiece("Pier Reopens", "Ana Pérez", "The pier reopens.", []string{"It reopens at noon."}, []string{"Harbour"}, ""))
	wantStatus(t, a.do("editor", "POST", fmt.Sprintf("/api/v1/drafts/%d/publish", d.ID), ""), http.StatusOK)
	paths := []string{"/", "/articles/pier-reopens", "/articles/pier-reopens.txt", "/articles/pier-reopens.json", "/briefs/pier-reopens.txt",
		"/feed.atom", "/topics/harbour", "/topics/harbour/feed.atom", "/authors/ana-perez", "/topics", "/sitemap.xml", "/robots.txt",
		"/api/v1/articles", "/api/v1/articles/pier-reopens"}
	render := func(paths []string) {
		for _, p := range paths {
			res := a.do("", http.MethodGet, p, "")
			wantStatus(t, res, http.StatusOK)
			if lm := res.Header().Get("Last-Modified"); lm != "" {
				t.Errorf("%s, changed this second, goes with Last-Modified %q", p, lm)
			}
		}
		a.clock.Add(11 * time.Second)
	}
	render(paths)
	if res := a.do("", http.MethodGet, "/sitemap-news.xml", ""); res.Code != http.StatusOK || res.Header().Get("Last-Modified") != "" {
		t.Errorf("/sitemap-news.xml: %d with Last-Modified %q, want 200 with none", res.Code, res.Header().Get("Last-Modified"))
	}
	held := map[string]string{}
	for _, p := range paths {
		for _, method := range []string{http.MethodGet, http.MethodHead} {
			res := a.do("", method, p, "")
			wantStatus(t, res, http.StatusOK)
			lm := res.Header().Get("Last-Modified")
			if _, err := http.ParseTime(lm); err != nil {
				t.Errorf("%s %s: Last-Modified %q: %v", method, p, lm, err)
				continue
			}
			held[p] = lm
			res = a.send("", method, p, "", "", http.Header{"If-Modified-Since": {lm}})
			if res.Code != http.StatusNotModified || res.Body.Len() != 0 {
				t.Errorf("%s %s since its Last-Modified: %d with %d bytes, want 304", method, p, res.Code, res.Body.Len())
			}
			res = a.send("", method, p, "", "", http.Header{"If-Modified-Since": {lm}, "If-None-Match": {`"another"`}})
			wantStatus(t, res, http.StatusOK)
		}
	}
	a.clock.Add(time.Hour)
	wantStatus(t, a.do("editor", "POST", "/api/v1/articles/pier-reopens/corrections", `{"note":"It reopens at one, not noon."}`), http.StatusCreated)
	render(paths)
	for _, p := range []string{"/", "/articles/pier-reopens", "/articles/pier-reopens.json", "/feed.atom", "/topics/harbour", "/sitemap.xml", "/api/v1/articles/pier-reopens"} {
		if held[p] == "" {
			continue
		}
		res := a.send("", http.MethodGet, p, "", "", http.Header{"If-Modified-Since": {held[p]}})
		if res.Code != http.StatusOK {
			t.Errorf("%s since before the correction: %d, want 200", p, res.Code)
			continue
		}
		was, _ := http.ParseTime(held[p])
		if now, err := http.ParseTime(res.Header().Get("Last-Modified")); err != nil || !now.After(was) {
			t.Errorf("%s: Last-Modified %q after the correction, was %q", p, res.Header().Get("Last-Modified"), held[p])
		}
	}
}
