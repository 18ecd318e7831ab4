package server_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

// TestAccountPageMakesTokens links the account page to the password form and makes a named API
// token from it with the viewer's password, showing it once; the token then works on the API.
func TestAccountPageMakesTokens(t *testing.T) {
	a := newTestApp(t)
	res := a.page("writer", "GET", "/account", nil)
	wantStatus(t, res, http.StatusOK)
	wantBody(t, res, `<a href="/account/password">Change your password</a>`, `action="/account/tokens"`, "<th>Sign out</th>")
	if strings.Contains(res.Body.String(), `class="token"`) {
		t.Fatal("the account page shows a token before one is made")
	}
	refused := []struct {
		name string
		form url.Values
		want string
	}{
		{"NoName", url.Values{"password": {"pw-writer-staple"}}, "No token made: name the token"},
		{"NoPassword", url.Values{"name": {"Newsletter"}}, "No token made: give your password"},
		{"WrongPassword", url.Values{"name": {"Newsletter"}, "password": {"wrong"}}, "No token made: wrong username or password"},
	}
	for _, tt := range refused {
		t.Run(tt.name, func(t *testing.T) {
			res := a.page("writer", "POST", "/account/tokens", tt.form)
			wantStatus(t, res, http.StatusUnprocessableEntity)
			wantBody(t, res, tt.want)
			if tt.form.Has("name") {
				wantBody(t, res, `<input name="name" value="Newsletter"`)
			}
		})
	}
	res = a.page("writer", "POST", "/account/tokens", url.Values{"name": {"Newsletter"}, "password": {"pw-writer-staple"}})
	wantStatus(t, res, http.StatusCreated)
	if cc := res.Header().Get("Cache-Control"); cc != "no-store" {
		t.Fatalf("the page with the token is cached: %q", cc)
	}
	m := regexp.MustCompile(`<code class="token">([^<]+)</code>`).FindStringSubmatch(res.Body.String())
	if m == nil {
		t.Fatalf("no token shown:\n%s", res.Body.String())
	}
	a.tokens["made"] = m[1]
	wantStatus(t, a.do("made", "GET", "/api/v1/drafts", ""), http.StatusOK)
	res = a.page("writer", "GET", "/account", nil)
	if strings.Contains(res.Body.String(), m[1]) {
		t.Fatal("the token is shown again")
	}
	wantBody(t, res, "<td>API token “Newsletter”</td>")
}

// TestAccountPageTokenThrottled: wrong passwords given to make a token are slowed like failed
// sign-ins, and the page says so as the sign-in does: 429 with Retry-After.
func TestAccountPageTokenThrottled(t *testing.T) {
	a := newTestApp(t)
	for i := 1; i <= 5; i++ {
		wantStatus(t, a.page("writer", "POST", "/account/tokens", url.Values{"name": {"Newsletter"}, "password": {"guess"}}), http.StatusUnprocessableEntity)
	}
	res := a.page("writer", "POST", "/account/tokens", url.Values{"name": {"Newsletter"}, "password": {"pw-writer-staple"}})
	wantStatus(t, res, http.StatusTooManyRequests)
	if got := res.Header().Get("Retry-After"); got != "1" {
		t.Fatalf("Retry-After = %q, want 1", got)
	}
	wantBody(t, res, "No token made: ", `<input name="name" value="Newsletter"`)
}
