package server_test

import (
	"fmt"
	"maps"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestNotificationRepeats checks that one person cannot bury another in the same notification,
// email or webhook post by undoing and redoing what made it: taking an @name out of a comment
// and putting it back, deleting a comment and writing it again, assigning a desk, leaving it to
// nobody and assigning it again. Each tells its person once while they have not read it, and
// again once they have, or an hour on; a repeat elsewhere on the piece moves the unread
// notification there. What says something new is told as it comes: a new thread or an answer
// that names them, a mention by someone else, an assignment at another desk.
func TestNotificationRepeats(t *testing.T) {
	type step struct {
		actor, method, url, body string
		wait                     time.Duration // a step with a wait only lets that time pass
	}
	req := func(actor, method, url, body string) step {
		return step{actor: actor, method: method, url: url, body: body}
	}
	thread := func(actor, at, body string) step {
		return req(actor, "POST", "/api/v1/drafts/{draft}/comments", `{"field":"body",`+at+`,"body":"`+body+`"}`)
	}
	mention := thread("factchecker", `"start":0,"end":4`, "@editor look")
	elsewhere := thread("factchecker", `"start":5,"end":9`, "@editor urgent: a legal problem here")
	edit := func(body string) step {
		return req("factchecker", "PATCH", "/api/v1/comments/{comment}", `{"body":"`+body+`"}`)
	}
	deleteIt := req("factchecker", "DELETE", "/api/v1/comments/{comment}", "")
	reply := func(actor, body string) step {
		return req(actor, "POST", "/api/v1/comments/{thread}/replies", `{"body":"`+body+`"}`)
	}
	assign := func(by, desk, who string) step {
		return req(by, "PUT", "/api/v1/drafts/{draft}/assignees/"+desk, `{"user_id":{`+who+`}}`)
	}
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
	roles := maps.Clone(actorRoles)
	roles["chief"] = newsroom.RoleEditor // a second editor, who assigns the first
	for _, tc := range []struct {
		name       string
		steps      []step
		recipient  string
		kind       newsroom.NotificationKind
		wantAll    int
		wantUnread int
		// wantEmails counts the recipient's emails of every kind, wantPosts the webhook's posts
		// of kind; wantLink names the thread one of the recipient's notifications must link to:
		// "{comment}", the newest thread, or "{thread}", the first.
		wantEmails, wantPosts int
		wantLink              string
	}{
		{"EditDropsAndRestoresTheName", then([]step{mention}, repeat(5, edit("look"), edit("@editor look"))), "editor", newsroom.NotifyMentioned, 1, 1, 1, 1, "{comment}"},
		{"DeleteAndWriteAgain", repeat(5, mention, deleteIt), "editor", newsroom.NotifyMentioned, 1, 1, 1, 1, "{comment}"},
		{"MentionedInAnotherThread", []step{mention, elsewhere}, "editor", newsroom.NotifyMentioned, 1, 1, 1, 1, "{comment}"},
		{"MentionedAgainOnceRead", []step{mention, readAll("editor"), edit("look"), edit("@editor look")}, "editor", newsroom.NotifyMentioned, 2, 1, 2, 2, "{comment}"},
		{"MentionedAgainAnHourOn", []step{mention, later, edit("look"), edit("@editor look")}, "editor", newsroom.NotifyMentioned, 2, 2, 2, 2, "{comment}"},
		{"AnHourOnFromTheFirstHoweverManyBetween", then([]step{mention}, repeat(3, step{wait: newsroom.RepeatHold / 3}, edit("look"), edit("@editor look"))), "editor", newsroom.NotifyMentioned, 2, 2, 2, 2, "{comment}"},
		{"MentionedByAnotherPerson", []step{mention, reply("writer", "@editor over to you")}, "editor", newsroom.NotifyMentioned, 2, 2, 2, 2, "{comment}"},
		{"NewThreadNamingTheWriter", []step{thread("factchecker", `"start":0,"end":4`, "@writer look"), thread("factchecker", `"start":5,"end":9`, "@writer a second point")},
			"writer", newsroom.NotifyMentioned, 1, 1, 2, 1, "{comment}"},
		{"AnswerNamingThemInTheirThread", []step{thread("editor", `"start":0,"end":4`, "Is this right?"), elsewhere, reply("factchecker", "@editor it is")},
			"editor", newsroom.NotifyMentioned, 1, 1, 2, 1, "{thread}"},
		{"AssignedAgainAndAgain", repeat(5, assign("editor", "fact_check", "factchecker"), unassign), "factchecker", newsroom.NotifyAssigned, 1, 1, 1, 1, ""},
		{"AssignedAgainOnceRead", []step{assign("editor", "fact_check", "factchecker"), unassign, readAll("factchecker"), assign("editor", "fact_check", "factchecker")}, "factchecker", newsroom.NotifyAssigned, 2, 1, 2, 2, ""},
		{"AssignedAtAnotherDesk", []step{assign("chief", "editing", "editor"), assign("chief", "approved", "editor")}, "editor", newsroom.NotifyAssigned, 2, 2, 2, 2, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := newWorkflowApp(t, nil, roles)
			a.webhook()
			addr := tc.recipient + "@example.org"
			if _, err := a.store.SetEmail(ctxAs(a, "admin"), a.users[tc.recipient].ID, addr); err != nil {
				t.Fatal(err)
			}
			d := a.draft(newsroom.StageFactCheck)
			ids := map[string]int64{"{draft}": d.ID}
			for name, u := range a.users {
				ids["{"+name+"}"] = u.ID
			}
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
				if s.method == "POST" && strings.HasSuffix(s.url, "/{draft}/comments") {
					ids["{comment}"] = decode[newsroom.Comment](t, res).ID
					if ids["{thread}"] == 0 {
						ids["{thread}"] = ids["{comment}"]
					}
				}
			}
			res := a.do(tc.recipient, "GET", "/api/v1/notifications?limit=200", "")
			wantStatus(t, res, http.StatusOK)
			all, unread, linked := 0, 0, false
			for _, n := range decode[struct {
				Notifications []struct {
					Kind newsroom.NotificationKind
					Link string
					Read bool
				}
			}](t, res).Notifications {
				linked = linked || tc.wantLink != "" && n.Link == newsroom.ThreadLink(d.ID, ids[tc.wantLink])
				if n.Kind != tc.kind {
					continue
				}
				all++
				if !n.Read {
					unread++
				}
			}
			if all != tc.wantAll || unread != tc.wantUnread {
				t.Errorf("%s has %d %s notifications, %d unread; want %d, %d unread", tc.recipient, all, tc.kind, unread, tc.wantAll, tc.wantUnread)
			}
			if tc.wantLink != "" && !linked {
				t.Errorf("no notification of %s links to the thread %s", tc.recipient, tc.wantLink)
			}
			var emails, posts int
			if err := a.store.DB().QueryRow("SELECT COUNT(*) FROM deliveries WHERE channel = $1 AND recipient = $2", newsroom.ChannelEmail, addr).Scan(&emails); err != nil {
				t.Fatal(err)
			}
			if err := a.store.DB().QueryRow("SELECT COUNT(*) FROM deliveries WHERE channel = $1 AND payload LIKE $2", newsroom.ChannelWebhook, `%"kind":"`+string(tc.kind)+`"%`).Scan(&posts); err != nil {
				t.Fatal(err)
			}
			if emails != tc.wantEmails || posts != tc.wantPosts {
				t.Errorf("%s got %d emails and the webhook %d %s posts; want %d and %d", tc.recipient, emails, posts, tc.kind, tc.wantEmails, tc.wantPosts)
			}
		})
	}
}
