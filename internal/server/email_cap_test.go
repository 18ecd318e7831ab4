package server_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/notify/smtptest"
	"github.com/copydesk/copydesk/internal/store"
)

// TestEmailMailboxCapRefusal: once a mailbox has had its links for the hour, a person whose own
// link to it is in the hour is refused with 429, on the account page, its Resend button and the
// API alike, told to come back when their own link leaves the hour, and nothing is mailed.
func TestEmailMailboxCapRefusal(t *testing.T) {
	actors := map[string]newsroom.Role{"owner": newsroom.RoleWriter}
	for i := range store.EmailMailboxLinksPerHour {
		actors[fmt.Sprintf("filler%d", i)] = newsroom.RoleWriter
	}
	a := newWorkflowApp(t, nil, actors)
	srv := smtptest.Start(t, smtptest.Options{})
	a.withMail(srv, newsroom.MailSettings{Host: srv.Host, Port: srv.Port, StartTLS: newsroom.StartTLSOff, From: "desk@example.org"})
	const addr = "owner@home.example"
	for i := range store.EmailMailboxLinksPerHour {
		// Each asks for a tag of their own: the cap counts them as one mailbox all the same.
		body := fmt.Sprintf(`{"email":"owner+%d@home.example"}`, i)
		wantStatus(t, a.do(fmt.Sprintf("filler%d", i), "PUT", "/api/v1/me/email", body), http.StatusAccepted)
		a.clock.Add(time.Minute)
	}
	res := a.page("owner", "POST", "/account/email", url.Values{"email": {addr}})
	wantStatus(t, res, http.StatusSeeOther)
	if got := flashOf(res); !strings.HasPrefix(got, "We sent a link to "+addr) {
		t.Fatalf("the owner's first link of the hour: flash %q", got)
	}
	mailed := len(srv.Messages())

	a.clock.Add(store.EmailMailboxGap + time.Minute)
	wait := time.Hour - store.EmailMailboxGap - time.Minute
	want := fmt.Sprintf("%s was mailed many links this hour; try again in %d minutes", addr, int(wait/time.Minute))
	retry := fmt.Sprint(int(wait / time.Second))
	t.Run("ErrAccountPage", func(t *testing.T) {
		res := a.page("owner", "POST", "/account/email", url.Values{"email": {addr}})
		wantStatus(t, res, http.StatusTooManyRequests)
		wantBody(t, res, "Email address not saved: "+want, `value="`+addr+`"`)
		if got := res.Header().Get("Retry-After"); got != retry {
			t.Fatalf("Retry-After %q, want %s", got, retry)
		}
	})
	t.Run("ErrResend", func(t *testing.T) {
		if got := flashOf(a.page("owner", "POST", "/account/email/resend", nil)); got != "Not done: "+want {
			t.Fatalf("resend flash %q, want %q", got, "Not done: "+want)
		}
	})
	t.Run("ErrAPI", func(t *testing.T) {
		res := a.do("owner", "PUT", "/api/v1/me/email", `{"email":"`+addr+`"}`)
		wantStatus(t, res, http.StatusTooManyRequests)
		wantBody(t, res, want)
		if got := res.Header().Get("Retry-After"); got != retry {
			t.Fatalf("Retry-After %q, want %s", got, retry)
		}
	})
	if n := len(srv.Messages()); n != mailed {
		t.Fatalf("the mail server got %d emails after the refusals, want %d", n, mailed)
	}
	t.Run("GoesWhenPromised", func(t *testing.T) {
		a.clock.Add(wait)
		res := a.page("owner", "POST", "/account/email", url.Values{"email": {addr}})
		wantStatus(t, res, http.StatusSeeOther)
		if got := flashOf(res); !strings.HasPrefix(got, "We sent a link to "+addr) {
			t.Fatalf("flash %q", got)
		}
	})
}
