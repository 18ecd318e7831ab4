package server_test

import (
	"net/http"
	"strings"
	"testing"
)

// TestReviewHugePageNumbers: pageNumber takes any int, and (n-1)*30 (or (n-1)*SitemapURLs)
// overflows for a huge n, giving a negative offset that GORM drops: /page/9223372036854775807
// answers 200 with the newest pieces (and a rel=prev to the page before it, itself 200: an
// endless crawl of duplicates), /sitemaps/N.xml repeats sitemap 1, and the read API repeats
// page 1. Right: a page past the end is 404 (the read API: no items), whatever its number.
func TestReviewHugePageNumbers(t *testing.T) {
	a := newTestApp(t)
	seedPublished(t, a, 35)
	for _, path := range []string{
		"/page/307445734561825863",
		"/page/9223372036854775807",
		"/topics/mexico/page/9223372036854775807",
		"/authors/ana-perez/page/9223372036854775807",
		"/sitemaps/999999999999999999.xml",
		"/search?q=piece&page=9223372036854775807",
	} {
		t.Run(path, func(t *testing.T) {
			res := a.do("", "GET", path, "")
			if res.Code != http.StatusNotFound {
				t.Errorf("status %d, want 404 for a page past the end", res.Code)
			}
		})
	}
}

// TestReviewHugeAPIPage: the read API's page past the end is 200 with no items, but a page
// number whose offset overflows lists the newest pieces again. Right: no items.
func TestReviewHugeAPIPage(t *testing.T) {
	a := newTestApp(t)
	seedPublished(t, a, 35)
	res := a.do("", "GET", "/api/v1/articles?page=9223372036854775807", "")
	if res.Code == http.StatusOK && !strings.Contains(res.Body.String(), `"items":[]`) {
		t.Errorf("page 9223372036854775807 of the read API lists pieces: %.200s", res.Body.String())
	}
}
