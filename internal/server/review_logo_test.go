package server_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestReviewLogoUploadReachesCachedPages: uploading a logo on /admin/logo writes the site.logo
// setting (store.SetLogo) but records no settings_changed event, so neither the server's kept
// site settings nor its page cache are dropped: an article read before the upload keeps serving
// JSON-LD without publisher.logo, under the same ETag, until something is published. The flash
// promises "pages, feeds and the favicon use it now". Right: the upload drops the kept settings
// and pages (as saving the site settings does), so the next reader gets the logo and a new ETag.
func TestReviewLogoUploadReachesCachedPages(t *testing.T) {
	a := newTestApp(t)
	slug := publishSeed(t, a)
	before := a.do("", "GET", "/articles/"+slug, "")
	wantStatus(t, before, http.StatusOK)
	if strings.Contains(before.Body.String(), `"logo"`) {
		t.Fatal("the article has a publisher logo before any was set")
	}
	res := a.postUpload("admin", "/admin/logo", url.Values{"alt": {"The Harbour Gazette"}}, "logo.png", testPNG(t, 400, 100))
	wantStatus(t, res, http.StatusSeeOther)

	after := a.do("", "GET", "/articles/"+slug, "")
	wantStatus(t, after, http.StatusOK)
	if !strings.Contains(after.Body.String(), `"logo":{"@type":"ImageObject"`) {
		t.Errorf("the article read after the logo upload has no publisher logo in its JSON-LD")
	}
	if after.Header().Get("ETag") == before.Header().Get("ETag") {
		t.Errorf("the article kept its ETag %s after the logo changed: a returning reader gets 304 and the old page", after.Header().Get("ETag"))
	}
}
