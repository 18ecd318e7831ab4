package server_test

import (
	"encoding/base64"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestTokens: a user lists their tokens and sessions with their last use, signs out the token
// they use and no other, revokes another by id (not someone else's), and all but the one they use.
func TestTokens(t *testing.T) {
	a := newTestApp(t)
	a.tokens["writer2"], a.tokens["writer3"] = a.login("writer"), a.login("writer")
	a.session("writer")
	list := func(actor string) []newsroom.Credential {
		t.Helper()
		res := a.do(actor, "GET", "/api/v1/me/credentials", "")
		wantStatus(t, res, http.StatusOK)
		return decode[struct{ Items []newsroom.Credential }](t, res).Items
	}
	current := func(actor string) string {
		t.Helper()
		for _, c := range list(actor) {
			if c.Current {
				return c.ID
			}
		}
		t.Fatalf("%s's token is not current in the list", actor)
		return ""
	}
	works := func(actor string) bool { return a.do(actor, "GET", "/api/v1/drafts", "").Code == http.StatusOK }

	creds := list("writer2")
	kinds := map[newsroom.CredentialKind]int{}
	for _, c := range creds {
		kinds[c.Kind]++
		if c.LastUsedAt.IsZero() || c.LastUsedAt.Before(c.CreatedAt) || !c.ExpiresAt.After(c.LastUsedAt) {
			t.Errorf("credential %+v: no sensible last use", c)
		}
	}
	if len(creds) != 4 || kinds[newsroom.CredentialToken] != 3 || kinds[newsroom.CredentialSession] != 1 {
		t.Fatalf("list = %+v, want three tokens and a session", creds)
	}

	wantStatus(t, a.do("writer2", "POST", "/api/v1/logout", ""), http.StatusNoContent)
	if works("writer2") || !works("writer") || !works("writer3") || !works("editor") {
		t.Fatal("logout revoked the wrong tokens")
	}

	wantStatus(t, a.do("writer", "DELETE", "/api/v1/me/credentials/"+current("editor"), ""), http.StatusNotFound)
	wantStatus(t, a.do("writer", "DELETE", "/api/v1/me/credentials/"+current("writer3"), ""), http.StatusNoContent)
	if works("writer3") || !works("writer") || !works("editor") {
		t.Fatal("revoking one token revoked the wrong ones")
	}

	res := a.do("writer", "POST", "/api/v1/me/credentials/revoke-others", "")
	wantStatus(t, res, http.StatusOK)
	if n := decode[struct{ Revoked int }](t, res).Revoked; n != 1 {
		t.Fatalf("revoked %d, want the session", n)
	}
	if a.page("writer", "GET", "/desk", nil).Code != http.StatusSeeOther || !works("writer") {
		t.Fatal("revoking the others: the session still works, or the token used stopped")
	}
}

// TestAccountPage: the header links to the account page, which lists the viewer's sessions and
// tokens with a button to revoke each but this browser's, and one to sign out everywhere else.
func TestAccountPage(t *testing.T) {
	a := newTestApp(t)
	wantBody(t, a.page("writer", "GET", "/desk", nil), `href="/account"`)
	token := a.spareCredential("writer")
	res := a.page("writer", "GET", "/account", nil)
	wantStatus(t, res, http.StatusOK)
	wantBody(t, res, "Web session", "API token", "this browser", `action="/account/revoke/`+token+`"`, `action="/account/revoke-others"`)
	if n := strings.Count(res.Body.String(), `<button type="submit">Revoke</button>`); n != 2 {
		t.Fatalf("%d revoke buttons, want one for each of the two tokens", n)
	}

	tests := []struct {
		name, target, csrf string
		wantStatus         int
		wantFlash          string
	}{
		{"Forged", "/account/revoke/" + token, "forged", http.StatusForbidden, ""},
		{"Revoke", "/account/revoke/" + token, "", http.StatusSeeOther, "Signed out"},
		{"Again", "/account/revoke/" + token, "", http.StatusSeeOther, "signed out already"},
		{"SomeoneElses", "/account/revoke/" + a.spareCredential("editor"), "", http.StatusSeeOther, "signed out already"},
		{"Others", "/account/revoke-others", "", http.StatusSeeOther, "Signed out everywhere else (1 revoked)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			form := url.Values{}
			if tt.csrf != "" {
				form.Set("csrf", tt.csrf)
			}
			res := a.page("writer", "POST", tt.target, form)
			wantStatus(t, res, tt.wantStatus)
			if tt.wantFlash != "" {
				if loc, msg := res.Header().Get("Location"), flashOf(res); loc != "/account" || !strings.Contains(msg, tt.wantFlash) {
					t.Fatalf("redirected to %q with the message %q, want /account and %q", loc, msg, tt.wantFlash)
				}
			}
		})
	}
	if a.do("writer", "GET", "/api/v1/drafts", "").Code != http.StatusUnauthorized || a.do("spare", "GET", "/api/v1/drafts", "").Code != http.StatusOK {
		t.Fatal("after revoking: the writer's token still works, or the editor's stopped")
	}
	if a.page("writer", "GET", "/account", nil).Code != http.StatusOK {
		t.Fatal("signing out everywhere else signed this browser out")
	}
}

// flashOf returns the message a redirect carries to the page it lands on, which the message
// names with it.
func flashOf(res *httptest.ResponseRecorder) string {
	ck := setCookie(res, "copydesk_flash")
	if ck == nil || ck.Value == "" {
		ck = setCookie(res, "copydesk_warning")
	}
	if ck == nil {
		return ""
	}
	carried, _ := base64.RawURLEncoding.DecodeString(ck.Value)
	to, msg, _ := strings.Cut(string(carried), "\n")
	if at, err := url.Parse(res.Header().Get("Location")); err != nil || at.Path != to {
		return fmt.Sprintf("%q, carried to %s rather than to %s", msg, to, res.Header().Get("Location"))
	}
	return msg
}
