package server_test

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestNotificationRepeats checks that one person cannot bury another in the same notification
// by undoing and redoing what made it: taking an @name out of a comment and putting it back,
// deleting a comment and writing it again, assigning a desk, leaving it to nobody and assigning
// it again. Each tells its person once while they have not read it, and again once they have,
// or an hour on.
func TestNotificationRepeats(t *testing.T) {
	type step struct {
		actor, method, url, body string
		wait                     time.Duration // a step with a wait only lets that time pass
	}
	req := func(actor, method, url, body string) step {
		return step{actor: actor, method: method, url: url, body: body}
	}
	mention := req("factchecker", "POST", "/api/v1/drafts/{draft}/comments", `{"field":"body","start":0,"end":4,"body":"@editor look"}`)
	edit := func(body string) step {
		return req("factchecker", "PATCH", "/api/v1/comments/{comment}", `{"body":"`+body+`"}`)
	}
	deleteIt := req("factchecker", "DELETE", "/api/v1/comments/{comment}", "")
	reply := req("writer", "POST", "/api/v1/comments/{comment}/replies", `{"body":"@editor over to you"}`)
	assign := req("editor", "PUT", "/api/v1/drafts/{draft}/assignees/fact_check", `{"user_id":{factchecker}}`)
	unassign := req("editor", "DELETE", "/api/v1/drafts/{draft}/assignees/fact_check", "")
	later := step{wait: newsroom.RepeatHold}
	readAll := func(actor string) step { return req(actor, "POST", "/api/v1/notifications/read-all", "") }
	repeat := func(n int, steps ...step) []step {
		var out []step
		for range n {
			out = append(out, steps...)
		}
		return out
	}
	then := func(parts ...[]step) []step { return slices.Concat(parts...) }
	for _, tc := range []struct {
		name       string
		steps      []step
		recipient  string
		kind       newsroom.NotificationKind
		wantAll    int
		wantUnread int
	}{
		{"EditDropsAndRestoresTheName", then([]step{mention}, repeat(5, edit("look"), edit("@editor look"))), "editor", newsroom.NotifyMentioned, 1, 1},
		{"DeleteAndWriteAgain", repeat(5, mention, deleteIt), "editor", newsroom.NotifyMentioned, 1, 1},
		{"MentionedAgainOnceRead", []step{mention, readAll("editor"), edit("look"), edit("@editor look")}, "editor", newsroom.NotifyMentioned, 2, 1},
		{"MentionedAgainAnHourOn", []step{mention, later, edit("look"), edit("@editor look")}, "editor", newsroom.NotifyMentioned, 2, 2},
		{"MentionedByAnotherPerson", []step{mention, reply}, "editor", newsroom.NotifyMentioned, 2, 2},
		{"AssignedAgainAndAgain", repeat(5, assign, unassign), "factchecker", newsroom.NotifyAssigned, 1, 1},
		{"AssignedAgainOnceRead", []step{assign, unassign, readAll("factchecker"), assign}, "factchecker", newsroom.NotifyAssigned, 2, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := newTestApp(t)
			d := a.draft(newsroom.StageFactCheck)
			ids := map[string]int64{"{draft}": d.ID, "{factchecker}": a.users["factchecker"].ID}
			for _, s := range tc.steps {
				if s.wait > 0 {
					a.clock.Add(s.wait)
					continue
				}
				url, body := s.url, s.body
				for k, id := range ids {
					url, body = strings.ReplaceAll(url, k, fmt.Sprint(id)), strings.ReplaceAll(body, k, fmt.Sprint(id))
				}
				res := a.do(s.actor, s.method, url, body)
				if res.Code >= 300 {
					t.Fatalf("%s %s: status %d: %s", s.method, url, res.Code, res.Body)
				}
				if s == mention {
					ids["{comment}"] = decode[newsroom.Comment](t, res).ID
				}
			}
			res := a.do(tc.recipient, "GET", "/api/v1/notifications?limit=200", "")
			wantStatus(t, res, http.StatusOK)
			all, unread := 0, 0
			for _, n := range decode[struct {
				Notifications []struct {
					Kind newsroom.NotificationKind
					Read bool
				}
			}](t, res).Notifications {
				if n.Kind != tc.kind {
					continue
				}
				all++
				if !n.Read {
					unread++
				}
			}
			if all != tc.wantAll || unread != tc.wantUnread {
				t.Fatalf("%s has %d %s notifications, %d unread; want %d, %d unread", tc.recipient, all, tc.kind, unread, tc.wantAll, tc.wantUnread)
			}
		})
	}
}
