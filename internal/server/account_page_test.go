package server_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"
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
		name  string
		form  url.Values
		want  string
		field string
	}{
		{"NoName", url.Values{"password": {"pw-writer-staple"}}, "No token made: name the token", "name"},
		{"LongName", url.Values{"name": {strings.Repeat("n", 101)}, "password": {"pw-writer-staple"}}, "No token made: name", "name"},
		{"NoPassword", url.Values{"name": {"Newsletter"}}, "No token made: give your password", "password"},
		{"WrongPassword", url.Values{"name": {"Newsletter"}, "password": {"wrong"}}, "No token made: your password is wrong", "password"},
	}
	for _, tt := range refused {
		t.Run(tt.name, func(t *testing.T) {
			res := a.page("writer", "POST", "/account/tokens", tt.form)
			wantStatus(t, res, http.StatusUnprocessableEntity)
			wantBody(t, res, tt.want)
			wantErrorAt(t, res, tt.field, tt.want)
			if tt.form.Has("name") {
				wantBody(t, res, `<input name="name" value="`+tt.form.Get("name")+`"`)
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

// TestAccountPageTokenUnderGuessing: the password a signed-in user gives again to make a token
// is counted against that user alone: their own wrong tries there do not slow their sign-ins
// from the same address, and strangers' guesses at their username, which lock out sign-ins
// from new browsers, do not hold up the token.
func TestAccountPageTokenUnderGuessing(t *testing.T) {
	a := newTestApp(t)
	h := a.server.Handler()
	apiLogin := func(remote, password string) int {
		req := httptest.NewRequest("POST", "/api/v1/login", strings.NewReader(`{"username":"writer","password":"`+password+`"}`))
		req.Header.Set("Content-Type", "application/json")
		req.RemoteAddr = remote
		res := httptest.NewRecorder()
		h.ServeHTTP(res, req)
		return res.Code
	}
	page := httptest.NewRequest("GET", "/", nil).RemoteAddr
	for range 5 {
		wantStatus(t, a.page("writer", "POST", "/account/tokens", url.Values{"name": {"Newsletter"}, "password": {"guess"}}), http.StatusUnprocessableEntity)
	}
	if code := apiLogin(page, "pw-writer-staple"); code != http.StatusOK {
		t.Fatalf("sign-in from the address of the wrong tries at a token: %d, want 200", code)
	}

	for i := range 25 {
		apiLogin(fmt.Sprintf("10.1.0.%d:4000", i+1), "guess")
	}
	if code := apiLogin("10.2.0.1:4000", "pw-writer-staple"); code != http.StatusTooManyRequests {
		t.Fatalf("sign-in from a new address after strangers' guesses: %d, want 429", code)
	}
	a.clock.Add(2 * time.Second)
	res := a.page("writer", "POST", "/account/tokens", url.Values{"name": {"Newsletter"}, "password": {"pw-writer-staple"}})
	wantStatus(t, res, http.StatusCreated)
}
