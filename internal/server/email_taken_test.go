package server_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/notify/smtptest"
	"github.com/copydesk/copydesk/internal/store"
)

// TestEmailOfAnotherAccount: an address another account holds is refused with a 409 that says
// why, not whose it is, and mails nothing, through the API, the account page and the users page,
// so that no one can have links mailed to a colleague; one another account merely waits to
// confirm is refused to no one beyond the gap between links.
func TestEmailOfAnotherAccount(t *testing.T) {
	a := newTestApp(t)
	srv := smtptest.Start(t, smtptest.Options{})
	a.withMail(srv, newsroom.MailSettings{Host: srv.Host, Port: srv.Port, StartTLS: newsroom.StartTLSOff, From: "desk@example.org"})
	if _, err := a.store.SetEmail(ctxAs(a, "admin"), a.users["editor"].ID, "Editor@Example.org"); err != nil {
		t.Fatal(err)
	}
	wantStatus(t, a.do("factchecker", "PUT", "/api/v1/me/email", `{"email":"checker@new.example"}`), http.StatusAccepted)
	mailed := len(srv.Messages())

	tests := []struct {
		name, addr, want string
	}{
		{"ErrHeld", "editor@example.org", "editor@example.org is the address of another account"},
		{"ErrHeldOtherCase", "EDITOR@EXAMPLE.ORG", "EDITOR@example.org is the address of another account"},
	}
	for _, tt := range tests {
		t.Run("API/"+tt.name, func(t *testing.T) {
			res := a.do("writer", "PUT", "/api/v1/me/email", fmt.Sprintf(`{"email":%q}`, tt.addr))
			wantStatus(t, res, http.StatusConflict)
			if !strings.Contains(res.Body.String(), tt.want) {
				t.Fatalf("body %s, want %q", res.Body, tt.want)
			}
		})
		t.Run("AccountPage/"+tt.name, func(t *testing.T) {
			res := a.page("other", "POST", "/account/email", url.Values{"email": {tt.addr}})
			wantStatus(t, res, http.StatusConflict)
			wantErrorAt(t, res, "email", "Email address not saved: "+tt.want)
		})
		t.Run("UsersPage/"+tt.name, func(t *testing.T) {
			res := a.page("admin", "POST", fmt.Sprintf("/admin/users/%d/email", a.users["other"].ID), url.Values{"email": {tt.addr}})
			wantStatus(t, res, http.StatusSeeOther)
			if got := flashOf(res); !strings.HasPrefix(got, "Not done: "+tt.want) {
				t.Fatalf("flash %q, want %q", got, tt.want)
			}
		})
	}
	if got := srv.Messages(); len(got) != mailed {
		t.Fatalf("the refusals mailed %+v", got[mailed:])
	}
	t.Run("WaitingHoldsNothing", func(t *testing.T) {
		a.clock.Add(store.EmailMailboxGap)
		wantStatus(t, a.do("writer", "PUT", "/api/v1/me/email", `{"email":"Checker@New.example"}`), http.StatusAccepted)
	})
}
