package server_test

import (
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/server"
)

// publishArabic writes an Arabic piece over the API, sets its language to ar, has it marked as
// the fact-check of a claim, and publishes it; it returns the escaped path of its page.
func publishArabic(t *testing.T, a *testApp) string {
	t.Helper()
	res := a.do("writer", "POST", "/api/v1/drafts", `{"title":"مصر ترفض عرض القوات","byline":"سارة أحمد","brief":"رفضت الرئيسة العرض.","body":"الفقرة الأولى.\n\nالفقرة الثانية."}`)
	wantStatus(t, res, 201)
	d := decode[newsroom.Draft](t, res)
	path := fmt.Sprintf("/api/v1/drafts/%d", d.ID)
	wantStatus(t, a.do("writer", "PUT", path, `{"language":"ar","version":1}`), 200)
	form := url.Values{"claim": {"تضاعفت الجريمة."}, "claimed_by": {"البلدية"}, "claimant_kind": {"organization"}, "rating": {"mostly_false"}}
	wantStatus(t, a.page("editor", "POST", fmt.Sprintf("/drafts/%d/claim", d.ID), form), http.StatusSeeOther)
	wantStatus(t, a.do("writer", "POST", path+"/transitions", `{"action":"submit"}`), 200)
	wantStatus(t, a.do("factchecker", "POST", path+"/transitions", `{"action":"clear"}`), 200)
	wantStatus(t, a.do("editor", "POST", path+"/transitions", `{"action":"approve"}`), 200)
	wantStatus(t, a.do("editor", "POST", path+"/publish", ""), 200)
	return "/articles/" + url.PathEscape("مصر-ترفض-عرض-القوات")
}

// TestReviewNewsSitemapLanguage: the Google News sitemap gives every piece the site's language,
// because store.PublicListing reads no language, so an Arabic piece is told to Google News as
// <news:language>en</news:language> (its page, JSON-LD, ninjs and feed entry all say ar).
// Right: each piece's own language, <news:language>ar</news:language>.
func TestReviewNewsSitemapLanguage(t *testing.T) {
	a := newTestApp(t)
	publishArabic(t, a)
	srv := server.New(a.store, server.Config{Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
		Site: newsroom.SiteSettings{BaseURL: "https://news.example"}})
	res := httptest.NewRecorder()
	srv.Handler().ServeHTTP(res, httptest.NewRequest("GET", "/sitemap-news.xml", nil))
	wantStatus(t, res, 200)
	if !strings.Contains(res.Body.String(), "<news:language>ar</news:language>") {
		t.Errorf("the news sitemap gives the Arabic piece another language:\n%s", res.Body.String())
	}
}

// TestReviewClaimReviewLanguage: the ClaimReview JSON-LD of a piece takes inLanguage from the
// site (publish.claimJSONLD uses site.lang()), so an Arabic fact-check's ClaimReview says "en"
// beside a NewsArticle that says "ar". Right: the piece's language in both.
func TestReviewClaimReviewLanguage(t *testing.T) {
	a := newTestApp(t)
	page := a.do("", "GET", publishArabic(t, a), "")
	wantStatus(t, page, 200)
	body := page.Body.String()
	i := strings.Index(body, `"@type":"ClaimReview"`)
	if i < 0 {
		t.Fatalf("the page has no ClaimReview:\n%s", body)
	}
	review := body[i:]
	if end := strings.Index(review, "</script>"); end >= 0 {
		review = review[:end]
	}
	if !strings.Contains(review, `"inLanguage":"ar"`) {
		t.Errorf("the Arabic piece's ClaimReview has another language: %s", review)
	}
}
