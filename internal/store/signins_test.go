package store_test

import (
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/clock"
	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/store"
)

// TestSignInsPerUserBounded: every sign-in makes a session (a browser) or a token (the API),
// kept for weeks. A script that signs in over and over, and never signs out, would otherwise
// leave one row each time, in the user's list of sign-ins and in the credential cache every
// request reads. Past store.MaxSignIns of a kind, a sign-in ends the user's least recently used
// of that kind: a browser or client in daily use stays signed in, one left idle goes.
func TestSignInsPerUserBounded(t *testing.T) {
	for _, kind := range []newsroom.CredentialKind{newsroom.CredentialSession, newsroom.CredentialToken} {
		t.Run(string(kind), func(t *testing.T) {
			clk := clock.NewFake(time.Now())
			f := newNewsroomAt(t, store.Options{Clock: clk})
			ctx := t.Context()
			signIn := func() string {
				t.Helper()
				req := store.SignInRequest{Username: "sarah", Password: "pw-sarah-staple", Addr: "192.0.2.1"}
				if kind == newsroom.CredentialSession {
					ws, err := f.s.SignIn(ctx, req)
					if err != nil {
						t.Fatal(err)
					}
					return ws.Cookie
				}
				token, _, _, err := f.s.Login(ctx, req)
				if err != nil {
					t.Fatal(err)
				}
				return token
			}
			works := func(secret string) bool {
				var err error
				if kind == newsroom.CredentialSession {
					_, _, err = f.s.SessionUser(ctx, secret)
				} else {
					_, err = f.s.UserByToken(ctx, secret)
				}
				return err == nil
			}
			idle, inUse := signIn(), signIn()
			clk.Add(2 * time.Minute)
			for range store.MaxSignIns - 2 {
				signIn()
			}
			clk.Add(2 * time.Minute)
			if !works(inUse) {
				t.Fatal("a sign-in within the limit does not work")
			}
			last := signIn()
			if !works(last) || !works(inUse) {
				t.Fatal("the newest sign-in, or the one in use, ended")
			}
			if works(idle) {
				t.Fatal("the idle sign-in still works past the limit")
			}
			list, err := f.s.Credentials(f.writer, store.Presented{})
			if err != nil {
				t.Fatal(err)
			}
			n := 0
			for _, c := range list {
				if c.Kind == kind {
					n++
				}
			}
			if n > store.MaxSignIns {
				t.Fatalf("Sarah holds %d of kind %s, more than %d", n, kind, store.MaxSignIns)
			}
		})
	}
}

// TestSignInsBusyCredentialKept: a browser or client in constant use is answered from the
// credential cache, request after request. Its use must still be recorded, once a minute, or
// a burst of store.MaxSignIns sign-ins (a script) takes it for the least recently used one and
// signs it out while it is being used.
func TestSignInsBusyCredentialKept(t *testing.T) {
	for _, kind := range []newsroom.CredentialKind{newsroom.CredentialSession, newsroom.CredentialToken} {
		t.Run(string(kind), func(t *testing.T) {
			clk := clock.NewFake(time.Now())
			f := newNewsroomAt(t, store.Options{Clock: clk})
			ctx := t.Context()
			req := store.SignInRequest{Username: "sarah", Password: "pw-sarah-staple", Addr: "192.0.2.1"}
			signIn := func() string {
				t.Helper()
				if kind == newsroom.CredentialSession {
					ws, err := f.s.SignIn(ctx, req)
					if err != nil {
						t.Fatal(err)
					}
					return ws.Cookie
				}
				token, _, _, err := f.s.Login(ctx, req)
				if err != nil {
					t.Fatal(err)
				}
				return token
			}
			use := func(secret string) error {
				if err := f.s.CatchUp(ctx); err != nil {
					t.Fatal(err)
				}
				if kind == newsroom.CredentialSession {
					_, _, err := f.s.SessionUser(ctx, secret)
					return err
				}
				_, err := f.s.UserByToken(ctx, secret)
				return err
			}
			busy := signIn()
			if err := use(busy); err != nil {
				t.Fatal(err)
			}
			for i := range store.MaxSignIns {
				clk.Add(5 * time.Second)
				if err := use(busy); err != nil {
					t.Fatalf("signed out while in use, after %d other sign-ins: %v", i, err)
				}
				signIn()
			}
			if err := use(busy); err != nil {
				t.Fatalf("signed out while in use every 5s by %d other sign-ins: %v", store.MaxSignIns, err)
			}
		})
	}
}
