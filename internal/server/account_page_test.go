package server_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

// TestAccountPageMakesTokens links the account page to the password form and makes an API token
// from it with the viewer's password, showing it once; the token then works on the API.
func TestAccountPageMakesTokens(t *testing.T) {
	a := newTestApp(t)
	res := a.page("writer", "GET", "/account", nil)
	wantStatus(t, res, http.StatusOK)
	wantBody(t, res, `<a href="/account/password">Change your password</a>`, `action="/account/tokens"`, "<th>Sign out</th>")
	if strings.Contains(res.Body.String(), `class="token"`) {
		t.Fatal("the account page shows a token before one is made")
	}
	res = a.page("writer", "POST", "/account/tokens", nil)
	wantStatus(t, res, http.StatusUnprocessableEntity)
	wantBody(t, res, "No token made: give your password")
	res = a.page("writer", "POST", "/account/tokens", url.Values{"password": {"wrong"}})
	wantStatus(t, res, http.StatusUnprocessableEntity)
	wantBody(t, res, "No token made: wrong username or password")
	res = a.page("writer", "POST", "/account/tokens", url.Values{"password": {"pw-writer-staple"}})
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
	if strings.Contains(a.page("writer", "GET", "/account", nil).Body.String(), m[1]) {
		t.Fatal("the token is shown again")
	}
}
