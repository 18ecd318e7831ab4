package server_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"testing"

	"github.com/copydesk/copydesk/internal/store"
)

// TestChangePasswordPage changes a password on its page: the form asks for the current one,
// shows a refusal's reason, keeps the session that made the change and signs out the others,
// with plain cookies and with secure ones (named with the __Host- prefix).
func TestChangePasswordPage(t *testing.T) {
	for _, secure := range []bool{false, true} {
		t.Run(fmt.Sprintf("SecureCookies=%v", secure), func(t *testing.T) {
			a := newTestApp(t)
			if secure {
				a.secureCookies()
			}
			changePasswordPage(t, a)
		})
	}
}

// TestPasswordPageMinimum checks that the change-password page asks each user for the length
// their own password needs: longer for those the policy lets manage users.
func TestPasswordPageMinimum(t *testing.T) {
	a := newTestApp(t)
	for _, tt := range []struct{ user, want string }{
		{"writer", `At least 8 characters`},
		{"editor", `At least 8 characters`},
		{"admin", `At least 12 characters`},
	} {
		t.Run(tt.user, func(t *testing.T) {
			res := a.page(tt.user, "GET", "/account/password", nil)
			wantStatus(t, res, http.StatusOK)
			wantBody(t, res, tt.want)
		})
	}
}

// changePasswordPage is TestChangePasswordPage on the app a.
func changePasswordPage(t *testing.T, a *testApp) {
	res := a.page("writer", "GET", "/account", nil)
	wantBody(t, res, `<a href="/account/password">Change your password</a>`)
	ws, err := a.store.SignIn(context.Background(), store.SignInRequest{Username: "writer", Password: "pw-writer-staple"})
	if err != nil {
		t.Fatal(err)
	}
	// Each refusal says why beside the field it is about, which is marked, named by the message
	// and focused, and no other field is.
	refused := []struct {
		name, current, new, repeat, want, field string
	}{
		{"WrongCurrent", "nope", "tulip-lantern", "tulip-lantern", "the current password is wrong", "current"},
		{"Differ", "pw-writer-staple", "tulip-lantern", "tulip-lanterns", "the two new passwords differ", "repeat"},
		{"TooShort", "pw-writer-staple", "tulip", "tulip", "at least 8 characters", "new"},
		{"Common", "pw-writer-staple", "baseball", "baseball", "one of the most common passwords", "new"},
		{"Same", "pw-writer-staple", "pw-writer-staple", "pw-writer-staple", "must differ from the current one", "new"},
	}
	for _, tt := range refused {
		t.Run(tt.name, func(t *testing.T) {
			res := a.page("writer", "POST", "/account/password", url.Values{"current": {tt.current}, "new": {tt.new}, "repeat": {tt.repeat}})
			wantStatus(t, res, http.StatusUnprocessableEntity)
			wantBody(t, res, tt.want, "Change your password")
			wantErrorAt(t, res, tt.field, tt.want)
		})
	}
	res = a.page("writer", "POST", "/account/password", url.Values{"current": {"pw-writer-staple"}, "new": {"tulip-lantern"}, "repeat": {"tulip-lantern"}})
	if res.Code != http.StatusSeeOther || res.Header().Get("Location") != "/desk" {
		t.Fatalf("change: %d %v", res.Code, res.Header())
	}
	wantStatus(t, a.page("writer", "GET", "/desk", nil), http.StatusOK)
	if _, _, err := a.store.SessionUser(context.Background(), ws.Cookie); err == nil {
		t.Fatal("the writer's other session still works")
	}
	wantStatus(t, a.do("writer", "GET", "/api/v1/drafts", ""), http.StatusUnauthorized)
}

// TestResetPassword walks an admin's reset through: the admin page shows the temporary password
// once, the user is signed out, and with the temporary password they can reach only the
// change-password page (pages) or route (API) until they choose their own.
func TestResetPassword(t *testing.T) {
	loadOpenAPI(t)
	a := newTestApp(t)
	a.session("writer")
	uid := fmt.Sprint(a.users["writer"].ID)
	wantBody(t, a.page("admin", "GET", "/admin/users", nil), `action="/admin/users/`+uid+`/password-reset"`)
	res := a.page("admin", "POST", "/admin/users/"+uid+"/password-reset", nil)
	wantStatus(t, res, http.StatusOK)
	m := regexp.MustCompile(`<code class="secret">([A-Z2-7]{26})</code>`).FindStringSubmatch(res.Body.String())
	if m == nil || res.Header().Get("Cache-Control") != "no-store" {
		t.Fatalf("no temporary password on the page, or it may be cached: %v\n%s", res.Header(), res.Body.String())
	}
	temporary := m[1]
	wantBody(t, a.page("admin", "GET", "/admin/users", nil), "must change password")
	if res := a.page("writer", "GET", "/desk", nil); res.Code != http.StatusSeeOther || res.Header().Get("Location") == "/account/password" {
		t.Fatalf("the old session after a reset: %d %v", res.Code, res.Header())
	}
	wantStatus(t, a.do("writer", "GET", "/api/v1/drafts", ""), http.StatusUnauthorized)

	t.Run("API", func(t *testing.T) {
		res := a.do("", "POST", "/api/v1/login", `{"username":"writer","password":"`+temporary+`"}`)
		wantStatus(t, res, http.StatusOK)
		a.tokens["writer"] = decode[struct{ Token string }](t, res).Token
		res = a.do("writer", "GET", "/api/v1/drafts", "")
		wantStatus(t, res, http.StatusForbidden)
		if e := decode[apiError](t, res); e.Error.Code != "password_change_required" {
			t.Fatalf("error = %+v", e)
		}
		validateResponse(t, a, httptest.NewRequest("GET", "/api/v1/drafts", nil), res)
		wantStatus(t, a.do("writer", "GET", "/metrics", ""), http.StatusForbidden)
	})
	t.Run("Pages", func(t *testing.T) {
		ws, err := a.store.SignIn(context.Background(), store.SignInRequest{Username: "writer", Password: temporary})
		if err != nil {
			t.Fatal(err)
		}
		a.sessions["writer"] = [2]string{ws.Cookie, ws.CSRF}
		for _, r := range []struct{ method, path string }{{"GET", "/desk"}, {"GET", "/drafts/new"}, {"POST", "/drafts"}, {"GET", "/"}} {
			if res := a.page("writer", r.method, r.path, url.Values{"title": {"x"}}); res.Code != http.StatusSeeOther || res.Header().Get("Location") != "/account/password" {
				t.Fatalf("%s %s: %d %v; want a redirect to the password page", r.method, r.path, res.Code, res.Header())
			}
		}
		wantBody(t, a.page("writer", "GET", "/account/password", nil), "Choose a password of your own")
		wantStatus(t, a.page("writer", "GET", "/static/style.css", nil), http.StatusOK)
	})
	t.Run("Change", func(t *testing.T) {
		res := a.do("writer", "POST", "/api/v1/me/password", `{"current":"`+temporary+`","new":"tulip-lantern"}`)
		wantStatus(t, res, http.StatusNoContent)
		wantStatus(t, a.do("writer", "GET", "/api/v1/drafts", ""), http.StatusOK)
		if res := a.page("writer", "GET", "/desk", nil); res.Code != http.StatusSeeOther || res.Header().Get("Location") == "/account/password" {
			t.Fatalf("the page session after a change over the API: %d %v; want signed out", res.Code, res.Header())
		}
	})
}

// TestChangePasswordThrottled: wrong current passwords, on the page or over the API, are
// slowed like failed sign-ins: the sixth attempt answers 429 with Retry-After, even with the
// right password, and the page shows why.
func TestChangePasswordThrottled(t *testing.T) {
	loadOpenAPI(t)
	a := newTestApp(t)
	tests := []struct {
		name, user string
		change     func(user, current string) *httptest.ResponseRecorder
	}{
		{"API", "writer", func(user, current string) *httptest.ResponseRecorder {
			return a.do(user, "POST", "/api/v1/me/password", `{"current":"`+current+`","new":"tulip-lantern"}`)
		}},
		{"Page", "editor", func(user, current string) *httptest.ResponseRecorder {
			return a.page(user, "POST", "/account/password", url.Values{"current": {current}, "new": {"tulip-lantern"}, "repeat": {"tulip-lantern"}})
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for i := 1; i <= 5; i++ {
				wantStatus(t, tt.change(tt.user, "guess"), http.StatusUnprocessableEntity)
			}
			res := tt.change(tt.user, "pw-"+tt.user+"-staple")
			wantStatus(t, res, http.StatusTooManyRequests)
			if got := res.Header().Get("Retry-After"); got != "1" {
				t.Fatalf("Retry-After = %q, want 1", got)
			}
			if tt.name == "Page" {
				wantBody(t, res, "too many failed password changes", "Change your password")
				return
			}
			if e := decode[apiError](t, res); e.Error.Code != "too_many" || e.Error.Details["retry_after"] != float64(1) {
				t.Fatalf("error = %+v", e)
			}
			validateResponse(t, a, httptest.NewRequest("POST", "/api/v1/me/password", nil), res)
		})
	}
}

// TestRevocationKeepsThisBrowser: changing one's password or signing out everywhere else from a
// page ends the device cookies of one's other browsers and keeps this one's; a change over the
// API, made from no browser, ends them all. A live device cookie is seen passing the throttle
// of an address that guessed at the password.
func TestRevocationKeepsThisBrowser(t *testing.T) {
	tests := []struct {
		name     string
		revoke   func(a *testApp) *httptest.ResponseRecorder
		password string
		keepThis bool
	}{
		{"SignOutEverywhereElse", func(a *testApp) *httptest.ResponseRecorder {
			return a.page("writer", "POST", "/account/revoke-others", nil)
		}, "pw-writer-staple", true},
		{"ChangePasswordPage", func(a *testApp) *httptest.ResponseRecorder {
			return a.page("writer", "POST", "/account/password", url.Values{"current": {"pw-writer-staple"}, "new": {"tulip-lantern"}, "repeat": {"tulip-lantern"}})
		}, "tulip-lantern", true},
		{"ChangePasswordAPI", func(a *testApp) *httptest.ResponseRecorder {
			return a.do("writer", "POST", "/api/v1/me/password", `{"current":"pw-writer-staple","new":"tulip-lantern"}`)
		}, "tulip-lantern", false},
	}
	const guesser = "198.51.100.66:4000"
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := newTestApp(t)
			a.session("writer")
			other, err := a.store.SignIn(context.Background(), store.SignInRequest{Username: "writer", Password: "pw-writer-staple"})
			if err != nil {
				t.Fatal(err)
			}
			if res := tt.revoke(a); res.Code >= 400 {
				t.Fatalf("revoking: %d %s", res.Code, res.Body.String())
			}
			for range 5 {
				signInForm(t, a.server.Handler(), guesser, "writer", "guess")
			}
			for _, b := range []struct {
				name, device string
				want         int
			}{
				{"ThisBrowser", a.devices["writer"], map[bool]int{true: http.StatusSeeOther, false: http.StatusTooManyRequests}[tt.keepThis]},
				{"OtherBrowser", other.Device, http.StatusTooManyRequests},
			} {
				res := signInForm(t, a.server.Handler(), guesser, "writer", tt.password, &http.Cookie{Name: "copydesk_device", Value: b.device})
				if res.Code != b.want {
					t.Errorf("%s's device cookie at the guesser's address: %d, want %d", b.name, res.Code, b.want)
				}
			}
		})
	}
}
