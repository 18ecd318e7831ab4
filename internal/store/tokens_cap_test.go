package store_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/clock"
	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/store"
)

// TestMakeTokenCap: a person keeps store.MaxNamedTokens live API tokens at most; the next is
// refused naming the limit, until one is revoked or expires. Sign-ins, which make unnamed
// tokens, are not counted.
func TestMakeTokenCap(t *testing.T) {
	clk := clock.NewFake(time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC))
	s := mustOpen(t, store.Options{Clock: clk})
	sarah, _ := mustUser(t, s, "sarah", newsroom.RoleWriter)
	const pw = "pw-sarah-staple"
	for i := range store.MaxNamedTokens {
		if _, err := s.MakeToken(sarah, pw, fmt.Sprintf("program %d", i)); err != nil {
			t.Fatalf("token %d: %v", i+1, err)
		}
	}
	steps := []struct {
		name string
		do   func(t *testing.T)
		code string
	}{
		{"ErrOneMore", func(*testing.T) {}, newsroom.EINVALID},
		{"SignInsDoNotCount", func(t *testing.T) {
			if _, _, _, err := s.Login(t.Context(), store.SignInRequest{Username: "sarah", Password: pw}); err != nil {
				t.Fatal(err)
			}
		}, newsroom.EINVALID},
		{"AfterOneIsRevoked", func(t *testing.T) {
			creds, err := s.Credentials(sarah, store.Presented{})
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range creds {
				if c.Kind == newsroom.CredentialToken && c.Name != "" {
					if err := s.RevokeCredential(sarah, c.ID); err != nil {
						t.Fatal(err)
					}
					return
				}
			}
			t.Fatal("no named token to revoke")
		}, ""},
		{"ErrFullAgain", func(*testing.T) {}, newsroom.EINVALID},
		{"AfterTheyExpire", func(*testing.T) { clk.Add(25 * time.Hour) }, ""},
	}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			st.do(t)
			_, err := s.MakeToken(sarah, pw, "one more")
			wantCode(t, err, st.code)
			if st.code != "" && !strings.Contains(newsroom.ErrorMessage(err), fmt.Sprint(store.MaxNamedTokens)) {
				t.Errorf("the refusal %q does not name the limit", newsroom.ErrorMessage(err))
			}
		})
	}
}
