package server_test

import (
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/notify"
	"github.com/copydesk/copydesk/internal/notify/smtptest"
	"github.com/copydesk/copydesk/internal/policy"
	"github.com/copydesk/copydesk/internal/server"
	"github.com/copydesk/copydesk/policies"
)

// withMail rebuilds the test app's server with a mail channel that has the command line's
// settings flags and trusts srv's certificate.
func (a *testApp) withMail(srv *smtptest.Server, flags newsroom.MailSettings) {
	a.server = server.New(a.store, server.Config{Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
		Mail: &notify.Email{Flags: flags, Saved: a.store.MailSettings, SiteName: "Copydesk", BaseURL: "https://desk.example.org", RootCAs: srv.RootCAs}})
}

// TestMailSettingsPage: an admin saves the mail settings on the page, the password is never
// shown back, and the test button mails the admin through a real SMTP server, or says plainly
// why it could not.
func TestMailSettingsPage(t *testing.T) {
	a := newTestApp(t)
	srv := smtptest.Start(t, smtptest.Options{TLS: true, Username: "desk", Password: "hunter2-secret"})
	a.withMail(srv, newsroom.MailSettings{})
	wantStatus(t, a.page("editor", "GET", "/admin/email", nil), http.StatusForbidden)
	wantStatus(t, a.page("editor", "POST", "/admin/email/test", nil), http.StatusForbidden)
	wantBody(t, a.page("admin", "GET", "/admin/email", nil), "<strong>Email is off:</strong>", "Give yourself an email address")

	t.Run("ErrNoAddress", func(t *testing.T) {
		res := a.page("admin", "POST", "/admin/email/test", nil)
		if got := flashOf(res); got != "Not done: give yourself an email address on your account page first" {
			t.Fatalf("flash %q", got)
		}
	})
	if _, err := a.store.SetEmail(ctxAs(a, "admin"), a.users["admin"].ID, "admin@example.org"); err != nil {
		t.Fatal(err)
	}
	t.Run("ErrNotConfigured", func(t *testing.T) {
		if got := flashOf(a.page("admin", "POST", "/admin/email/test", nil)); !strings.Contains(got, "no mail server is set") {
			t.Fatalf("flash %q", got)
		}
	})
	t.Run("ErrInvalid", func(t *testing.T) {
		res := a.page("admin", "POST", "/admin/email", url.Values{"host": {"smtp.example.org"}, "from": {"desk"}, "password": {"typed-secret"}})
		wantStatus(t, res, http.StatusUnprocessableEntity)
		wantBody(t, res, `Not saved: the sender address &#34;desk&#34; is not an email address`, `value="smtp.example.org"`)
		if strings.Contains(res.Body.String(), "typed-secret") {
			t.Fatal("the page shows the password typed")
		}
	})
	form := url.Values{"host": {srv.Host}, "port": {fmt.Sprint(srv.Port)}, "starttls": {"required"}, "username": {"desk"},
		"password": {"hunter2-secret"}, "from": {"desk@example.org"}, "digest_hour": {"6"}}
	res := a.page("admin", "POST", "/admin/email", form)
	if got := flashOf(res); got != "Email settings saved." {
		t.Fatalf("flash %q", got)
	}
	page := a.page("admin", "GET", "/admin/email", nil)
	wantBody(t, page, fmt.Sprintf("Email goes through <strong>%s:%d</strong> (STARTTLS required, signed in as desk)", srv.Host, srv.Port),
		"one is saved and never shown", `<option value="6" selected>06:00</option>`)
	if strings.Contains(page.Body.String(), "hunter2") {
		t.Fatal("the page shows the saved password")
	}
	t.Run("TestEmail", func(t *testing.T) {
		res := a.page("admin", "POST", "/admin/email/test", nil)
		if got := flashOf(res); got != "Test email sent to admin@example.org: the mail server took it (250)." {
			t.Fatalf("flash %q", got)
		}
		got := srv.Messages()
		if len(got) != 1 || got[0].To[0] != "admin@example.org" || got[0].Subject != "Copydesk: a test email" || got[0].AuthUser != "desk" {
			t.Fatalf("the server got %+v", got)
		}
	})
	t.Run("ErrServerRefuses", func(t *testing.T) {
		form.Set("password", "wrong-secret")
		a.page("admin", "POST", "/admin/email", form)
		got := flashOf(a.page("admin", "POST", "/admin/email/test", nil))
		if !strings.HasPrefix(got, "Not done: the test email was not sent: ") || !strings.Contains(got, "535") || strings.Contains(got, "wrong-secret") {
			t.Fatalf("flash %q", got)
		}
	})
	t.Run("FlagsWinAndShowReadOnly", func(t *testing.T) {
		a.withMail(srv, newsroom.MailSettings{Password: "hunter2-secret", From: "news@example.org"})
		page := a.page("admin", "GET", "/admin/email", nil)
		wantBody(t, page, "Sender: <strong>news@example.org</strong> <span class=\"hint\">set by --smtp-from</span>",
			"Password: <strong>set</strong>", "from <strong>news@example.org</strong>.")
		if strings.Contains(page.Body.String(), `name="password"`) || strings.Contains(page.Body.String(), "hunter2") {
			t.Fatal("the page offers or shows a password the command line set")
		}
		if got := flashOf(a.page("admin", "POST", "/admin/email/test", nil)); !strings.HasPrefix(got, "Test email sent") {
			t.Fatalf("flash %q", got)
		}
		if m := srv.Messages(); m[len(m)-1].From != "news@example.org" {
			t.Fatalf("sent from %q", m[len(m)-1].From)
		}
	})
}

// TestMailSettingsRefuseAPortThatIsNoNumber holds that a port that is no number is refused with a message
// and the form comes back as typed. Reading it as port 0 would save
// the default 587 and say "Email settings saved.", silently replacing the admin's port.
func TestMailSettingsRefuseAPortThatIsNoNumber(t *testing.T) {
	a := newTestApp(t)
	srv := smtptest.Start(t, smtptest.Options{})
	a.withMail(srv, newsroom.MailSettings{})
	res := a.page("admin", "POST", "/admin/email", url.Values{"host": {"smtp.example.org"}, "port": {"58x"},
		"starttls": {"required"}, "from": {"desk@example.org"}, "digest_hour": {"6"}})
	if got := flashOf(res); got == "Email settings saved." {
		saved, err := a.store.MailSettings(ctxAs(a, "admin"))
		t.Fatalf("port 58x was taken: %q, saved port %d (%v)", got, saved.Port, err)
	}
	wantStatus(t, res, http.StatusUnprocessableEntity)
	wantBody(t, res, `value="58x"`)
	wantBody(t, res, "the port must be a number")
}

// TestMailSettingsGrant: the email settings are the newsroom's settings, so whoever the
// workflow grants settings:manage opens and saves them, though they may not manage users.
func TestMailSettingsGrant(t *testing.T) {
	src := strings.Replace(policies.Workflow, "  settings:manage: [admin]\n", "  settings:manage: [admin, editor]\n", 1)
	p, err := policy.Parse("settings.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	a := newWorkflowApp(t, p, actorRoles)
	wantStatus(t, a.page("editor", "GET", "/admin/users", nil), http.StatusForbidden)
	wantBody(t, a.page("editor", "GET", "/admin/settings", nil), `<a href="/admin/email">Email</a>`)
	wantStatus(t, a.page("editor", "GET", "/admin/email", nil), http.StatusOK)
	res := a.page("editor", "POST", "/admin/email", url.Values{"host": {"smtp.example.org"}, "port": {"587"}, "starttls": {"required"},
		"from": {"desk@example.org"}, "digest_hour": {"7"}})
	wantStatus(t, res, http.StatusSeeOther)
	set, err := a.store.MailSettings(ctxAs(a, "editor"))
	if err != nil || set.Host != "smtp.example.org" {
		t.Fatalf("saved %+v, %v", set, err)
	}
	wantStatus(t, a.page("writer", "GET", "/admin/email", nil), http.StatusForbidden)
}
