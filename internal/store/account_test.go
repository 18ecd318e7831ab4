package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/clock"
	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/store"
	"github.com/copydesk/copydesk/internal/store/storetest"
)

// credentialID returns the id under which the owner's list shows the credential presented.
func credentialID(t *testing.T, s *store.Store, owner context.Context, presented store.Presented) string {
	t.Helper()
	list, err := s.Credentials(owner, presented)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range list {
		if c.Current {
			return c.ID
		}
	}
	t.Fatalf("%s is not in its owner's list %+v", presented.Kind, list)
	return ""
}

// TestCredentialsLastUse: a user's list shows each token and session with its last use, which
// is written down at most once a minute, whichever server sees the use.
func TestCredentialsLastUse(t *testing.T) {
	t0 := time.Date(2025, 5, 7, 9, 0, 0, 0, time.UTC)
	clk := clock.NewFake(t0)
	dsn := storetest.DSN(t)
	opts := store.Options{Clock: clk}
	s := openMigrated(t, dsn, opts)
	sarah, _ := mustUser(t, s, "sarah", newsroom.RoleWriter)
	ctx := context.Background()
	token, _, _, err := s.Login(ctx, store.SignInRequest{Username: "sarah", Password: "pw-sarah-staple"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SignIn(ctx, store.SignInRequest{Username: "sarah", Password: "pw-sarah-staple"}); err != nil {
		t.Fatal(err)
	}
	use := func(s *store.Store) {
		t.Helper()
		if _, err := s.UserByToken(ctx, token); err != nil {
			t.Fatal(err)
		}
	}
	clk.Add(2 * time.Minute)
	use(s)
	clk.Add(30 * time.Second)
	use(openMigrated(t, dsn, opts)) // another server, which has remembered nothing
	list, err := s.Credentials(sarah, store.Presented{Kind: newsroom.CredentialToken, Secret: token})
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 {
		t.Fatalf("list = %+v, want a token and a session", list)
	}
	tok, sess := list[0], list[1]
	if tok.Kind != newsroom.CredentialToken || !tok.Current || !tok.LastUsedAt.Equal(t0.Add(2*time.Minute)) || !tok.CreatedAt.Equal(t0) {
		t.Fatalf("token: %+v; want current, created at %v, last used at %v", tok, t0, t0.Add(2*time.Minute))
	}
	if sess.Kind != newsroom.CredentialSession || sess.Current || !sess.LastUsedAt.Equal(t0) || !sess.ExpiresAt.After(t0) {
		t.Fatalf("session: %+v", sess)
	}
	clk.Add(time.Minute)
	use(openMigrated(t, dsn, opts))
	list, _ = s.Credentials(sarah, store.Presented{})
	if !list[0].LastUsedAt.Equal(t0.Add(3*time.Minute+30*time.Second)) || list[0].Current {
		t.Fatalf("after a minute more: %+v", list[0])
	}
}

// TestRevokeCredentials: a user revokes one token or session of theirs by id, or all but the
// one they use, or signs the token they use out; each stops working at once on this server and
// on another once it has read the events, and nobody else's is touched.
func TestRevokeCredentials(t *testing.T) {
	dsn := storetest.DSN(t)
	here, there := openMigrated(t, dsn, store.Options{}), openMigrated(t, dsn, store.Options{})
	sarah, _ := mustUser(t, here, "sarah", newsroom.RoleWriter)
	otto, _ := mustUser(t, here, "otto", newsroom.RoleWriter)
	ctx := context.Background()
	login := func(user string) string {
		t.Helper()
		token, _, _, err := here.Login(ctx, store.SignInRequest{Username: user, Password: "pw-" + user + "-staple"})
		if err != nil {
			t.Fatal(err)
		}
		return token
	}
	kept, spare, ottos := login("sarah"), login("sarah"), login("otto")
	ws, err := here.SignIn(ctx, store.SignInRequest{Username: "sarah", Password: "pw-sarah-staple"})
	if err != nil {
		t.Fatal(err)
	}
	works := func(s *store.Store, token string) bool {
		_, err := s.UserByToken(ctx, token)
		return err == nil
	}
	sessionWorks := func(s *store.Store) bool {
		_, _, err := s.SessionUser(ctx, ws.Cookie)
		return err == nil
	}
	for _, s := range []*store.Store{here, there} { // both remember everything now
		if !works(s, kept) || !works(s, spare) || !works(s, ottos) || !sessionWorks(s) {
			t.Fatal("a fresh credential does not work")
		}
	}

	spareID := credentialID(t, here, sarah, store.Presented{Kind: newsroom.CredentialToken, Secret: spare})
	ottosID := credentialID(t, here, otto, store.Presented{Kind: newsroom.CredentialToken, Secret: ottos})
	for _, id := range []string{ottosID, "token-abc", "tokens-1", "session-0", ""} {
		wantCode(t, here.RevokeCredential(sarah, id), newsroom.ENOTFOUND)
	}
	if err := here.RevokeCredential(sarah, spareID); err != nil {
		t.Fatal(err)
	}
	if works(here, spare) || !works(here, kept) || !works(here, ottos) {
		t.Fatal("revoking one token: it still works here, or another stopped")
	}
	afterCatchUp(t, there, "the other server refuses the revoked token", func() bool { return !works(there, spare) })

	n, err := here.RevokeOtherCredentials(sarah, store.Presented{Kind: newsroom.CredentialToken, Secret: kept})
	if err != nil || n != 1 {
		t.Fatalf("RevokeOtherCredentials = %d, %v; want the one session", n, err)
	}
	if sessionWorks(here) || !works(here, kept) || !works(here, ottos) {
		t.Fatal("revoking the others: the session still works, or the kept token or otto's stopped")
	}
	afterCatchUp(t, there, "the other server refuses the revoked session", func() bool { return !sessionWorks(there) })

	if err := here.Logout(sarah, kept); err != nil {
		t.Fatal(err)
	}
	if works(here, kept) || !works(here, ottos) {
		t.Fatal("logging out: the token still works, or otto's stopped")
	}
	wantCode(t, here.Logout(ctx, ottos), newsroom.EUNAUTHORIZED)
}
