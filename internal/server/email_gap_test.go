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

// TestEmailColleaguesCannotHoldAnAddress: two colleagues asking in turn for a third person's
// address, one link every few minutes between them and each within their own limits, do not
// keep its owner from a link: the gap between links is each asker's own, so the owner's link is
// mailed at once, right after a colleague's, and confirms the address.
func TestEmailColleaguesCannotHoldAnAddress(t *testing.T) {
	a := newTestApp(t)
	srv := smtptest.Start(t, smtptest.Options{})
	a.withMail(srv, newsroom.MailSettings{Host: srv.Host, Port: srv.Port, StartTLS: newsroom.StartTLSOff, From: "desk@example.org"})
	const addr = "checker@home.example"
	body := fmt.Sprintf(`{"email":%q}`, addr)
	for i, asker := range []string{"writer", "other", "writer", "other"} {
		a.clock.Add(store.EmailMailboxGap)
		res := a.do(asker, "PUT", "/api/v1/me/email", body)
		if res.Code != http.StatusAccepted {
			t.Fatalf("ask %d, by %s: status %d, body %s", i+1, asker, res.Code, res.Body)
		}
	}
	mailed := len(srv.Messages())

	res := a.page("factchecker", "POST", "/account/email", url.Values{"email": {addr}})
	wantStatus(t, res, http.StatusSeeOther)
	if got := flashOf(res); !strings.HasPrefix(got, "We sent a link to "+addr) {
		t.Fatalf("the owner's flash %q", got)
	}
	got := srv.Messages()
	if len(got) != mailed+1 || got[mailed].To[0] != addr {
		t.Fatalf("the mail server got %d emails, the last %+v; want the owner's link to %s", len(got), got[len(got)-1], addr)
	}
	token, _ := url.ParseQuery(strings.SplitN(linkIn(t, got[mailed]), "?", 2)[1])
	wantStatus(t, a.page("factchecker", "POST", "/account/email/confirm", url.Values{"token": token["token"]}), http.StatusSeeOther)
	wantBody(t, a.page("factchecker", "GET", "/account", nil), "Email goes to <strong>"+addr+"</strong>.")
	t.Run("ErrColleagueAfterwards", func(t *testing.T) {
		a.clock.Add(store.EmailMailboxGap)
		wantStatus(t, a.do("writer", "PUT", "/api/v1/me/email", body), http.StatusConflict)
	})
}
