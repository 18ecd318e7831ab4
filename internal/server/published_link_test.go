package server_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestPublishedMessageLinksToTheArticle: the message after publishing makes the article's address
// a link, which the editor opens rather than copies from plain text.
func TestPublishedMessageLinksToTheArticle(t *testing.T) {
	a := newTestApp(t)
	d := a.draft(newsroom.StageApproved)
	res := a.page("editor", "POST", fmt.Sprintf("/drafts/%d/publish", d.ID), url.Values{"when": {"now"}, "confirm": {"yes"}})
	wantStatus(t, res, http.StatusSeeOther)
	page := a.pageWith("editor", "GET", res.Header().Get("Location"), nil, res.Result().Cookies()...)
	wantStatus(t, page, http.StatusOK)
	slug, err := a.store.LiveSlug(ctxAs(a, "editor"), d.ID)
	if err != nil || slug == "" {
		t.Fatalf("no live slug: %q %v", slug, err)
	}
	wantBody(t, page, fmt.Sprintf(`<p class="flash" role="status">Published: readers see it at <a href="/articles/%[1]s">/articles/%[1]s</a>.</p>`, slug))
	if strings.Contains(page.Body.String(), "Published: readers see it at /articles/") {
		t.Error("the address is shown as plain text")
	}
}
