package store

import (
	"context"
	"maps"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestPasswordWaitEndsWithRequest: a sign-in, or a password given again to make a token, whose
// request ends while it waits for a bcrypt turn (every turn taken: its client left, or its
// deadline passed) is told so (ECANCELED), not that the server failed (EINTERNAL) nor that the
// database is unavailable (EUNAVAILABLE); and the attempt, charged to the throttle before the
// wait, is taken back, since it guessed nothing. The wrong sign-in counted before it stays
// counted: taking an attempt back clears no one's failures.
func TestPasswordWaitEndsWithRequest(t *testing.T) {
	s := openStore(t, Options{})
	u, err := s.CreateUser(AsOperator(context.Background()), NewUser{Username: "sarah", Role: newsroom.RoleWriter, Password: "pw-sarah-staple"})
	if err != nil {
		t.Fatal(err)
	}
	sarah := newsroom.WithUser(context.Background(), u)
	if _, _, _, err := s.Login(context.Background(), SignInRequest{Username: "sarah", Password: "guess", Addr: "192.0.2.1"}); newsroom.ErrorCode(err) != newsroom.EUNAUTHORIZED {
		t.Fatalf("a wrong sign-in: %v", err)
	}
	counted := func() map[string]int {
		t.Helper()
		n, err := failuresCounted(s)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	before := counted()
	for range cap(s.bcrypts) {
		s.bcrypts <- struct{}{}
	}
	defer func() {
		for range cap(s.bcrypts) {
			<-s.bcrypts
		}
	}()
	attempts := []struct {
		name string
		as   context.Context
		try  func(ctx context.Context) error
	}{
		{"SignIn", context.Background(), func(ctx context.Context) error {
			_, _, _, err := s.Login(ctx, SignInRequest{Username: "sarah", Password: "pw-sarah-staple", Addr: "192.0.2.1"})
			return err
		}},
		{"MakeToken", sarah, func(ctx context.Context) error {
			_, err := s.MakeToken(ctx, "pw-sarah-staple", "Newsletter")
			return err
		}},
	}
	ends := []struct {
		name string
		end  func(parent context.Context) (context.Context, context.CancelFunc)
	}{
		{"Canceled", func(parent context.Context) (context.Context, context.CancelFunc) {
			ctx, cancel := context.WithCancel(parent)
			go func() {
				// The client leaves once the attempt is charged, and so waits for its turn.
				defer cancel()
				for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(time.Millisecond) {
					if n, err := failuresCounted(s); err != nil || !maps.Equal(n, before) {
						return
					}
				}
			}()
			return ctx, cancel
		}},
		{"DeadlineExceeded", func(parent context.Context) (context.Context, context.CancelFunc) {
			return context.WithTimeout(parent, time.Second)
		}},
	}
	for _, a := range attempts {
		for _, e := range ends {
			t.Run(a.name+e.name, func(t *testing.T) {
				ctx, cancel := e.end(a.as)
				defer cancel()
				if err := a.try(ctx); newsroom.ErrorCode(err) != newsroom.ECANCELED {
					t.Fatalf("error = %v (code %q), want %q", err, newsroom.ErrorCode(err), newsroom.ECANCELED)
				}
				if now := counted(); !maps.Equal(now, before) {
					t.Fatalf("failures counted = %v, want %v as before the attempt", now, before)
				}
			})
		}
	}
}

// failuresCounted is the failures each throttle counter of s holds, by key.
func failuresCounted(s *Store) (map[string]int, error) {
	var rows []loginFailureRow
	if err := s.read(context.Background()).Find(&rows).Error; err != nil {
		return nil, err
	}
	out := make(map[string]int, len(rows))
	for _, r := range rows {
		out[r.Key] = r.Failures
	}
	return out, nil
}
