package server_test

import (
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/notify"
	"github.com/copydesk/copydesk/internal/notify/smtptest"
)

// TestCommentBurstTellsTheWriterOnce has an editor open five threads on a piece in a minute
// through the API: the writer gets one unread notification that counts them and, through a real
// mail server, one email, not five of each, and the piece's notification log says just that.
// A thread after that email went is told in a mail of its own; once the writer has read the
// notification, the next thread makes a new one, and another person's threads are told apart.
func TestCommentBurstTellsTheWriterOnce(t *testing.T) {
	a := newTestApp(t)
	mail := smtptest.Start(t, smtptest.Options{})
	email := &notify.Email{Flags: newsroom.MailSettings{Host: mail.Host, Port: mail.Port, StartTLS: newsroom.StartTLSOff, From: "desk@example.org"},
		Saved: a.store.MailSettings, SiteName: "Copydesk", BaseURL: "https://desk.example.org"}
	stop := notify.Start(a.store, notify.Config{Channels: map[string]notify.Channel{newsroom.ChannelEmail: email}, Clock: a.clock,
		Node: "test", Every: 10 * time.Millisecond, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	t.Cleanup(stop)
	if _, err := a.store.SetEmail(ctxAs(a, "admin"), a.users["writer"].ID, "writer@example.org"); err != nil {
		t.Fatal(err)
	}
	d := a.draft(newsroom.StageEditing)
	comment := func(actor string, n int) {
		t.Helper()
		for i := 0; i < n; i++ {
			wantStatus(t, a.do(actor, "POST", fmt.Sprintf("/api/v1/drafts/%d/comments", d.ID), `{"field":"body","start":0,"end":4,"body":"Check this."}`), http.StatusCreated)
			a.clock.Add(10 * time.Second)
		}
	}
	unread := func() []string {
		t.Helper()
		res := a.do("writer", "GET", "/api/v1/notifications?unread=1", "")
		wantStatus(t, res, http.StatusOK)
		var subjects []string
		for _, n := range decode[struct {
			Notifications []struct{ Subject, Link string }
		}](t, res).Notifications {
			subjects = append(subjects, n.Subject+" "+n.Link)
		}
		return subjects
	}
	wantUnread := func(want ...string) {
		t.Helper()
		if got := unread(); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("the writer's unread notifications are %q, want %q", got, want)
		}
	}
	mailed := func(n int) []string {
		t.Helper()
		a.clock.Add(newsroom.BurstHold)
		var subjects []string
		for _, m := range mail.Wait(t, n) {
			subjects = append(subjects, m.Subject)
		}
		return subjects
	}
	threads := fmt.Sprintf("/drafts/%d#comments", d.ID)

	comment("editor", 5)
	wantUnread("Editor made 5 new comments on “A draft” " + threads)
	if got := mailed(1); len(got) != 1 || got[0] != "Editor made 5 new comments on “A draft”" {
		t.Fatalf("the mail server got %q", got)
	}
	res := a.do("writer", "GET", fmt.Sprintf("/api/v1/drafts/%d/notifications", d.ID), "")
	wantStatus(t, res, http.StatusOK)
	var told []string
	for _, e := range decode[struct{ Notifications []newsroom.NoticeLogEntry }](t, res).Notifications {
		told = append(told, e.Channel+": "+e.Subject)
	}
	if want := []string{"app: Editor made 5 new comments on “A draft”", "email: Editor made 5 new comments on “A draft”"}; fmt.Sprint(told) != fmt.Sprint(want) {
		t.Fatalf("the notification log says %q, want %q", told, want)
	}

	comment("editor", 2)
	wantUnread("Editor made 7 new comments on “A draft” " + threads)
	if got := mailed(2); len(got) != 2 || got[1] != "Editor made 2 new comments on “A draft”" {
		t.Fatalf("after the first email went, the mail server got %q", got)
	}

	wantStatus(t, a.do("writer", "POST", "/api/v1/notifications/read-all", ""), http.StatusOK)
	comment("editor", 1)
	comment("factchecker", 2)
	wantUnread("Factchecker made 2 new comments on “A draft” "+threads, "Editor commented on “A draft” "+newsroom.ThreadLink(d.ID, 8))
	if got := mailed(4); len(got) != 4 {
		t.Fatalf("the mail server got %q", got)
	}
	time.Sleep(100 * time.Millisecond)
	if got := mail.Messages(); len(got) != 4 {
		t.Fatalf("the mail server got %d emails for four bursts", len(got))
	}
}
