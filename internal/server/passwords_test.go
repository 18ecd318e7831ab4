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

// changePasswordPage is TestChangePasswordPage on the app a.
func changePasswordPage(t *testing.T, a *testApp) {
	res := a.page("writer", "GET", "/desk", nil)
	wantBody(t, res, `<a href="/account/password">Password</a>`)
	ws, err := a.store.SignIn(context.Background(), store.SignInRequest{Username: "writer", Password: "pw-writer-staple"})
	if err != nil {
		t.Fatal(err)
	}
	refused := []struct {
		name, current, new, repeat, want string
	}{
		{"WrongCurrent", "nope", "tulip-lantern", "tulip-lantern", "the current password is wrong"},
		{"Differ", "pw-writer-staple", "tulip-lantern", "tulip-lanterns", "the two new passwords differ"},
		{"TooShort", "pw-writer-staple", "tulip", "tulip", "at least 8 characters"},
		{"Common", "pw-writer-staple", "baseball", "baseball", "one of the most common passwords"},
	}
	for _, tt := range refused {
		t.Run(tt.name, func(t *testing.T) {
			res := a.page("writer", "POST", "/account/password", url.Values{"current": {tt.current}, "new": {tt.new}, "repeat": {tt.repeat}})
			wantStatus(t, res, http.StatusUnprocessableEntity)
			wantBody(t, res, tt.want, "Change your password")
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
