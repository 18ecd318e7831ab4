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

// TestRememberedCredentials checks that tokens and sessions, which a store remembers after
// looking them up, still stop working at once when this store disables their user, changes a
// role or signs a session out, and when another store on the same database (a second server)
// does, as soon as this one has read that store's events.
func TestRememberedCredentials(t *testing.T) {
	dsn := storetest.DSN(t)
	here, there := openMigrated(t, dsn, store.Options{}), openMigrated(t, dsn, store.Options{})
	admin, _ := mustUser(t, here, "admin", newsroom.RoleAdmin)
	_, writer := mustUser(t, here, "writer", newsroom.RoleWriter)
	ctx := context.Background()
	token, _, _, err := here.Login(ctx, store.SignInRequest{Username: "writer", Password: "pw-writer-staple", Addr: "192.0.2.1"})
	if err != nil {
		t.Fatal(err)
	}
	ws, err := here.SignIn(ctx, store.SignInRequest{Username: "writer", Password: "pw-writer-staple", Addr: "192.0.2.1"})
	if err != nil {
		t.Fatal(err)
	}
	cookie := ws.Cookie
	use := func(s *store.Store) (tokenRole, sessionRole newsroom.Role, tokenErr, sessionErr error) {
		if u, err := s.UserByToken(ctx, token); err == nil {
			tokenRole = u.Role
		} else {
			tokenErr = err
		}
		if u, _, err := s.SessionUser(ctx, cookie); err == nil {
			sessionRole = u.Role
		} else {
			sessionErr = err
		}
		return
	}
	// Both stores have looked the credentials up, and remember them.
	for _, s := range []*store.Store{here, there} {
		if tr, sr, te, se := use(s); tr != newsroom.RoleWriter || sr != newsroom.RoleWriter {
			t.Fatalf("before any change: %s, %s, %v, %v", tr, sr, te, se)
		}
	}
	editor := newsroom.RoleEditor
	if _, err := here.UpdateUser(admin, writer.ID, store.UserChange{Role: &editor}); err != nil {
		t.Fatal(err)
	}
	if tr, sr, _, _ := use(here); tr != editor || sr != editor {
		t.Fatalf("right after a role change on this store: token %s, session %s", tr, sr)
	}
	afterCatchUp(t, there, "the other store sees the role change", func() bool {
		tr, sr, _, _ := use(there)
		return tr == editor && sr == editor
	})

	if err := here.SignOut(ctx, cookie); err != nil {
		t.Fatal(err)
	}
	if _, _, _, se := use(here); newsroom.ErrorCode(se) != newsroom.EUNAUTHORIZED {
		t.Fatalf("a signed-out session still works on this store: %v", se)
	}
	afterCatchUp(t, there, "the other store refuses the signed-out session", func() bool {
		_, _, _, se := use(there)
		return newsroom.ErrorCode(se) == newsroom.EUNAUTHORIZED
	})

	off := true
	if _, err := there.UpdateUser(admin, writer.ID, store.UserChange{Disabled: &off}); err != nil {
		t.Fatal(err)
	}
	if _, _, te, _ := use(there); newsroom.ErrorCode(te) != newsroom.EUNAUTHORIZED {
		t.Fatalf("a disabled user's token still works on the store that disabled them: %v", te)
	}
	afterCatchUp(t, here, "this store refuses the disabled user's token", func() bool {
		_, _, te, _ := use(here)
		return newsroom.ErrorCode(te) == newsroom.EUNAUTHORIZED
	})
}

// afterCatchUp checks ok once s has read the events the other stores on its database recorded,
// as a server's scheduler has it do every tail interval.
func afterCatchUp(t *testing.T, s *store.Store, what string, ok func() bool) {
	t.Helper()
	if err := s.CatchUp(context.Background()); err != nil {
		t.Fatal(err)
	}
	if !ok() {
		t.Fatalf("%s: not once it has read the events", what)
	}
}

// TestCredentialKindsApart checks that a remembered session cookie is not taken for an API
// token, nor a remembered token for a session cookie.
func TestCredentialKindsApart(t *testing.T) {
	s := mustOpen(t, store.Options{})
	mustUser(t, s, "writer", newsroom.RoleWriter)
	ctx := context.Background()
	token, _, _, err := s.Login(ctx, store.SignInRequest{Username: "writer", Password: "pw-writer-staple", Addr: "192.0.2.1"})
	if err != nil {
		t.Fatal(err)
	}
	ws, err := s.SignIn(ctx, store.SignInRequest{Username: "writer", Password: "pw-writer-staple", Addr: "192.0.2.1"})
	if err != nil {
		t.Fatal(err)
	}
	cookie := ws.Cookie
	for range 2 { // the second round asks with everything remembered
		if _, _, err := s.SessionUser(ctx, cookie); err != nil {
			t.Fatalf("the session: %v", err)
		}
		if _, err := s.UserByToken(ctx, token); err != nil {
			t.Fatalf("the token: %v", err)
		}
		if _, err := s.UserByToken(ctx, cookie); newsroom.ErrorCode(err) != newsroom.EUNAUTHORIZED {
			t.Fatalf("a session cookie used as an API token: %v", err)
		}
		if _, _, err := s.SessionUser(ctx, token); newsroom.ErrorCode(err) != newsroom.EUNAUTHORIZED {
			t.Fatalf("an API token used as a session cookie: %v", err)
		}
	}
}

// TestStalledTailTrustsNothing has another server disable a user while this store's reading of
// the events table has stalled: for up to feedLag this store may still take the user's token
// as it remembered it, as it would between two tail intervals, but past that it looks the
// token up again and refuses it, without ever reading the event.
func TestStalledTailTrustsNothing(t *testing.T) {
	dsn := storetest.DSN(t)
	clk := clock.NewFake(time.Date(2025, 5, 7, 9, 0, 0, 0, time.UTC))
	here, there := openMigrated(t, dsn, store.Options{Clock: clk}), openMigrated(t, dsn, store.Options{Clock: clk})
	admin, _ := mustUser(t, there, "admin", newsroom.RoleAdmin)
	_, writer := mustUser(t, there, "writer", newsroom.RoleWriter)
	ctx := context.Background()
	token, _, _, err := there.Login(ctx, store.SignInRequest{Username: "writer", Password: "pw-writer-staple", Addr: "192.0.2.1"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := here.UserByToken(ctx, token); err != nil {
		t.Fatalf("before any change: %v", err)
	}
	off := true
	if _, err := there.UpdateUser(admin, writer.ID, store.UserChange{Disabled: &off}); err != nil {
		t.Fatal(err)
	}
	clk.Add(6 * time.Second)
	if _, err := here.UserByToken(ctx, token); newsroom.ErrorCode(err) != newsroom.EUNAUTHORIZED {
		t.Fatalf("a disabled user's token, 6 s after this store last read the events: %v", err)
	}
}
