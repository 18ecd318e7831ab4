package server_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/store"
)

// session signs actor in through the store once and returns the session cookie and CSRF token.
func (a *testApp) session(actor string) (cookie, csrf string) {
	a.t.Helper()
	if s, ok := a.sessions[actor]; ok {
		return s[0], s[1]
	}
	ws, err := a.store.SignIn(context.Background(), store.SignInRequest{Username: actor, Password: "pw-" + actor + "-staple"})
	if err != nil {
		a.t.Fatal(err)
	}
	if a.sessions == nil {
		a.sessions = map[string][2]string{}
	}
	a.sessions[actor] = [2]string{ws.Cookie, ws.CSRF}
	a.devices[actor] = ws.Device
	return ws.Cookie, ws.CSRF
}

// page requests an app page as actor ("" for anonymous) with the actor's session and device
// cookies, as a browser would; a form posted by a signed-in actor carries their CSRF token.
func (a *testApp) page(actor, method, target string, form url.Values) *httptest.ResponseRecorder {
	a.t.Helper()
	return a.pageWith(actor, method, target, form)
}

// pageWith requests an app page as page does, with the other cookies the browser holds too.
func (a *testApp) pageWith(actor, method, target string, form url.Values, cookies ...*http.Cookie) *httptest.ResponseRecorder {
	a.t.Helper()
	if form == nil {
		form = url.Values{}
	}
	var cookie string
	if actor != "" {
		var csrf string
		cookie, csrf = a.session(actor)
		if method == http.MethodPost && !form.Has("csrf") {
			form.Set("csrf", csrf)
		}
	}
	var body *strings.Reader
	if method == http.MethodPost {
		body = strings.NewReader(form.Encode())
	} else {
		body = strings.NewReader("")
	}
	req := httptest.NewRequest(method, target, body)
	req.Header.Set("Accept", "text/html")
	if method == http.MethodPost {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	if cookie != "" {
		req.AddCookie(&http.Cookie{Name: a.cookiePrefix + "copydesk_session", Value: cookie})
	}
	if device := a.devices[actor]; device != "" {
		req.AddCookie(&http.Cookie{Name: a.cookiePrefix + "copydesk_device", Value: device})
	}
	for _, ck := range cookies {
		req.AddCookie(ck)
	}
	rec := httptest.NewRecorder()
	a.server.Handler().ServeHTTP(rec, req)
	return rec
}

// ctxAs returns a context acting as the named test user.
func ctxAs(a *testApp, actor string) context.Context {
	return newsroom.WithUser(context.Background(), a.users[actor])
}

// signInForm signs in through h's sign-in form as a browser at remote does: it fetches the form
// for its CSRF cookie, then posts it back with that cookie and any others the browser keeps.
func signInForm(t testing.TB, h http.Handler, remote, user, password string, cookies ...*http.Cookie) *httptest.ResponseRecorder {
	t.Helper()
	get := httptest.NewRecorder()
	h.ServeHTTP(get, httptest.NewRequest("GET", "/login?next=/desk", nil))
	token := setCookie(get, "copydesk_login_csrf")
	if token == nil {
		t.Fatal("the sign-in form sets no CSRF cookie")
	}
	v := url.Values{"username": {user}, "password": {password}, "csrf": {token.Value}, "next": {"/desk"}}
	req := httptest.NewRequest("POST", "/login", strings.NewReader(v.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Accept", "text/html")
	req.RemoteAddr = remote
	for _, c := range append([]*http.Cookie{token}, cookies...) {
		req.AddCookie(c)
	}
	res := httptest.NewRecorder()
	h.ServeHTTP(res, req)
	return res
}

// setCookie returns the cookie res sets whose name ends in name (with or without a prefix
// such as __Host-), or nil.
func setCookie(res *httptest.ResponseRecorder, name string) *http.Cookie {
	for _, c := range res.Result().Cookies() {
		if strings.HasSuffix(c.Name, name) {
			return c
		}
	}
	return nil
}
