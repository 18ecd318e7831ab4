package server_test

import (
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/server"
)

// TestDisabledUserSignIn: on the sign-in page and through the API, a disabled user learns that
// the account is disabled only after giving the right password.
func TestDisabledUserSignIn(t *testing.T) {
	loadOpenAPI(t)
	a := newTestApp(t)
	a.page("admin", "POST", fmt.Sprintf("/admin/users/%d", a.users["writer"].ID), url.Values{"disabled": {"true"}})
	tests := []struct {
		name, password string
		wantStatus     int
		wantMessage    string
	}{
		{"WrongPassword", "guess", http.StatusUnauthorized, "wrong username or password"},
		{"RightPassword", "pw-writer-staple", http.StatusForbidden, "this account is disabled"},
	}
	for _, tt := range tests {
		t.Run(tt.name+"/Page", func(t *testing.T) {
			res := signInForm(t, a.server.Handler(), "192.0.2.7:4444", "writer", tt.password)
			wantStatus(t, res, tt.wantStatus)
			wantBody(t, res, tt.wantMessage, `action="/login"`, `value="writer"`)
			if setCookie(res, "copydesk_session") != nil {
				t.Fatal("a disabled user got a session")
			}
		})
		t.Run(tt.name+"/API", func(t *testing.T) {
			body := `{"username":"writer","password":"` + tt.password + `"}`
			res := a.do("", "POST", "/api/v1/login", body)
			wantStatus(t, res, tt.wantStatus)
			wantBody(t, res, tt.wantMessage)
			req := httptest.NewRequest("POST", "/api/v1/login", strings.NewReader(body))
			req.Header.Set("Content-Type", "application/json")
			validateResponse(t, a, req, res)
		})
	}
}

// TestSignInLockout: six wrong guesses at the editor's password from one address slow that
// address down, but the editor still signs in from another, and from the guesser's own
// address with the device cookie an earlier sign-in left in the browser.
func TestSignInLockout(t *testing.T) {
	a := newTestApp(t)
	h := a.server.Handler()
	const guesser, owner = "198.51.100.66:4000", "203.0.113.10:4000"
	apiLogin := func(remote, password string) int {
		req := httptest.NewRequest("POST", "/api/v1/login", strings.NewReader(`{"username":"editor","password":"`+password+`"}`))
		req.Header.Set("Content-Type", "application/json")
		req.RemoteAddr = remote
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec.Code
	}
	first := signInForm(t, h, owner, "editor", "pw-editor-staple")
	device := setCookie(first, "copydesk_device")
	if first.Code != http.StatusSeeOther || device == nil || !device.HttpOnly || device.MaxAge < 30*24*3600 {
		t.Fatalf("first sign-in: %d, device cookie %+v", first.Code, device)
	}
	for i := 1; i <= 6; i++ {
		want := http.StatusUnauthorized
		if i == 6 {
			want = http.StatusTooManyRequests
		}
		if code := apiLogin(guesser, "guess"); code != want {
			t.Fatalf("guess %d: %d, want %d", i, code, want)
		}
	}
	if code := apiLogin(owner, "pw-editor-staple"); code != http.StatusOK {
		t.Fatalf("the owner's API sign-in from elsewhere: %d", code)
	}
	if res := signInForm(t, h, owner, "editor", "pw-editor-staple"); res.Code != http.StatusSeeOther {
		t.Fatalf("the owner's page sign-in from elsewhere: %d", res.Code)
	}
	res := signInForm(t, h, guesser, "editor", "pw-editor-staple")
	wantStatus(t, res, http.StatusTooManyRequests)
	wantBody(t, res, "too many failed sign-ins", `value="editor"`)
	if got := res.Header().Get("Retry-After"); got != "1" {
		t.Fatalf("Retry-After = %q, want 1", got)
	}
	res = signInForm(t, h, guesser, "editor", "pw-editor-staple", device)
	if renewed := setCookie(res, "copydesk_device"); res.Code != http.StatusSeeOther || renewed == nil || renewed.Value == device.Value {
		t.Fatalf("the owner's browser with its device cookie at the guesser's address: %d, device cookie %+v", res.Code, renewed)
	}
	if code := apiLogin(guesser, "guess"); code != http.StatusTooManyRequests {
		t.Fatalf("the guesser after the owner signed in: %d", code)
	}
}

// TestSignInAcrossAddresses: wrong guesses at one user's password over the API, each from a
// new address, are refused after the /64's allowance when they share one, and after the
// user's own (20) when they do not; meanwhile the owner's browser, with its device cookie,
// signs in at once.
func TestSignInAcrossAddresses(t *testing.T) {
	tests := []struct {
		name, user string
		remote     func(i int) string
		free       int
	}{
		{"OneIPv6Slash64", "editor", func(i int) string { return fmt.Sprintf("[2001:db8:7:7:%x::1]:4000", i) }, 5},
		{"UnrelatedAddresses", "writer", func(i int) string { return fmt.Sprintf("10.1.%d.%d:4000", i/256, i%256) }, 20},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := newTestApp(t)
			h := a.server.Handler()
			device := setCookie(signInForm(t, h, "203.0.113.10:4000", tt.user, "pw-"+tt.user+"-staple"), "copydesk_device")
			for i := range 200 {
				req := httptest.NewRequest("POST", "/api/v1/login", strings.NewReader(`{"username":"`+tt.user+`","password":"guess"}`))
				req.Header.Set("Content-Type", "application/json")
				req.RemoteAddr = tt.remote(i)
				res := httptest.NewRecorder()
				h.ServeHTTP(res, req)
				want := http.StatusUnauthorized
				if i >= tt.free {
					want = http.StatusTooManyRequests
				}
				if res.Code != want || (want == http.StatusTooManyRequests && res.Header().Get("Retry-After") == "") {
					t.Fatalf("guess %d from %s: %d, Retry-After %q; want %d", i+1, req.RemoteAddr, res.Code, res.Header().Get("Retry-After"), want)
				}
				if i%50 == 49 {
					res := signInForm(t, h, tt.remote(i), tt.user, "pw-"+tt.user+"-staple", device)
					if device = setCookie(res, "copydesk_device"); res.Code != http.StatusSeeOther || device == nil {
						t.Fatalf("the owner's browser after guess %d: %d", i+1, res.Code)
					}
				}
			}
		})
	}
}

// TestCookiesBySetting: with secure cookies every sign-in cookie is Secure, for the whole site,
// without a Domain and named with the __Host- prefix, which the server then insists on, and
// every response carries HSTS; without them (plain http) the names are plain and no HSTS is sent.
func TestCookiesBySetting(t *testing.T) {
	a := newTestApp(t)
	tests := []struct {
		name   string
		secure bool
		prefix string
		hsts   string
	}{
		{"Secure", true, "__Host-", "max-age=31536000"},
		{"PlainHTTP", false, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := server.New(a.store, server.Config{Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), SecureCookies: tt.secure}).Handler()
			res := signInForm(t, h, "192.0.2.7:4444", "editor", "pw-editor-staple")
			wantStatus(t, res, http.StatusSeeOther)
			for _, name := range []string{"copydesk_session", "copydesk_device"} {
				ck := setCookie(res, name)
				if ck == nil || ck.Name != tt.prefix+name || ck.Secure != tt.secure || ck.Path != "/" || ck.Domain != "" || !ck.HttpOnly {
					t.Errorf("cookie %s: %+v", name, ck)
				}
			}
			get := httptest.NewRecorder()
			h.ServeHTTP(get, httptest.NewRequest("GET", "/login", nil))
			if ck := setCookie(get, "copydesk_login_csrf"); ck == nil || ck.Name != tt.prefix+"copydesk_login_csrf" || ck.Secure != tt.secure || ck.Path != "/" {
				t.Errorf("sign-in form's CSRF cookie: %+v", ck)
			}
			for _, target := range []string{"/", "/login", "/api/v1/drafts", "/static/nothing.css"} {
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, httptest.NewRequest("GET", target, nil))
				if got := rec.Header().Get("Strict-Transport-Security"); got != tt.hsts {
					t.Errorf("%s: Strict-Transport-Security = %q, want %q", target, got, tt.hsts)
				}
			}
			session := setCookie(res, "copydesk_session").Value
			desk := func(name string) int {
				req := httptest.NewRequest("GET", "/desk", nil)
				req.AddCookie(&http.Cookie{Name: name, Value: session})
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, req)
				return rec.Code
			}
			if code := desk(tt.prefix + "copydesk_session"); code != http.StatusOK {
				t.Errorf("the desk with the session cookie: %d", code)
			}
			if code := desk("copydesk_session"); tt.secure && code != http.StatusSeeOther {
				t.Errorf("the desk with a session planted under the plain name: %d, want a redirect to sign in", code)
			}
		})
	}
}

// TestSignOutClearsTheBrowser: signing out ends the session and has the browser drop what the
// session left in it for whoever uses it next: its cache, where the private images of drafts
// are kept a year. Its storage stays, since it holds typing the server may not have yet, and
// so does the device cookie, so that the browser's next sign-in is still its own.
func TestSignOutClearsTheBrowser(t *testing.T) {
	a := newTestApp(t)
	res := a.page("writer", "POST", "/logout", nil)
	wantStatus(t, res, http.StatusSeeOther)
	got := res.Header().Get("Clear-Site-Data")
	if got != `"cache"` {
		t.Errorf("Clear-Site-Data = %q, want the cache alone: not the storage's unsent typing, nor the device cookie", got)
	}
	if a.page("writer", "GET", "/desk", nil).Code != http.StatusSeeOther {
		t.Fatal("the session still works after signing out")
	}
}
