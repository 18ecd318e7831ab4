package server_test

import (
	"net/http"
	"testing"
)

// TestReviewHeadOnPublicPages: every public route is registered for GET only, so HEAD (which
// link checkers, uptime monitors, feed readers and some crawlers send, and which RFC 9110 says
// a GET resource should answer) is 405 on the front page, articles, feeds, sitemaps, robots.txt
// and images, although compress already expects HEAD requests. Right: HEAD answers as GET does,
// with the same status, ETag and Content-Length and no body.
func TestReviewHeadOnPublicPages(t *testing.T) {
	a := newTestApp(t)
	seedPublished(t, a, 3)
	for _, path := range []string{"/", "/page/1", "/articles/piece-1", "/feed.atom", "/topics/health", "/authors/ana-perez",
		"/robots.txt", "/sitemap.xml", "/sitemap-news.xml", "/favicon.ico", "/api/v1/articles", "/search?q=piece"} {
		t.Run(path, func(t *testing.T) {
			h := http.Header{"Accept-Encoding": {"gzip"}}
			get := a.send("", "GET", path, "", "", h)
			head := a.send("", "HEAD", path, "", "", h)
			if head.Code != get.Code {
				t.Fatalf("HEAD %d, GET %d", head.Code, get.Code)
			}
			if head.Header().Get("Content-Length") != get.Header().Get("Content-Length") || head.Header().Get("ETag") != get.Header().Get("ETag") {
				t.Errorf("HEAD Content-Length %q ETag %q, GET %q %q", head.Header().Get("Content-Length"), head.Header().Get("ETag"),
					get.Header().Get("Content-Length"), get.Header().Get("ETag"))
			}
		})
	}
}
