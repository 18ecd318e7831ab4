package server_test

import (
	"fmt"
	"net/http"
	"net/url"
	"testing"

	"github.com/copydesk/copydesk/internal/store"
)

// TestAccountPageTokenCap: past store.MaxNamedTokens live tokens, the account page refuses
// another, saying why and naming the limit, and shows the form again with the name typed.
func TestAccountPageTokenCap(t *testing.T) {
	a := newTestApp(t)
	for i := range store.MaxNamedTokens {
		if _, err := a.store.MakeToken(ctxAs(a, "writer"), "pw-writer-staple", fmt.Sprintf("program %d", i)); err != nil {
			t.Fatal(err)
		}
	}
	res := a.page("writer", "POST", "/account/tokens", url.Values{"name": {"Newsletter"}, "password": {"pw-writer-staple"}})
	wantStatus(t, res, http.StatusUnprocessableEntity)
	wantBody(t, res, fmt.Sprintf("No token made: you keep %d API tokens, the most one person may", store.MaxNamedTokens), `value="Newsletter"`)
}
