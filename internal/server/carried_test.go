package server_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestCarriedMessageShownWhereItLeads: the message an action's redirect carries (done, or why
// not) is shown by the page the redirect leads to, and by no other: a browser whose answer was
// lost (the connection dropped after the redirect, the tab was closed) keeps the message's
// cookie, and the next page it opened (the desk, the inbox) said "Done" or "Not done" of an
// action that page knows nothing of.
func TestCarriedMessageShownWhereItLeads(t *testing.T) {
	a := newTestApp(t)
	const flash, warning = `<p class="flash" role="status"`, `<p class="warning" role="alert">Not done: `
	for _, tt := range []struct {
		name   string
		stage  newsroom.Stage
		action string
		open   string // the page opened after the post: "" for the one its redirect leads to
		want   string // the message's markup on it; "" for none
	}{
		{"done, on the page it leads to", newsroom.StageDraft, "submit", "", flash},
		{"done, on another page", newsroom.StageDraft, "submit", "/desk", ""},
		{"refused, on the page it leads to", newsroom.StageEditing, "restore", "", warning},
		{"refused, on another page", newsroom.StageEditing, "restore", "/inbox", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			d := a.draft(tt.stage)
			res := a.page("writer", "POST", fmt.Sprintf("/drafts/%d/transition", d.ID), url.Values{"action": {tt.action}})
			if res.Code != http.StatusSeeOther {
				t.Fatalf("the action answered %d: %s", res.Code, res.Body.String())
			}
			open := tt.open
			if open == "" {
				open = res.Header().Get("Location")
			}
			session, _ := a.session("writer")
			req := httptest.NewRequest(http.MethodGet, open, nil)
			req.Header.Set("Accept", "text/html")
			req.AddCookie(&http.Cookie{Name: a.cookiePrefix + "copydesk_session", Value: session})
			for _, c := range res.Result().Cookies() {
				req.AddCookie(c)
			}
			page := httptest.NewRecorder()
			a.server.Handler().ServeHTTP(page, req)
			body := page.Body.String()
			for _, msg := range []string{flash, warning} {
				if shown := strings.Contains(body, msg); shown != (msg == tt.want) {
					t.Errorf("%s shows %q: %v, want %v", open, msg, shown, !shown)
				}
			}
		})
	}
}
