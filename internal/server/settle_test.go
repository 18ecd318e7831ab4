package server_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestTrailingSlashOnAppPages: a newsroom page asked for with a slash after it moves to the page
// without it, the same move for every viewer, signed in or not. The move used to be settled by
// asking for the page as the viewer, cookies and token and all, so a reader signed out was moved
// permanently (a 301, which browsers keep) to the sign-in form, and following a notification's
// link with a slash marked it read before the viewer had seen anything.
func TestTrailingSlashOnAppPages(t *testing.T) {
	a := newTestApp(t)
	d := a.draft(newsroom.StageDraft)
	a.comment(d.ID)
	nid := itoa(a.newestNotification("writer"))
	tests := []struct {
		name, via, actor, path, location string
	}{
		{"DraftAnonymous", "api", "", "/drafts/" + itoa(d.ID) + "/", "/drafts/" + itoa(d.ID)},
		{"DraftToken", "api", "editor", "/drafts/" + itoa(d.ID) + "/", "/drafts/" + itoa(d.ID)},
		{"DraftSession", "page", "writer", "/drafts/" + itoa(d.ID) + "/", "/drafts/" + itoa(d.ID)},
		{"DeskAnonymous", "api", "", "/desk/", "/desk"},
		{"DeskSession", "page", "editor", "/desk/", "/desk"},
		{"DeskQuery", "page", "editor", "/desk/?tab=mine", "/desk?tab=mine"},
		{"NotificationAnonymous", "api", "", "/notifications/" + nid + "/", "/notifications/" + nid},
		{"NotificationSession", "page", "writer", "/notifications/" + nid + "/", "/notifications/" + nid},
		{"AdminAnonymous", "api", "", "/admin/users/", "/admin/users"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := a.do(tt.actor, http.MethodGet, tt.path, "")
			if tt.via == "page" {
				res = a.page(tt.actor, http.MethodGet, tt.path, nil)
			}
			wantStatus(t, res, http.StatusMovedPermanently)
			if got := res.Header().Get("Location"); got != tt.location {
				t.Errorf("Location = %q, want %q", got, tt.location)
			}
		})
	}
	if body := a.page("writer", http.MethodGet, "/notifications", nil).Body.String(); !strings.Contains(body, `<li class="unread"><a href="/notifications/`+nid) {
		t.Errorf("following /notifications/%s/ marked the notification read before it was opened:\n%s", nid, body)
	}
}
