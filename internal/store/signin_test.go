package store_test

import (
	"context"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/clock"
	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/store"
)

// TestDisabledUserSignIn: a disabled user is told so only after giving the right password;
// a wrong one gets the same answer as anyone's wrong password.
func TestDisabledUserSignIn(t *testing.T) {
	f := newNewsroom(t)
	_, sarah, _, _ := f.s.Login(context.Background(), store.SignInRequest{Username: "sarah", Password: "pw-sarah-staple"})
	off := true
	if _, err := f.s.UpdateUser(f.admin, sarah.ID, store.UserChange{Disabled: &off}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, password, wantCode, wantMessage string
	}{
		{"WrongPassword", "guess", newsroom.EUNAUTHORIZED, "wrong username or password"},
		{"RightPassword", "pw-sarah-staple", newsroom.EFORBIDDEN, "disabled"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, _, err := f.s.Login(context.Background(), store.SignInRequest{Username: "sarah", Password: tt.password, Addr: "192.0.2.1"})
			wantCode(t, err, tt.wantCode)
			if msg := newsroom.ErrorMessage(err); !strings.Contains(msg, tt.wantMessage) {
				t.Fatalf("message %q, want %q", msg, tt.wantMessage)
			}
		})
	}
}

// TestSignInsShareTheCPUs: a crowd of sign-ins at once, each from its own address as the
// throttle lets through, checks its passwords a few at a time (half the CPUs, at least one),
// each bcrypt taking its tens of milliseconds of a CPU in turn, so that the rest of the
// server's work keeps CPUs to run on; and every one of them is answered.
func TestSignInsShareTheCPUs(t *testing.T) {
	s := mustOpen(t, store.Options{PasswordCost: 11})
	mustUser(t, s, "sarah", newsroom.RoleWriter)
	slots := max(1, runtime.GOMAXPROCS(0)/2)
	n := 2*runtime.GOMAXPROCS(0) + 2
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, _, _, err := s.Login(context.Background(), store.SignInRequest{Username: "sarah", Password: "guess", Addr: fmt.Sprintf("198.51.100.%d", i+1)})
			errs <- err
		}()
	}
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	most, buf := 0, make([]byte, 1<<20)
	for sampling := true; sampling; {
		select {
		case <-done:
			sampling = false
		case <-time.After(time.Millisecond):
			stacks := string(buf[:runtime.Stack(buf, true)])
			most = max(most, strings.Count(stacks, "golang.org/x/crypto/bcrypt.CompareHashAndPassword("))
		}
	}
	close(errs)
	for err := range errs {
		wantCode(t, err, newsroom.EUNAUTHORIZED)
	}
	if most == 0 || most > slots {
		t.Fatalf("%d sign-ins checked passwords %d at a time, want at most %d", n, most, slots)
	}
}

// TestSignInFreeTriesWaitForNothing: an attempt whose clock reads earlier than the last failure
// recorded on its counter (on PostgreSQL, sign-ins run side by side and each reads the time
// before it takes its turn at the counters) is not told to wait while the counter has free
// tries left.
func TestSignInFreeTriesWaitForNothing(t *testing.T) {
	clk := clock.NewFake(time.Date(2026, 12, 6, 9, 0, 0, 0, time.UTC))
	s := mustOpen(t, store.Options{Clock: clk})
	mustUser(t, s, "sarah", newsroom.RoleWriter)
	clk.Add(5 * time.Millisecond)
	_, _, _, err := s.Login(context.Background(), store.SignInRequest{Username: "sarah", Password: "guess", Addr: "198.51.100.1"})
	wantCode(t, err, newsroom.EUNAUTHORIZED)
	clk.Add(-5 * time.Millisecond)
	_, _, _, err = s.Login(context.Background(), store.SignInRequest{Username: "sarah", Password: "guess", Addr: "198.51.100.2"})
	wantCode(t, err, newsroom.EUNAUTHORIZED)
}
