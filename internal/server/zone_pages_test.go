package server_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestPagesShowTimesInTheNewsroomsZone: every time a page shows, a comment's and a reply's as
// much as a due time, is in the newsroom's time zone with its abbreviation, never in UTC.
func TestPagesShowTimesInTheNewsroomsZone(t *testing.T) {
	a := newTestApp(t)
	if err := a.store.SetTimeZone(ctxAs(a, "admin"), "Asia/Kolkata"); err != nil {
		t.Fatal(err)
	}
	kolkata, err := time.LoadLocation("Asia/Kolkata")
	if err != nil {
		t.Fatal(err)
	}
	local := a.clock.Now().In(kolkata).Format("Mon Jan 2, 2006 15:04 MST")
	hook := a.webhook()
	d := a.draft(newsroom.StageFactCheck)
	cid := a.comment(d.ID)
	if _, err := a.store.Reply(ctxAs(a, "writer"), cid, newsroom.NewReply{Body: "Checked."}); err != nil {
		t.Fatal(err)
	}
	if _, err := a.store.Transition(ctxAs(a, "factchecker"), d.ID, newsroom.TransitionRequest{Action: "return", Note: "Name the source."}); err != nil {
		t.Fatal(err)
	}
	unmerged := a.staleSave(d.ID, "A save of its own with a “quote”.")
	draft := fmt.Sprintf("/drafts/%d", d.ID)

	tests := []struct {
		name, actor, url string
		want             []string
	}{
		{"Notice", "writer", draft, []string{"Sent with “Return to writer with a note” on " + local + "."}},
		{"QuoteHistory", "editor", draft, []string{`<span class="muted">` + local + `, version 1:</span>`}},
		{"WhoWasTold", "editor", draft, []string{"<li>" + local + " — <bdi>Writer</bdi> in the app"}},
		{"Inbox", "writer", "/inbox", nil},
		{"Notifications", "writer", "/notifications", nil},
		{"AccountSessions", "writer", "/account", []string{"<td>" + local + "</td>"}},
		{"Search", "writer", "/desk?q=draft", []string{"<bdi>Writer</bdi>, " + local + "</span>"}},
		{"Unmerged", "writer", fmt.Sprintf("%s/unmerged/%d", draft, unmerged), []string{"by <bdi>Writer</bdi>, " + local + ", based on version 1"}},
		{"Conflict", "writer", fmt.Sprintf("%s/unmerged/%d/merge", draft, unmerged), []string{"Your save of " + local + ", based on version 1"}},
		{"WebhookLog", "admin", fmt.Sprintf("/admin/webhooks/%d", hook), []string{`<span class="muted">` + local}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := a.page(tt.actor, "GET", tt.url, nil)
			wantStatus(t, res, http.StatusOK)
			body := res.Body.String()
			if !strings.Contains(body, local) {
				t.Fatalf("the page shows no time as %q:\n%s", local, body)
			}
			wantBody(t, res, tt.want...)
			if strings.Contains(body, " UTC") {
				t.Fatalf("the page shows a time in UTC, not in Asia/Kolkata:\n%s", body)
			}
		})
	}
	t.Run("CommentAndReplyTimes", func(t *testing.T) {
		body := a.page("writer", "GET", draft, nil).Body.String()
		if n := strings.Count(body, `">`+local+`</time>`); n != 2 {
			t.Fatalf("%d times of a comment or reply read %q, want 2:\n%s", n, local, body)
		}
	})
}
