package server_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/publish"
)

// TestReviewNonLatinSlugEscapes: a non-Latin slug reaches the router percent-encoded, and
// RFC 3986 (2.1, 6.2.2.1) makes "%d9" and "%D9" the same URI. The topic and author pages
// unescape their slug (slugParam), but the article in every format and the read API's piece
// look the escaped text up as it came, so a link or crawler that writes the escapes in lower
// case gets 404 for a published Arabic piece. Right: every public route finds the piece however
// its escapes are written.
func TestReviewNonLatinSlugEscapes(t *testing.T) {
	a := newTestApp(t)
	page := publishArabic(t, a)
	escaped := strings.TrimPrefix(page, "/articles/")
	lower := strings.ToLower(escaped)
	for _, path := range []string{"/articles/" + lower, "/articles/" + lower + ".json", "/articles/" + lower + ".txt", "/briefs/" + lower + ".txt",
		"/api/v1/articles/" + lower} {
		t.Run(path, func(t *testing.T) {
			if res := a.do("", "GET", path, ""); res.Code != http.StatusOK {
				t.Errorf("status %d for the piece under lower-case escapes (upper case: %d)", res.Code,
					a.do("", "GET", strings.Replace(path, lower, escaped, 1), "").Code)
			}
		})
	}
}

// TestNonLatinSlugCorrectionEscapes: the API's correction of a piece names it by its slug as
// the piece's urls give it, percent-encoded for a non-Latin slug, and lower-case escapes are the
// same URI (RFC 3986 6.2.2.1). The handler looked the slug up as the router left it, still
// escaped when the escapes are in lower case, and answered 404 for a published piece. Right: the
// correction is made however the escapes are written.
func TestNonLatinSlugCorrectionEscapes(t *testing.T) {
	a := newTestApp(t)
	page := publishArabic(t, a)
	lower := strings.ToLower(strings.TrimPrefix(page, "/articles/"))
	res := a.do("editor", "POST", "/api/v1/articles/"+lower+"/corrections", `{"note":"Fixed a name."}`)
	wantStatus(t, res, http.StatusCreated)
	if body := a.do("", "GET", page+".txt", "").Body.String(); !strings.Contains(body, ": Fixed a name.\n") {
		t.Fatalf("the text lacks the correction:\n%s", body)
	}
}

// TestReviewRedirectLocationIsASCII: /authors/{slug}/page/1 (and /topics/…) moves permanently
// to the listing's path, which servePage builds from the unescaped slug, so the Location header
// carries raw UTF-8 ("/authors/سارة-أحمد"). A header value must be a URI reference, ASCII
// (RFC 9110 10.2.2, RFC 3986); clients and proxies may mangle other bytes. Right: the path
// percent-encoded, as every link to the page is.
func TestReviewRedirectLocationIsASCII(t *testing.T) {
	a := newTestApp(t)
	publishArabic(t, a)
	res := a.do("", "GET", "/authors/"+url.PathEscape("سارة-أحمد")+"/page/1", "")
	wantStatus(t, res, http.StatusMovedPermanently)
	loc := res.Header().Get("Location")
	for _, r := range loc {
		if r > 0x7e {
			t.Fatalf("Location %q is not ASCII; want %q", loc, "/authors/"+url.PathEscape("سارة-أحمد"))
		}
	}
}

// TestNonLatinListingLinksOneURL: a topic's or author's page links its neighbouring pages and
// its feed, and the feed names itself, by the URL every other link gives the page
// (publish.AuthorPath, escapes in upper case). Built from the raw slug, those links came out of
// the page's template with lower-case escapes and out of the feed unescaped, so a crawler met
// each page of a non-Latin author under two or three URLs.
func TestNonLatinListingLinksOneURL(t *testing.T) {
	a := newTestApp(t)
	seedPublished(t, a, 31)
	const byline = "سارة أحمد"
	// Publications cannot change, so the seeded pieces are filed under the author's page only.
	if _, err := a.store.DB().Exec("UPDATE article_tags SET slug = $1, name = $2 WHERE kind = 'author'", publish.Slug(byline), byline); err != nil {
		t.Fatal(err)
	}
	path := publish.AuthorPath(byline)
	page2 := a.do("", "GET", path+"/page/2", "")
	wantStatus(t, page2, http.StatusOK)
	feed := a.do("", "GET", path+"/feed.atom", "")
	wantStatus(t, feed, http.StatusOK)
	for _, tt := range []struct{ name, body, want string }{
		{"NewerPage", page2.Body.String(), `rel="prev" href="` + path + `"`},
		{"PageFeed", page2.Body.String(), `href="` + path + `/feed.atom"`},
		{"FeedSelf", feed.Body.String(), `rel="self" type="application/atom+xml" href="` + path + `/feed.atom"`},
		{"FeedPage", feed.Body.String(), `rel="alternate" type="text/html" href="` + path + `"`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if !strings.Contains(tt.body, tt.want) {
				t.Errorf("no %s in:\n%s", tt.want, tt.body)
			}
		})
	}
}
