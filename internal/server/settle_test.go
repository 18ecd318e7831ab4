package server_test

import (
	"net/http"
	"regexp"
	"strconv"
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

// TestSettleIsNoClientsRequest: the request the server makes to see where a moved public page
// leads is its own, not a client's, so the metrics count and the log records only the move a
// client asked for, where they also counted a 200 of the article no client had asked for.
func TestSettleIsNoClientsRequest(t *testing.T) {
	a := newTestApp(t)
	seedPublished(t, a, 2)
	logs := a.captureLogs()
	for _, path := range []string{"/articles/piece-1/", "/articles/Piece-1", "/page/1/"} {
		wantStatus(t, a.do("", http.MethodGet, path, ""), http.StatusMovedPermanently)
	}
	var paths []string
	for _, l := range logs.lines(t) {
		if l["msg"] == "request" {
			paths = append(paths, l["path"].(string))
		}
	}
	if want := "/articles/piece-1/ /articles/Piece-1 /page/1/"; strings.Join(paths, " ") != want {
		t.Errorf("request lines for %q, want one for each request a client made, %q", paths, want)
	}
	metrics := a.do("admin", http.MethodGet, "/metrics", "").Body.String()
	series := regexp.MustCompile(`copydesk_http_requests_total\{[^}]*\} \d+`).FindAllString(metrics, -1)
	var answered []string
	for _, s := range series {
		if strings.Contains(s, `status="200"`) && !strings.Contains(s, `route="/metrics"`) {
			answered = append(answered, s)
		}
	}
	if len(answered) != 0 {
		t.Errorf("requests counted as answered 200, where clients were only moved: %q", answered)
	}
	moved := 0
	for _, s := range series {
		if strings.Contains(s, `status="301"`) {
			n, err := strconv.Atoi(s[strings.LastIndexByte(s, ' ')+1:])
			if err != nil {
				t.Fatal(err)
			}
			moved += n
		}
	}
	if moved != 3 {
		t.Errorf("%d moves counted, want 3:\n%s", moved, strings.Join(series, "\n"))
	}
}
