package server_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestRetitledBeforeItWentOut schedules a piece, takes it back before its time and publishes it,
// retitled or not. Scheduling reserves the piece's slug from its title, but readers never saw
// that address: a piece retitled meanwhile goes out under its new title's slug, and the address
// of the title it no longer has, which might be the very headline an editor pulled, is named
// nowhere on the public site. One not retitled keeps the slug it was scheduled under.
func TestRetitledBeforeItWentOut(t *testing.T) {
	for _, tt := range []struct {
		name, title, retitle, wantSlug, goneSlug string
	}{
		{"Retitled", "Mayor Resigns Over Scandal", "Mayor Stays On", "mayor-stays-on", "mayor-resigns-over-scandal"},
		{"KeepsItsTitle", "Mayor Resigns Over Scandal", "", "mayor-resigns-over-scandal", ""},
		{"RetitledToItsWordsWithoutTheNumber", "Storm Kills 12", "Storm Kills", "storm-kills", "storm-kills-12"},
		{"RetitledToItsWordsAndANumber", "Mayor Resigns", "Mayor Resigns 2", "mayor-resigns-2", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			a := crawlApp(t)
			d := importAndApprove(t, a, housePiece(tt.title, "Ana Pérez", "What it is about.", []string{"The body."}, []string{"City Hall"}, ""))
			later := a.clock.Now().Add(time.Hour).UTC().Format(time.RFC3339)
			res := a.do("editor", "POST", fmt.Sprintf("/api/v1/drafts/%d/publish", d.ID), `{"at":"`+later+`"}`)
			wantStatus(t, res, http.StatusOK)
			wantStatus(t, a.do("editor", "POST", fmt.Sprintf("/api/v1/drafts/%d/transitions", d.ID), `{"action":"unschedule"}`), http.StatusOK)
			if tt.retitle != "" {
				wantStatus(t, a.do("editor", "POST", fmt.Sprintf("/api/v1/drafts/%d/transitions", d.ID), `{"action":"reopen"}`), http.StatusOK)
				cur := decode[newsroom.Draft](t, a.do("editor", "GET", fmt.Sprintf("/api/v1/drafts/%d", d.ID), ""))
				wantStatus(t, a.do("editor", "PUT", fmt.Sprintf("/api/v1/drafts/%d", d.ID), fmt.Sprintf(`{"title":%q,"version":%d}`, tt.retitle, cur.Version)), http.StatusOK)
				wantStatus(t, a.do("editor", "POST", fmt.Sprintf("/api/v1/drafts/%d/transitions", d.ID), `{"action":"approve"}`), http.StatusOK)
			}
			res = a.do("editor", "POST", fmt.Sprintf("/api/v1/drafts/%d/publish", d.ID), "")
			wantStatus(t, res, http.StatusOK)
			if got := decode[pubResponse](t, res).Slug; got != tt.wantSlug {
				t.Errorf("published under %q, want %q", got, tt.wantSlug)
			}
			wantStatus(t, a.do("", "GET", "/articles/"+tt.wantSlug, ""), http.StatusOK)
			if tt.goneSlug == "" {
				return
			}
			wantStatus(t, a.do("", "GET", "/articles/"+tt.goneSlug, ""), http.StatusNotFound)
			for _, p := range []string{"/", "/feed.atom", "/sitemap.xml", "/sitemap-news.xml", "/topics/city-hall", "/authors/ana-perez", "/api/v1/articles"} {
				res := a.do("", "GET", p, "")
				wantStatus(t, res, http.StatusOK)
				if strings.Contains(res.Body.String(), tt.goneSlug) {
					t.Errorf("%s names %s, an address readers never had", p, tt.goneSlug)
				}
			}
		})
	}
}
