package server_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/notify/smtptest"
	"github.com/copydesk/copydesk/internal/store"
)

// confirmLink is the link in an email that confirms an address, as a path on the site.
var confirmLink = regexp.MustCompile(`https://desk\.example\.org(/account/email/confirm\?token=[A-Za-z0-9_%-]+)`)

// linkIn returns the confirmation link in m, failing the test when there is none.
func linkIn(t *testing.T, m smtptest.Message) string {
	t.Helper()
	got := confirmLink.FindStringSubmatch(m.Text)
	if got == nil {
		t.Fatalf("no confirmation link in %q", m.Text)
	}
	return got[1]
}

// TestEmailChangeConfirmed: a person's new address waits until they follow the link a real mail
// server received for it, and confirm on the page it opens (opening it confirms nothing); email
// goes to the old address until then, and the old address is told once it changes. A link works
// once, for the person it was mailed to, until it expires, and one person has a link mailed to
// one address at most once in a few minutes.
func TestEmailChangeConfirmed(t *testing.T) {
	a := newTestApp(t)
	srv := smtptest.Start(t, smtptest.Options{})
	a.withMail(srv, newsroom.MailSettings{Host: srv.Host, Port: srv.Port, StartTLS: newsroom.StartTLSOff, From: "desk@example.org"})
	if _, err := a.store.SetEmail(ctxAs(a, "admin"), a.users["writer"].ID, "writer@old.example"); err != nil {
		t.Fatal(err)
	}
	addressOf := func(t *testing.T) string {
		t.Helper()
		me := decode[struct {
			User struct{ Email string } `json:"user"`
		}](t, a.do("", "POST", "/api/v1/login", `{"username":"writer","password":"pw-writer-staple"}`))
		return me.User.Email
	}

	res := a.page("writer", "POST", "/account/email", url.Values{"email": {"Writer@New.Example"}})
	wantStatus(t, res, http.StatusSeeOther)
	if got := flashOf(res); got != "We sent a link to Writer@new.example: follow it to have email go there. Until then it goes to writer@old.example." {
		t.Fatalf("flash %q", got)
	}
	got := srv.Messages()
	if len(got) != 1 || got[0].To[0] != "Writer@new.example" || got[0].Subject != "Copydesk: confirm your email address" {
		t.Fatalf("the mail server got %+v", got)
	}
	link := linkIn(t, got[0])
	// The address may be a stranger's: the mail offers it no choice of what comes by email.
	if strings.Contains(got[0].Text, "Choose what you get by email") || !strings.Contains(got[0].Text, "someone gave this address") {
		t.Fatalf("the confirmation mail's text is %q", got[0].Text)
	}
	if addressOf(t) != "writer@old.example" {
		t.Fatalf("before the link is followed, email goes to %q", addressOf(t))
	}
	wantBody(t, a.page("writer", "GET", "/account", nil), "Email goes to <strong>writer@old.example</strong>.",
		"Pending: <strong>Writer@new.example</strong> — we sent a link", `action="/account/email/resend"`, `action="/account/email/cancel"`)

	t.Run("SignedOutSignsInFirst", func(t *testing.T) {
		res := a.page("", "GET", link, nil)
		wantStatus(t, res, http.StatusSeeOther)
		if got := res.Header().Get("Location"); got != "/login?next="+url.QueryEscape(link) {
			t.Fatalf("Location %q", got)
		}
	})
	t.Run("ErrSomeoneElsesLink", func(t *testing.T) {
		res := a.page("other", "GET", link, nil)
		wantStatus(t, res, http.StatusNotFound)
		wantBody(t, res, "No address confirmed: this link is not one Copydesk mailed you")
		token, _ := url.ParseQuery(strings.SplitN(link, "?", 2)[1])
		wantStatus(t, a.page("other", "POST", "/account/email/confirm", url.Values{"token": token["token"]}), http.StatusNotFound)
	})
	t.Run("ErrWrongToken", func(t *testing.T) {
		res := a.page("writer", "GET", link+"x", nil)
		wantStatus(t, res, http.StatusNotFound)
		wantBody(t, res, "No address confirmed: this link is not one Copydesk mailed you")
	})
	t.Run("OpeningConfirmsNothing", func(t *testing.T) {
		res := a.page("writer", "GET", link, nil)
		wantStatus(t, res, http.StatusOK)
		wantBody(t, res, "Have your Copydesk email go to <strong>Writer@new.example</strong> from now on?", `action="/account/email/confirm"`, "Confirm Writer@new.example</button>")
		if addressOf(t) != "writer@old.example" {
			t.Fatal("opening the link confirmed the address")
		}
	})
	token, _ := url.ParseQuery(strings.SplitN(link, "?", 2)[1])
	t.Run("Confirm", func(t *testing.T) {
		res := a.page("writer", "POST", "/account/email/confirm", url.Values{"token": token["token"]})
		wantStatus(t, res, http.StatusSeeOther)
		if got := flashOf(res); got != "Email goes to Writer@new.example now." {
			t.Fatalf("flash %q", got)
		}
		if addressOf(t) != "Writer@new.example" {
			t.Fatalf("after the link, email goes to %q", addressOf(t))
		}
		got := srv.Messages()
		if len(got) != 2 || got[1].To[0] != "writer@old.example" || got[1].Subject != "Copydesk: your email address was changed" ||
			strings.Contains(got[1].Text, "new.example") {
			t.Fatalf("the old address got %+v", got[1:])
		}
		wantBody(t, a.page("writer", "GET", "/account", nil), "Email goes to <strong>Writer@new.example</strong>.")
	})
	t.Run("ErrUsed", func(t *testing.T) {
		res := a.page("writer", "POST", "/account/email/confirm", url.Values{"token": token["token"]})
		wantStatus(t, res, http.StatusConflict)
		wantBody(t, res, "No address confirmed: this link has been used already")
	})
	t.Run("ErrTooSoon", func(t *testing.T) {
		wantStatus(t, a.page("writer", "POST", "/account/email", url.Values{"email": {"writer@third.example"}}), http.StatusSeeOther)
		res := a.page("writer", "POST", "/account/email", url.Values{"email": {"writer@third.example"}})
		wantStatus(t, res, http.StatusTooManyRequests)
		wantBody(t, res, "Email address not saved: a link was mailed to writer@third.example a moment ago; try again in 5 minutes",
			`value="writer@third.example"`)
		if body := res.Body.String(); strings.Contains(body, `aria-invalid="true"`) || strings.Contains(body, `id="error-email"`) {
			t.Error("an address refused for coming too soon is marked as a wrong address")
		}
		if res.Header().Get("Retry-After") != "300" {
			t.Fatalf("Retry-After %q", res.Header().Get("Retry-After"))
		}
		if got := flashOf(a.page("writer", "POST", "/account/email/resend", nil)); !strings.HasPrefix(got, "Not done: a link was mailed to writer@third.example a moment ago") {
			t.Fatalf("resend flash %q", got)
		}
		if n := len(srv.Messages()); n != 3 {
			t.Fatalf("the mail server got %d emails, want 3", n)
		}
	})
	t.Run("ErrExpired", func(t *testing.T) {
		link := linkIn(t, srv.Messages()[2])
		a.clock.Add(store.EmailLinkTTL)
		delete(a.sessions, "writer") // the session has expired too: sign in again
		res := a.page("writer", "GET", link, nil)
		wantStatus(t, res, http.StatusConflict)
		wantBody(t, res, "No address confirmed: this link has expired; ask for a new one on your account page")
	})
	t.Run("ResendAndCancel", func(t *testing.T) {
		wantStatus(t, a.page("writer", "POST", "/account/email", url.Values{"email": {"writer@fourth.example"}}), http.StatusSeeOther)
		first := linkIn(t, srv.Messages()[3])
		a.clock.Add(store.EmailMailboxGap)
		if got := flashOf(a.page("writer", "POST", "/account/email/resend", nil)); !strings.HasPrefix(got, "We sent a link to writer@fourth.example") {
			t.Fatalf("resend flash %q", got)
		}
		second := linkIn(t, srv.Messages()[4])
		wantStatus(t, a.page("writer", "GET", first, nil), http.StatusConflict)
		wantStatus(t, a.page("writer", "GET", second, nil), http.StatusOK)
		if got := flashOf(a.page("writer", "POST", "/account/email/cancel", nil)); got != "The new address is dropped: its link no longer works." {
			t.Fatalf("cancel flash %q", got)
		}
		wantStatus(t, a.page("writer", "GET", second, nil), http.StatusConflict)
		if addressOf(t) != "Writer@new.example" {
			t.Fatalf("email goes to %q", addressOf(t))
		}
	})
	t.Run("ErrMailServerRefuses", func(t *testing.T) {
		bad := smtptest.Start(t, smtptest.Options{Refuse: 550})
		a.withMail(bad, newsroom.MailSettings{Host: bad.Host, Port: bad.Port, StartTLS: newsroom.StartTLSOff, From: "desk@example.org"})
		res := a.page("writer", "POST", "/account/email", url.Values{"email": {"writer@fifth.example"}})
		wantStatus(t, res, http.StatusConflict)
		wantBody(t, res, "the mail server did not take the link to writer@fifth.example, so nothing changed")
		if body := a.page("writer", "GET", "/account", nil).Body.String(); strings.Contains(body, "Pending:") {
			t.Fatal("an address whose link never went waits for it")
		}
		// No link went, so asking again at once, and past the hour's five, is not too soon.
		for i := 0; i < store.EmailLinksPerHour; i++ {
			res := a.page("writer", "POST", "/account/email", url.Values{"email": {"writer@fifth.example"}})
			wantStatus(t, res, http.StatusConflict)
			wantBody(t, res, "the mail server did not take the link")
		}
	})
	t.Run("ErrRefusedResendKeepsThePending", func(t *testing.T) {
		good := smtptest.Start(t, smtptest.Options{})
		a.withMail(good, newsroom.MailSettings{Host: good.Host, Port: good.Port, StartTLS: newsroom.StartTLSOff, From: "desk@example.org"})
		a.clock.Add(time.Hour)
		wantStatus(t, a.page("writer", "POST", "/account/email", url.Values{"email": {"writer@sixth.example"}}), http.StatusSeeOther)
		link := linkIn(t, good.Messages()[0])
		a.clock.Add(store.EmailMailboxGap)
		bad := smtptest.Start(t, smtptest.Options{Refuse: 550})
		a.withMail(bad, newsroom.MailSettings{Host: bad.Host, Port: bad.Port, StartTLS: newsroom.StartTLSOff, From: "desk@example.org"})
		for _, ask := range []struct {
			path string
			form url.Values
		}{{"/account/email/resend", nil}, {"/account/email", url.Values{"email": {"writer@seventh.example"}}}} {
			a.page("writer", "POST", ask.path, ask.form)
			wantBody(t, a.page("writer", "GET", "/account", nil), "Pending: <strong>writer@sixth.example</strong>")
			wantStatus(t, a.page("writer", "GET", link, nil), http.StatusOK)
		}
	})
}

// TestEmailAPI: the API asks for a new address (202, pending, the link mailed), answers it as
// pending, confirms it with the link's token for its owner only, and cancels one; every answer
// is as openapi.json says.
func TestEmailAPI(t *testing.T) {
	a := newTestApp(t)
	call := func(t *testing.T, actor, method, path, body string, status int) *httptest.ResponseRecorder {
		t.Helper()
		res := a.do(actor, method, path, body)
		wantStatus(t, res, status)
		var r io.Reader
		if body != "" {
			r = strings.NewReader(body)
		}
		req := httptest.NewRequest(method, path, r)
		req.Header.Set("Content-Type", "application/json")
		validateResponse(t, a, req, res)
		return res
	}
	call(t, "writer", "PUT", "/api/v1/me/email", `{"email":"writer@new.example"}`, http.StatusConflict)
	srv := smtptest.Start(t, smtptest.Options{})
	a.withMail(srv, newsroom.MailSettings{Host: srv.Host, Port: srv.Port, StartTLS: newsroom.StartTLSOff, From: "desk@example.org"})

	res := call(t, "writer", "PUT", "/api/v1/me/email", `{"email":"writer@new.example"}`, http.StatusAccepted)
	type answer struct {
		Email   string                 `json:"email"`
		Pending *newsroom.PendingEmail `json:"pending"`
	}
	if got := decode[answer](t, res); got.Email != "" || got.Pending == nil || got.Pending.Address != "writer@new.example" {
		t.Fatalf("PUT answers %s", res.Body.String())
	}
	if got := decode[answer](t, call(t, "writer", "GET", "/api/v1/me/email", "", http.StatusOK)); got.Pending == nil {
		t.Fatal("GET shows nothing pending")
	}
	call(t, "other", "PUT", "/api/v1/me/email", `{"email":"writer@new.example"}`, http.StatusAccepted)
	res = call(t, "writer", "PUT", "/api/v1/me/email", `{"email":"writer@new.example"}`, http.StatusTooManyRequests)
	if res.Header().Get("Retry-After") == "" {
		t.Fatal("no Retry-After")
	}
	link := linkIn(t, srv.Messages()[0])
	token, _ := url.ParseQuery(strings.SplitN(link, "?", 2)[1])
	body := `{"token":"` + token.Get("token") + `"}`
	call(t, "other", "POST", "/api/v1/me/email/confirm", body, http.StatusNotFound)
	res = call(t, "writer", "POST", "/api/v1/me/email/confirm", body, http.StatusOK)
	if got := decode[answer](t, res); got.Email != "writer@new.example" || got.Pending != nil {
		t.Fatalf("confirm answers %s", res.Body.String())
	}
	call(t, "writer", "POST", "/api/v1/me/email/confirm", body, http.StatusConflict)

	call(t, "writer", "PUT", "/api/v1/me/email", `{"email":"writer@later.example"}`, http.StatusAccepted)
	call(t, "writer", "DELETE", "/api/v1/me/email/pending", "", http.StatusNoContent)
	if got := decode[answer](t, call(t, "writer", "GET", "/api/v1/me/email", "", http.StatusOK)); got.Email != "writer@new.example" || got.Pending != nil {
		t.Fatalf("after cancelling: %+v", got)
	}
	call(t, "writer", "PUT", "/api/v1/me/email", `{"email":"writer"}`, http.StatusUnprocessableEntity)
	call(t, "writer", "PUT", "/api/v1/me/email", `{}`, http.StatusUnprocessableEntity)
	if got := decode[answer](t, call(t, "writer", "PUT", "/api/v1/me/email", `{"email":""}`, http.StatusOK)); got.Email != "" || got.Pending != nil {
		t.Fatalf("after removing: %+v", got)
	}
	if got := srv.Messages(); got[len(got)-1].To[0] != "writer@new.example" || got[len(got)-1].Subject != "Copydesk: your email address was changed" {
		t.Fatalf("the removed address got %+v", got[len(got)-1])
	}
}

// TestAdminSetsAddress: an address an admin gives someone on the users page is confirmed at once
// (the admin answers for it), with no link; the address it replaces is told.
func TestAdminSetsAddress(t *testing.T) {
	a := newTestApp(t)
	srv := smtptest.Start(t, smtptest.Options{})
	a.withMail(srv, newsroom.MailSettings{Host: srv.Host, Port: srv.Port, StartTLS: newsroom.StartTLSOff, From: "desk@example.org"})
	path := "/admin/users/" + strconv.FormatInt(a.users["other"].ID, 10) + "/email"
	for _, addr := range []string{"other@first.example", "other@second.example"} {
		if got := flashOf(a.page("admin", "POST", path, url.Values{"email": {addr}})); got != "Email address of other saved." {
			t.Fatalf("flash %q", got)
		}
	}
	me := decode[struct {
		User struct{ Email string } `json:"user"`
	}](t, a.do("", "POST", "/api/v1/login", `{"username":"other","password":"pw-other-staple"}`))
	if me.User.Email != "other@second.example" {
		t.Fatalf("other's address is %q", me.User.Email)
	}
	got := srv.Messages()
	if len(got) != 1 || got[0].To[0] != "other@first.example" || got[0].Subject != "Copydesk: your email address was changed" {
		t.Fatalf("the mail server got %+v", got)
	}
}
