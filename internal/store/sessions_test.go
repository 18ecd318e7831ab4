package store_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/clock"
	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/store"
)

// TestThrottleBurst sends many wrong passwords at once: each is charged before its password is
// checked, so the burst cannot all slip past the wait.
func TestThrottleBurst(t *testing.T) {
	f := newNewsroom(t)
	var wg sync.WaitGroup
	var mu sync.Mutex
	codes := map[string]int{}
	for i := 0; i < 20; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, _, _, err := f.s.Login(context.Background(), store.SignInRequest{Username: "sarah", Password: "guess", Addr: "198.51.100.9"})
			mu.Lock()
			codes[newsroom.ErrorCode(err)]++
			mu.Unlock()
		}()
	}
	wg.Wait()
	if codes[newsroom.EUNAUTHORIZED] > 6 || codes[newsroom.ETOOMANY] < 14 {
		t.Fatalf("a burst of 20 guesses got %v; at most 6 may be checked", codes)
	}
}

// TestThrottleKeepsAddressCount shows that signing in to one's own account refunds that attempt
// but does not wipe the failures the same address piled up against others.
func TestThrottleKeepsAddressCount(t *testing.T) {
	f := newNewsroom(t)
	const addr = "203.0.113.5"
	for _, user := range []string{"otto", "fiona", "ed", "ada"} {
		f.s.Login(context.Background(), store.SignInRequest{Username: user, Password: "spray", Addr: addr})
	}
	if _, _, _, err := f.s.Login(context.Background(), store.SignInRequest{Username: "sarah", Password: "pw-sarah-staple", Addr: addr}); err != nil {
		t.Fatalf("a right password: %v", err)
	}
	_, _, _, err := f.s.Login(context.Background(), store.SignInRequest{Username: "otto", Password: "spray", Addr: addr})
	wantCode(t, err, newsroom.EUNAUTHORIZED) // the fifth failure from this address
	_, _, _, err = f.s.Login(context.Background(), store.SignInRequest{Username: "sarah", Password: "pw-sarah-staple", Addr: addr})
	wantCode(t, err, newsroom.ETOOMANY)
}

// TestPrune deletes expired sessions and tokens and old sign-in failures, and nothing live.
func TestPrune(t *testing.T) {
	clk := clock.NewFake(time.Date(2025, 5, 7, 9, 0, 0, 0, time.UTC))
	f := newNewsroomAt(t, store.Options{Clock: clk, TokenTTL: time.Hour})
	old, err := f.s.SignIn(context.Background(), store.SignInRequest{Username: "sarah", Password: "pw-sarah-staple"})
	if err != nil {
		t.Fatal(err)
	}
	f.s.Login(context.Background(), store.SignInRequest{Username: "sarah", Password: "pw-sarah-staple"})
	f.s.Login(context.Background(), store.SignInRequest{Username: "otto", Password: "wrong", Addr: "192.0.2.1"})
	clk.Add(25 * time.Hour)
	live, err := f.s.SignIn(context.Background(), store.SignInRequest{Username: "ed", Password: "pw-ed-staple"})
	if err != nil {
		t.Fatal(err)
	}
	if err := f.s.Prune(context.Background()); err != nil {
		t.Fatal(err)
	}
	count := func(table string) int {
		var n int
		if err := f.s.DB().QueryRow("SELECT COUNT(*) FROM " + table).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	if s, tk, lf := count("sessions"), count("tokens"), count("login_failures"); s != 1 || tk != 0 || lf != 0 {
		t.Fatalf("after prune: %d sessions, %d tokens, %d failures; want 1, 0, 0", s, tk, lf)
	}
	if _, _, err := f.s.SessionUser(context.Background(), live.Cookie); err != nil {
		t.Fatalf("the live session was pruned: %v", err)
	}
	_, _, err = f.s.SessionUser(context.Background(), old.Cookie)
	wantCode(t, err, newsroom.EUNAUTHORIZED)
}
