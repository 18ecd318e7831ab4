package server_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
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
		{"RightPassword", "pw-writer", http.StatusForbidden, "this account is disabled"},
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
	first := signInForm(t, h, owner, "editor", "pw-editor")
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
	if code := apiLogin(owner, "pw-editor"); code != http.StatusOK {
		t.Fatalf("the owner's API sign-in from elsewhere: %d", code)
	}
	if res := signInForm(t, h, owner, "editor", "pw-editor"); res.Code != http.StatusSeeOther {
		t.Fatalf("the owner's page sign-in from elsewhere: %d", res.Code)
	}
	res := signInForm(t, h, guesser, "editor", "pw-editor")
	wantStatus(t, res, http.StatusUnauthorized)
	wantBody(t, res, "too many failed sign-ins")
	res = signInForm(t, h, guesser, "editor", "pw-editor", device)
	if renewed := setCookie(res, "copydesk_device"); res.Code != http.StatusSeeOther || renewed == nil || renewed.Value == device.Value {
		t.Fatalf("the owner's browser with its device cookie at the guesser's address: %d, device cookie %+v", res.Code, renewed)
	}
	if code := apiLogin(guesser, "guess"); code != http.StatusTooManyRequests {
		t.Fatalf("the guesser after the owner signed in: %d", code)
	}
}
