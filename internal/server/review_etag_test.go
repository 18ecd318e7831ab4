package server_test

import (
	"net/http"
	"testing"
)

// TestReview304CarriesTheSameETag: RFC 9110 15.4.5 has a 304 carry the ETag a 200 would have
// carried. A body under minCompressed (a brief's text) is sent uncompressed under its plain tag
// "X" even to a client that takes Brotli, but once the page cache has been cleared (as a change
// of the site's settings clears it), the same revalidation is answered by notModified, which tags the 304 "X-br" for
// the coding negotiated, not the one the body is actually sent in. The client and any cache
// then hold a validator no 200 ever carried. Right: the 304 carries "X", as the 200 does.
func TestReview304CarriesTheSameETag(t *testing.T) {
	a := newTestApp(t)
	seedPublished(t, a, 1)
	br := http.Header{"Accept-Encoding": {"br"}}
	first := a.send("", "GET", "/briefs/piece-1.txt", "", "", br)
	wantStatus(t, first, http.StatusOK)
	etag := first.Header().Get("ETag")
	if first.Header().Get("Content-Encoding") != "" {
		t.Fatalf("the brief is compressed; pick a body under 1,024 bytes")
	}
	a.server.ClearPageCache()
	again := a.send("", "GET", "/briefs/piece-1.txt", "", "", http.Header{"Accept-Encoding": {"br"}, "If-None-Match": {etag}})
	wantStatus(t, again, http.StatusNotModified)
	if got := again.Header().Get("ETag"); got != etag {
		t.Errorf("the 304 carries ETag %s; the 200 carried %s", got, etag)
	}
}

// TestReviewIfNoneMatchWeakComparison: RFC 9110 13.1.2 has If-None-Match compared weakly, so
// W/"X" matches "X". Proxies that compress or alter a body (nginx with gzip on, several CDNs)
// turn the strong tag into W/"X", and browsers behind them revalidate with W/"X"; matchesTag
// compares the strings exactly, so every such revalidation of a public page, the feed, a static
// file or an image is a full 200, which the delivery work's "revalidation with the ETag" was
// to avoid. Right: 304 for W/"X" as for "X".
func TestReviewIfNoneMatchWeakComparison(t *testing.T) {
	a := newTestApp(t)
	seedPublished(t, a, 2)
	for _, path := range []string{"/", "/articles/piece-1", "/feed.atom", "/sitemap.xml", "/favicon.ico"} {
		t.Run(path, func(t *testing.T) {
			first := a.send("", "GET", path, "", "", nil)
			wantStatus(t, first, http.StatusOK)
			etag := first.Header().Get("ETag")
			if len(etag) < 2 || etag[0] != '"' {
				t.Fatalf("ETag %q is not a strong tag", etag)
			}
			res := a.send("", "GET", path, "", "", http.Header{"If-None-Match": {"W/" + etag}})
			if res.Code != http.StatusNotModified {
				t.Errorf("If-None-Match W/%s: status %d, want 304", etag, res.Code)
			}
		})
	}
}
