package server_test

import (
	"net/http"
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
