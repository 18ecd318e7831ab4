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
