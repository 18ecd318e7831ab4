package server_test

import (
	"io"
	"log/slog"
	"net/http"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/conformance"
	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/server"
)

// TestReadersNotFoundPage asks a browser's way for public pages that are not there (a piece, a
// topic, a page past the end, an address nobody serves): the reader gets a 404 in the public
// site's own dress (its name and language, the archive's links, the way to the front page and
// to search, kept out of search engines' indexes), not the newsroom's error page, which sent
// them "Back to your desk" and so to the staff's sign-in. A newsroom page that is not there
// still leads its signed-in user back to the desk.
func TestReadersNotFoundPage(t *testing.T) {
	a := newTestApp(t)
	seedPublished(t, a, 3)
	a.server = server.New(a.store, server.Config{Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
		Site: newsroom.SiteSettings{Name: "The Harbour Ledger", Language: "de"}})
	reader := []string{`<html lang="de">`, "The Harbour Ledger", `<meta name="robots" content="noindex">`, `<a href="/topics">Topics</a>`, `<a href="/">`, `<a href="/search">`}
	tests := []struct {
		name, actor, path string
		want, wantNot     []string
	}{
		{"Article", "", "/articles/nothing", reader, []string{"/desk"}},
		{"Rendition", "", "/articles/piece-1.pdf", reader, []string{"/desk"}},
		{"Topic", "", "/topics/atlantis", reader, []string{"/desk"}},
		{"PastTheEnd", "", "/page/9", reader, []string{"/desk"}},
		{"NoSuchAddress", "", "/nothing/here", reader, []string{"/desk"}},
		{"NewsroomPage", "editor", "/drafts/999999", []string{`<a href="/desk">Back to your desk</a>`}, []string{"noindex"}},
	}
	var pages []conformance.Doc
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := a.page(tt.actor, http.MethodGet, tt.path, nil)
			if tt.actor == "" {
				pages = append(pages, conformance.Doc{Name: tt.path, Body: res.Body.Bytes()})
			}
			wantStatus(t, res, http.StatusNotFound)
			body := res.Body.String()
			for _, w := range tt.want {
				if !strings.Contains(body, w) {
					t.Errorf("the page lacks %q:\n%s", w, body)
				}
			}
			for _, w := range tt.wantNot {
				if strings.Contains(body, w) {
					t.Errorf("the page has %q:\n%s", w, body)
				}
			}
			if cc := res.Header().Get("Cache-Control"); cc != "no-store" {
				t.Errorf("Cache-Control = %q, want no-store", cc)
			}
		})
	}
	// The readers' pages are held to the Nu Html Checker, as every other public page is.
	conformance.Pass(t, "Nu Html Checker", conformance.HTML(t, pages...))
}

// TestTrailingSlashMovesToThePage asks for public pages with a slash after them, as links other
// sites write often carry: each moves permanently to the page itself, its query kept, where it
// was a 404 a crawler filed and a reader met. It moves once, to a page that answers: straight on
// where the page itself moves (capitals, a first page by number), and a path that would be a 404
// without its slash is a 404 at once, not a move to one. The API is left as its clients call it,
// and no path leads off the site.
func TestTrailingSlashMovesToThePage(t *testing.T) {
	a := newTestApp(t)
	seedPublished(t, a, 10)
	tests := []struct {
		name, method, path string
		status             int
		location           string
	}{
		{"Article", http.MethodGet, "/articles/piece-1/", http.StatusMovedPermanently, "/articles/piece-1"},
		{"Slashes", http.MethodGet, "/articles/piece-1//", http.StatusMovedPermanently, "/articles/piece-1"},
		{"Head", http.MethodHead, "/topics/mexico/", http.StatusMovedPermanently, "/topics/mexico"},
		{"Query", http.MethodGet, "/topics/mexico/?utm_source=x", http.StatusMovedPermanently, "/topics/mexico?utm_source=x"},
		{"Escaped", http.MethodGet, "/topics/climate%2Dchange/", http.StatusMovedPermanently, "/topics/climate-change"},
		{"Capitals", http.MethodGet, "/articles/Piece-1/", http.StatusMovedPermanently, "/articles/piece-1"},
		{"CapitalsHead", http.MethodHead, "/topics/Mexico/?utm_source=x", http.StatusMovedPermanently, "/topics/mexico?utm_source=x"},
		{"FirstPageByNumber", http.MethodGet, "/page/1/", http.StatusMovedPermanently, "/"},
		{"TopicFirstPageByNumber", http.MethodGet, "/topics/Mexico/page/1/", http.StatusMovedPermanently, "/topics/mexico"},
		{"NoSuchPiece", http.MethodGet, "/articles/no-such-piece/", http.StatusNotFound, ""},
		{"NoSuchPieceCapitals", http.MethodGet, "/articles/No-Such-Piece/", http.StatusNotFound, ""},
		{"NoSuchTopic", http.MethodHead, "/topics/no-such-topic/", http.StatusNotFound, ""},
		{"PastTheEnd", http.MethodGet, "/page/99/", http.StatusNotFound, ""},
		{"NoSuchPath", http.MethodGet, "/no-such-path/", http.StatusNotFound, ""},
		{"FrontPage", http.MethodGet, "/", http.StatusOK, ""},
		{"OffSite", http.MethodGet, "//evil.example/", http.StatusNotFound, ""},
		{"OffSiteBackslash", http.MethodGet, "/%5Cevil.example/", http.StatusNotFound, ""},
		{"API", http.MethodGet, "/api/v1/articles/", http.StatusNotFound, ""},
		{"Form", http.MethodPost, "/login/", http.StatusNotFound, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := a.do("", tt.method, tt.path, "")
			wantStatus(t, res, tt.status)
			if got := res.Header().Get("Location"); got != tt.location {
				t.Errorf("Location = %q, want %q", got, tt.location)
			}
			if tt.location != "" {
				wantStatus(t, a.do("", http.MethodGet, tt.location, ""), http.StatusOK)
			}
		})
	}
	t.Run("AppPage", func(t *testing.T) {
		res := a.page("editor", http.MethodGet, "/desk/", nil)
		wantStatus(t, res, http.StatusMovedPermanently)
		if got := res.Header().Get("Location"); got != "/desk" {
			t.Errorf("Location = %q, want /desk", got)
		}
	})
}
