package server_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

// TestReviewBaseURLWithPath: the site settings take a base URL with a path
// ("https://news.example.org/ledger"), and every absolute URL (sitemap, canonical, feed ids,
// JSON-LD, robots.txt's Sitemap lines) then carries the path, while the router serves the site
// at the root and the pages link root-relative ("/articles/…", "/topics/…"), and robots.txt's
// Disallow lines name root paths. Whichever way a proxy maps the path, one of the two sets of
// URLs is dead: here the sitemap lists addresses this server answers 404 for. Right: refuse a
// base URL with a path when saving (422, as a query is refused), or serve and link the whole
// site under it.
func TestReviewBaseURLWithPath(t *testing.T) {
	a := newTestApp(t)
	seedPublished(t, a, 2)
	form := siteForm()
	form.Set("base_url", "https://news.example.org/ledger")
	res := a.page("admin", "POST", "/admin/site", form)
	if res.Code == http.StatusUnprocessableEntity {
		return
	}
	wantStatus(t, res, http.StatusSeeOther)
	sitemap := a.do("", "GET", "/sitemap.xml", "")
	wantStatus(t, sitemap, http.StatusOK)
	locs := regexp.MustCompile(`<loc>([^<]+)</loc>`).FindAllStringSubmatch(sitemap.Body.String(), -1)
	if len(locs) == 0 {
		t.Fatalf("no URLs in the sitemap:\n%s", sitemap.Body.String())
	}
	for _, m := range locs {
		u, err := url.Parse(m[1])
		if err != nil {
			t.Fatal(err)
		}
		if got := a.do("", "GET", u.EscapedPath(), ""); got.Code != http.StatusOK {
			page := a.do("", "GET", strings.TrimPrefix(u.EscapedPath(), "/ledger"), "").Body.String()
			t.Errorf("the sitemap lists %s, whose path %s is %d here; the page itself links %v",
				m[1], u.EscapedPath(), got.Code, regexp.MustCompile(`<a [^>]*href="/[^"]*"`).FindAllString(page, 3))
		}
	}
}
