package server_test

import (
	"encoding/base64"
	"fmt"
	"html"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/server"
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

// TestFlashLinkOnlyToTheSitesArticles: the address a flash makes a link is read back from a
// cookie, which anyone who can set a cookie for the site writes as they like; the page links only
// to an article of the site's own, and shows any other address as the plain text it came in.
func TestFlashLinkOnlyToTheSitesArticles(t *testing.T) {
	a := newTestApp(t)
	d := a.draft(newsroom.StageEditing)
	at := fmt.Sprintf("/drafts/%d", d.ID)
	based := newTestApp(t)
	based.server = server.New(based.store, server.Config{Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
		Site: newsroom.SiteSettings{Name: "Copydesk", BaseURL: "https://news.example.org/"}})
	basedAt := fmt.Sprintf("/drafts/%d", based.draft(newsroom.StageEditing).ID)
	tests := []struct {
		name, link string
		linked     bool
		app        *testApp
	}{
		{"Article", "/articles/council-budget", true, nil},
		{"ArticleOnTheBase", "https://news.example.org/articles/council-budget", true, based},
		{"ArticleOffTheBase", "/articles/council-budget", false, based},
		{"OtherSiteOnTheBase", "https://evil.example/articles/council-budget", false, based},
		{"OtherSite", "https://evil.example/login", false, nil},
		{"OtherSiteNoScheme", "//evil.example/articles/council-budget", false, nil},
		{"OutOfArticles", "/articles/../login", false, nil},
		{"ArticlesParent", "/articles/..", false, nil},
		{"Script", "javascript:alert(1)", false, nil},
		{"NoArticle", "/articles/", false, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			msg := "Published: readers see it at " + tt.link + "."
			app, at := a, at
			if tt.app != nil {
				app, at = tt.app, basedAt
			}
			carry := func(name, value string) *http.Cookie {
				return &http.Cookie{Name: name, Value: base64.RawURLEncoding.EncodeToString([]byte(at + "\n" + value))}
			}
			res := app.pageWith("editor", "GET", at, nil, carry("copydesk_flash", msg), carry("copydesk_flash_link", tt.link))
			wantStatus(t, res, http.StatusOK)
			body := res.Body.String()
			linked := strings.Contains(body, `<a href="`+html.EscapeString(tt.link)+`">`)
			if linked != tt.linked {
				t.Errorf("linked %v, want %v", linked, tt.linked)
			}
			if !strings.Contains(body, "Published: readers see it at "+html.EscapeString(tt.link)) && !linked {
				t.Errorf("the message is not shown as plain text")
			}
		})
	}
}
