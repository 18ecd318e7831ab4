package server_test

import (
	"fmt"
	"io"
	"log/slog"
	"maps"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/notify"
	"github.com/copydesk/copydesk/internal/notify/smtptest"
)

// TestNotificationRepeats checks that one person cannot bury another in email and webhook posts
// by undoing and redoing what told them: taking an @name out of a comment and putting it back,
// deleting a comment and writing it again, leaving a desk to nobody and assigning it again. Each
// round is a notification, as it always was, but the person is emailed, through a real mail
// server, and the webhook posted, once an hour for the same one. What is another one is told as
// it comes: another actor's, another piece's, another desk's, an hour on; and so is a mention in
// a transition's note and a digest. A mention in a new thread on the person's piece, or in an
// answer in their thread, is held too, but the email of the new thread or the answer it stands
// for is not: it goes as it would without the @name, a new thread's after newsroom.BurstHold,
// and a thread written and deleted again folds into the one that waits.
func TestNotificationRepeats(t *testing.T) {
	type step struct {
		actor, method, url, body string
		wait                     time.Duration // a step with a wait only lets that time pass
		newPiece                 bool          // a step that only starts another piece, in fact-check
	}
	req := func(actor, method, url, body string) step {
		return step{actor: actor, method: method, url: url, body: body}
	}
	thread := func(actor, at, body string) step {
		return req(actor, "POST", "/api/v1/drafts/{draft}/comments", `{"field":"body",`+at+`,"body":"`+body+`"}`)
	}
	mention := thread("factchecker", `"start":0,"end":4`, "@editor look")
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
	returned := req("factchecker", "POST", "/api/v1/drafts/{draft}/transitions", `{"action":"return","note":"@editor this goes back"}`)
	submit := req("writer", "POST", "/api/v1/drafts/{draft}/transitions", `{"action":"submit"}`)
	later := step{wait: newsroom.RepeatQuiet}
	burstHold := step{wait: newsroom.BurstHold} // lets a new thread's email go
	repeat := func(n int, steps ...step) []step {
		var out []step
		for range n {
			out = append(out, steps...)
		}
		return out
	}
	toggle := func(n int) []step {
		return slices.Concat([]step{mention}, repeat(n-1, edit("look"), edit("@editor look")))
	}
	roles := maps.Clone(actorRoles)
	roles["chief"] = newsroom.RoleEditor // a second editor, who assigns the first
	for _, tc := range []struct {
		name      string
		steps     []step
		recipient string
		digest    bool
		kind      newsroom.NotificationKind
		// wantNotices counts the recipient's notifications of kind, wantEmails the emails of
		// kind the mail server got, wantDigest their rows waiting for the digest, and wantPosts
		// the webhook's posts of kind.
		wantNotices, wantEmails, wantDigest, wantPosts int
	}{
		{"NameToggledTwentyTimes", toggle(20), "editor", false, newsroom.NotifyMentioned, 20, 1, 0, 1},
		{"DeletedAndWrittenAgain", repeat(5, mention, deleteIt), "editor", false, newsroom.NotifyMentioned, 5, 1, 0, 1},
		{"AssignedAgainAndAgain", repeat(5, assign("editor", "fact_check", "factchecker"), unassign), "factchecker", false, newsroom.NotifyAssigned, 5, 1, 0, 1},
		{"MentionedInAnotherThread", []step{mention, thread("factchecker", `"start":5,"end":9`, "@editor urgent")}, "editor", false, newsroom.NotifyMentioned, 2, 1, 0, 1},
		{"AnHourOn", slices.Concat(toggle(3), []step{later}, toggle(3)[1:]), "editor", false, newsroom.NotifyMentioned, 5, 2, 0, 2},
		{"ByAnotherActor", []step{thread("chief", `"start":5,"end":9`, "@editor over to you"), mention, edit("look"), edit("@editor look")}, "editor", false, newsroom.NotifyMentioned, 3, 2, 0, 2},
		{"OnAnotherPiece", []step{mention, {newPiece: true}, mention}, "editor", false, newsroom.NotifyMentioned, 2, 2, 0, 2},
		{"AtAnotherDesk", []step{assign("chief", "editing", "editor"), assign("chief", "approved", "editor"), assign("chief", "editing", "chief"), assign("chief", "editing", "editor")},
			"editor", false, newsroom.NotifyAssigned, 3, 2, 0, 3},
		{"InATransitionNote", []step{returned, submit, returned}, "editor", false, newsroom.NotifyMentioned, 2, 2, 0, 2},
		{"NewThreadsNamingTheWriter", []step{thread("factchecker", `"start":0,"end":4`, "@writer look"), thread("factchecker", `"start":5,"end":9`, "@writer a second point"), burstHold},
			"writer", false, newsroom.NotifyMentioned, 2, 2, 0, 1},
		{"NewThreadsNamingTheWriterMinutesApart", []step{thread("factchecker", `"start":0,"end":4`, "@writer look"), {wait: 10 * time.Minute}, thread("factchecker", `"start":5,"end":9`, "@writer a second point"), burstHold},
			"writer", false, newsroom.NotifyMentioned, 2, 2, 0, 1},
		{"NewThreadNamingTheWriterDeletedAndWrittenAgain", slices.Concat(repeat(20, thread("factchecker", `"start":0,"end":4`, "@writer look"), deleteIt), []step{burstHold}),
			"writer", false, newsroom.NotifyMentioned, 20, 2, 0, 1},
		{"AnAnswerNamingThemInTheirThread", []step{thread("editor", `"start":0,"end":4`, "Is this right?"), thread("factchecker", `"start":5,"end":9`, "@editor see"), reply("factchecker", "@editor it is")},
			"editor", false, newsroom.NotifyMentioned, 2, 2, 0, 1},
		{"AnAnswerNamingThemMinutesLater", []step{thread("editor", `"start":0,"end":4`, "Is this right?"), thread("factchecker", `"start":5,"end":9`, "@editor see"), {wait: 10 * time.Minute}, reply("factchecker", "@editor it is")},
			"editor", false, newsroom.NotifyMentioned, 2, 2, 0, 1},
		{"OnTheDigest", toggle(5), "editor", true, newsroom.NotifyMentioned, 5, 0, 5, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := newWorkflowApp(t, nil, roles)
			hook := a.webhook()
			mail := smtptest.Start(t, smtptest.Options{})
			email := &notify.Email{Flags: newsroom.MailSettings{Host: mail.Host, Port: mail.Port, StartTLS: newsroom.StartTLSOff, From: "desk@example.org"},
				Saved: a.store.MailSettings, SiteName: "Copydesk", BaseURL: "https://desk.example.org"}
			stop := notify.Start(a.store, notify.Config{Channels: map[string]notify.Channel{newsroom.ChannelEmail: email}, Clock: a.clock,
				Node: "test", Every: 10 * time.Millisecond, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
			t.Cleanup(stop)
			addr := tc.recipient + "@example.org"
			if _, err := a.store.SetEmail(ctxAs(a, "admin"), a.users[tc.recipient].ID, addr); err != nil {
				t.Fatal(err)
			}
			if tc.digest {
				prefs := newsroom.DefaultNotificationPrefs()
				prefs.Digest = true
				if _, err := a.store.SetNotificationPrefs(ctxAs(a, tc.recipient), prefs); err != nil {
					t.Fatal(err)
				}
			}
			ids := map[string]int64{"{draft}": a.draft(newsroom.StageFactCheck).ID}
			for name, u := range a.users {
				ids["{"+name+"}"] = u.ID
			}
			for _, s := range tc.steps {
				switch {
				case s.wait > 0:
					a.clock.Add(s.wait)
					continue
				case s.newPiece:
					ids["{draft}"], ids["{thread}"] = a.draft(newsroom.StageFactCheck).ID, 0
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
				a.clock.Add(time.Second)
			}

			res := a.do(tc.recipient, "GET", "/api/v1/notifications?limit=200", "")
			wantStatus(t, res, http.StatusOK)
			notices := 0
			for _, n := range decode[struct {
				Notifications []struct{ Kind newsroom.NotificationKind }
			}](t, res).Notifications {
				if n.Kind == tc.kind {
					notices++
				}
			}
			var emailsOfKind, digest, posts int
			db := a.store.DB()
			if err := db.QueryRow(`SELECT COUNT(*) FROM deliveries d JOIN notifications n ON n.id = d.notification_id
				WHERE d.channel = $1 AND d.status <> $2 AND n.kind = $3`, newsroom.ChannelEmail, "digest", string(tc.kind)).Scan(&emailsOfKind); err != nil {
				t.Fatal(err)
			}
			if err := db.QueryRow("SELECT COUNT(*) FROM deliveries WHERE channel = $1 AND status = $2 AND recipient = $3", newsroom.ChannelEmail, "digest", addr).Scan(&digest); err != nil {
				t.Fatal(err)
			}
			if err := db.QueryRow("SELECT COUNT(*) FROM deliveries WHERE webhook_id = $1 AND payload LIKE $2", hook, `%"kind":"`+string(tc.kind)+`"%`).Scan(&posts); err != nil {
				t.Fatal(err)
			}
			var got []string
			if emailsOfKind > 0 {
				for _, m := range mail.Wait(t, emailsOfKind) {
					if slices.Contains(m.To, addr) {
						got = append(got, m.Subject)
					}
				}
			}
			time.Sleep(100 * time.Millisecond)
			if n := len(mail.Messages()); n != emailsOfKind {
				t.Errorf("the mail server got %d emails, the outbox holds %d", n, emailsOfKind)
			}
			if notices != tc.wantNotices || len(got) != tc.wantEmails || digest != tc.wantDigest || posts != tc.wantPosts {
				t.Errorf("%s has %d %s notifications, %d emails %q and %d digest rows, and the webhook %d posts; want %d, %d, %d and %d",
					tc.recipient, notices, tc.kind, len(got), got, digest, posts, tc.wantNotices, tc.wantEmails, tc.wantDigest, tc.wantPosts)
			}
		})
	}
}

// TestNotificationRepeatsAfterAFailure checks that an email or a webhook post that failed
// (bounced, expired, given up) does not hold the next of the same mention: it told nobody, so
// the next is sent as it comes on that channel, and only on that one.
func TestNotificationRepeatsAfterAFailure(t *testing.T) {
	for _, tc := range []struct {
		name                 string
		failed               string // which deliveries of the first mention fail
		wantEmails, wantPost int    // the editor's emails and the webhook's mention posts, the first's included
	}{
		{"EmailFailed", "channel = 'email'", 2, 1},
		{"PostFailed", "webhook_id IS NOT NULL", 1, 2},
		{"BothFailed", "channel = 'email' OR webhook_id IS NOT NULL", 2, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := newWorkflowApp(t, nil, actorRoles)
			hook := a.webhook()
			if _, err := a.store.SetEmail(ctxAs(a, "admin"), a.users["editor"].ID, "editor@example.org"); err != nil {
				t.Fatal(err)
			}
			d := a.draft(newsroom.StageFactCheck).ID
			res := a.do("factchecker", "POST", fmt.Sprintf("/api/v1/drafts/%d/comments", d), `{"field":"body","start":0,"end":4,"body":"@editor look"}`)
			wantStatus(t, res, http.StatusCreated)
			c := decode[newsroom.Comment](t, res).ID
			db := a.store.DB()
			if _, err := db.Exec(`UPDATE deliveries SET status = 'failed', last_error = '550 mailbox unavailable' WHERE ` + tc.failed); err != nil {
				t.Fatal(err)
			}
			a.clock.Add(time.Minute)
			for _, body := range []string{"look", "@editor look"} {
				wantStatus(t, a.do("factchecker", "PATCH", fmt.Sprintf("/api/v1/comments/%d", c), `{"body":"`+body+`"}`), http.StatusOK)
			}
			var emails, posts int
			if err := db.QueryRow("SELECT COUNT(*) FROM deliveries WHERE channel = $1 AND recipient = $2",
				newsroom.ChannelEmail, "editor@example.org").Scan(&emails); err != nil {
				t.Fatal(err)
			}
			if err := db.QueryRow("SELECT COUNT(*) FROM deliveries WHERE webhook_id = $1 AND payload LIKE $2",
				hook, `%"kind":"mentioned"%`).Scan(&posts); err != nil {
				t.Fatal(err)
			}
			if emails != tc.wantEmails || posts != tc.wantPost {
				t.Errorf("with the first failed, the editor has %d emails and the webhook %d posts; want %d and %d", emails, posts, tc.wantEmails, tc.wantPost)
			}
		})
	}
}

// TestNotificationRepeatsAfterADigest checks that a mention's row in a daily digest does not
// hold the next of the same mention by email once the person leaves the digest, whether the
// digest has gone (its rows marked sent, as RecordDigest does) or not: the digest is one email
// a day, not the mention's own.
func TestNotificationRepeatsAfterADigest(t *testing.T) {
	for _, tc := range []struct {
		name, digestWent string
	}{
		{"DigestWaiting", ""},
		{"DigestSent", "UPDATE deliveries SET status = 'sent', sent_at = created_at WHERE status = 'digest'"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := newWorkflowApp(t, nil, actorRoles)
			if _, err := a.store.SetEmail(ctxAs(a, "admin"), a.users["editor"].ID, "editor@example.org"); err != nil {
				t.Fatal(err)
			}
			prefs := newsroom.DefaultNotificationPrefs()
			prefs.Digest = true
			if _, err := a.store.SetNotificationPrefs(ctxAs(a, "editor"), prefs); err != nil {
				t.Fatal(err)
			}
			d := a.draft(newsroom.StageFactCheck).ID
			wantStatus(t, a.do("factchecker", "POST", fmt.Sprintf("/api/v1/drafts/%d/comments", d), `{"field":"body","start":0,"end":4,"body":"@editor look"}`), http.StatusCreated)
			if tc.digestWent != "" {
				if _, err := a.store.DB().Exec(tc.digestWent); err != nil {
					t.Fatal(err)
				}
			}
			prefs.Digest = false
			if _, err := a.store.SetNotificationPrefs(ctxAs(a, "editor"), prefs); err != nil {
				t.Fatal(err)
			}
			a.clock.Add(10 * time.Minute)
			wantStatus(t, a.do("factchecker", "POST", fmt.Sprintf("/api/v1/drafts/%d/comments", d), `{"field":"body","start":5,"end":9,"body":"@editor another"}`), http.StatusCreated)
			var n int
			if err := a.store.DB().QueryRow("SELECT COUNT(*) FROM deliveries WHERE channel = $1 AND status = $2 AND recipient = $3",
				newsroom.ChannelEmail, "pending", "editor@example.org").Scan(&n); err != nil {
				t.Fatal(err)
			}
			if n != 1 {
				t.Errorf("the editor has %d emails of the mention after leaving the digest, want 1", n)
			}
		})
	}
}
