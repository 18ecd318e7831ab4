package server_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestAccountPageEmail: a person sets their address on the account page, a wrong one is shown
// again with why, and they tick what comes by email and the digest.
func TestAccountPageEmail(t *testing.T) {
	a := newTestApp(t)
	res := a.page("writer", "GET", "/account", nil)
	wantStatus(t, res, http.StatusOK)
	wantBody(t, res, `action="/account/email"`, `<input type="checkbox" name="email" value="assigned" checked> You are assigned a piece at a desk`,
		`<input type="checkbox" name="digest"> Send me one daily digest instead of an email each time`)

	t.Run("ErrInvalidAddress", func(t *testing.T) {
		res := a.page("writer", "POST", "/account/email", url.Values{"email": {"writer at example.org"}})
		wantStatus(t, res, http.StatusUnprocessableEntity)
		wantBody(t, res, "Email address not saved: ", `value="writer at example.org"`)
		wantErrorAt(t, res, "email", "Email address not saved: ")
	})
	t.Run("ErrCannotMail", func(t *testing.T) {
		res := a.page("writer", "POST", "/account/email", url.Values{"email": {"Writer@Example.ORG"}})
		wantStatus(t, res, http.StatusConflict)
		wantBody(t, res, "Email address not saved: Writer@example.org cannot be confirmed until the operator sets up email", `value="Writer@Example.ORG"`)
		wantErrorAt(t, res, "email", "Email address not saved: Writer@example.org cannot be confirmed")
		wantBody(t, a.page("writer", "GET", "/account", nil), "You have no email address.", "A new address cannot be confirmed until the operator sets up email")
	})
	t.Run("Choices", func(t *testing.T) {
		res := a.page("writer", "POST", "/account/notifications", url.Values{"email": {"mentioned", "returned"}, "digest": {"on"}})
		wantStatus(t, res, http.StatusSeeOther)
		if got := flashOf(res); got != "Your email choices are saved." {
			t.Fatalf("flash %q", got)
		}
		res = a.page("writer", "GET", "/account", nil)
		wantBody(t, res, `value="mentioned" checked>`, `value="returned" checked>`,
			`value="assigned"> You are`, `<input type="checkbox" name="digest" checked>`)
		got := a.do("writer", "GET", "/api/v1/me/notifications", "")
		if body := strings.TrimSpace(got.Body.String()); body != `{"email":["returned","mentioned"],"digest":true}` {
			t.Fatalf("the API says %s", body)
		}
	})
	t.Run("ErrUnknownKind", func(t *testing.T) {
		res := a.page("writer", "POST", "/account/notifications", url.Values{"email": {"gossip"}})
		wantStatus(t, res, http.StatusSeeOther)
		if got := flashOf(res); got != `Not done: "gossip" is not a kind of notification` {
			t.Fatalf("warning %q", got)
		}
	})
}

// TestUsersPageEmail: an admin sets anyone's address on the users page and gives one to a user
// they add; anyone else is refused.
func TestUsersPageEmail(t *testing.T) {
	a := newTestApp(t)
	path := fmt.Sprintf("/admin/users/%d/email", a.users["other"].ID)
	wantBody(t, a.page("admin", "GET", "/admin/users", nil), `action="`+path+`"`, `aria-label="Email address of other"`)
	tests := []struct {
		name, actor, email, want string
	}{
		{"ByAdmin", "admin", "Other@Example.org", "Email address of other saved."},
		{"ErrInvalid", "admin", "other", `Not done: "other" is not an email address such as name@example.org`},
		{"ErrWriter", "writer", "mine@example.org", "Not done: "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := a.page(tt.actor, "POST", path, url.Values{"email": {tt.email}})
			wantStatus(t, res, http.StatusSeeOther)
			if got := flashOf(res); !strings.HasPrefix(got, tt.want) {
				t.Fatalf("flash %q, want %q", got, tt.want)
			}
		})
	}
	wantBody(t, a.page("admin", "GET", "/admin/users", nil), `value="Other@example.org" maxlength="254" aria-label="Email address of other"`)
	res := a.page("admin", "POST", "/admin/users", url.Values{"username": {"nina"}, "role": {"writer"}, "password": {"tulip-lantern"}, "email": {"nina@example.org"}})
	wantStatus(t, res, http.StatusSeeOther)
	wantBody(t, a.page("admin", "GET", "/admin/users", nil), `value="nina@example.org"`)
}
