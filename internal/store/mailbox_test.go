package store_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/clock"
	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/store"
)

// TestMailboxOfAnotherAccount: an address another account holds is refused to everyone else,
// however it is given (a person asking for a link, an admin setting it, an admin adding a user),
// in any case and spacing; a link waiting to be confirmed, live, expired or cancelled, holds
// nothing beyond the gap between links, and a person may ask again for their own.
func TestMailboxOfAnotherAccount(t *testing.T) {
	clk := clock.NewFake(time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC))
	s := mustOpen(t, store.Options{Clock: clk})
	op := store.AsOperator(t.Context())
	_, sarah := mustUser(t, s, "sarah", newsroom.RoleWriter)
	wendy, _ := mustUser(t, s, "wendy", newsroom.RoleWriter)
	olga, _ := mustUser(t, s, "olga", newsroom.RoleWriter)
	carl, _ := mustUser(t, s, "carl", newsroom.RoleWriter)
	if _, err := s.SetEmail(op, sarah.ID, "Sarah@Example.org"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.RequestEmailChange(olga, "olga@gone.example", true); err != nil {
		t.Fatal(err)
	}
	if _, err := s.RequestEmailChange(carl, "carl@dropped.example", true); err != nil {
		t.Fatal(err)
	}
	if err := s.CancelEmailChange(carl); err != nil {
		t.Fatal(err)
	}
	clk.Add(store.EmailLinkTTL)
	if _, err := s.RequestEmailChange(wendy, "wendy@new.example", true); err != nil {
		t.Fatal(err)
	}

	// Each way gives addr to a new account and returns how to take it back, so that the next
	// way finds it as the table says.
	ways := map[string]func(n int, addr string) (func() error, error){
		"Request": func(n int, addr string) (func() error, error) {
			ctx, _ := mustUser(t, s, fmt.Sprintf("asker%d", n), newsroom.RoleWriter)
			_, err := s.RequestEmailChange(ctx, addr, true)
			return func() error { return s.CancelEmailChange(ctx) }, err
		},
		"SetEmail": func(n int, addr string) (func() error, error) {
			_, u := mustUser(t, s, fmt.Sprintf("given%d", n), newsroom.RoleWriter)
			_, err := s.SetEmail(op, u.ID, addr)
			return func() error { _, err := s.SetEmail(op, u.ID, ""); return err }, err
		},
		"CreateUser": func(n int, addr string) (func() error, error) {
			u, err := s.CreateUser(op, store.NewUser{Username: fmt.Sprintf("added%d", n), Role: newsroom.RoleWriter,
				Password: "pw-added-staple", Email: addr})
			if err != nil {
				return nil, err
			}
			return func() error { _, err := s.SetEmail(op, u.ID, ""); return err }, nil
		},
	}
	tests := []struct {
		name, addr, code string
	}{
		{"ErrHeld", "Sarah@Example.org", newsroom.ECONFLICT},
		{"ErrHeldOtherCase", "sarah@EXAMPLE.ORG", newsroom.ECONFLICT},
		{"ErrHeldSpaced", "  SARAH@example.org ", newsroom.ECONFLICT},
		{"WaitingLinkHoldsNothing", "wendy@new.example", ""},
		{"WaitingLinkHoldsNothingOtherCase", "Wendy@New.Example", ""},
		{"ExpiredLinkHoldsNothing", "olga@gone.example", ""},
		{"CancelledLinkHoldsNothing", "carl@dropped.example", ""},
		{"Free", "free@example.org", ""},
	}
	n := 0
	for way, give := range ways {
		for _, tt := range tests {
			t.Run(way+"/"+tt.name, func(t *testing.T) {
				clk.Add(store.EmailMailboxGap)
				n++
				undo, err := give(n, tt.addr)
				wantCode(t, err, tt.code)
				if err == nil {
					if err := undo(); err != nil {
						t.Fatal(err)
					}
				}
			})
		}
	}
	t.Run("OwnAddressAgain", func(t *testing.T) {
		clk.Add(store.EmailMailboxGap)
		if _, err := s.RequestEmailChange(wendy, "WENDY@new.example", true); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("UnchangedAddressOfATwin", func(t *testing.T) {
		// Two accounts given one address before the rule was kept: saving either's address as it
		// is, or asking for it again, changes nothing and is not refused.
		if _, err := s.DB().Exec("UPDATE users SET email = 'twin@example.org' WHERE username IN ('olga', 'carl')"); err != nil {
			t.Fatal(err)
		}
		olgaUser := newsroom.UserFrom(olga)
		if _, err := s.SetEmail(op, olgaUser.ID, "twin@example.org"); err != nil {
			t.Errorf("SetEmail of the address held already: %v", err)
		}
		if _, err := s.RequestEmailChange(carl, "twin@example.org", true); err != nil {
			t.Errorf("RequestEmailChange of the address held already: %v", err)
		}
		if _, err := s.DB().Exec("UPDATE users SET email = '' WHERE username IN ('olga', 'carl')"); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("ErrConfirmHeldMeanwhile", func(t *testing.T) {
		// An address given to another account before the rule was kept is not confirmed twice.
		req, err := s.RequestEmailChange(carl, "carl@later.example", true)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.DB().Exec("UPDATE users SET email = 'Carl@Later.example' WHERE username = 'sarah'"); err != nil {
			t.Fatal(err)
		}
		_, err = s.ConfirmEmail(carl, req.Token)
		wantCode(t, err, newsroom.ECONFLICT)
	})
}

// TestMailboxRace holds that when one address is given to several accounts at the same moment,
// by admins and by people asking for links, one account has it and no other account's link to it
// still waits, the others refused or their links ended: on PostgreSQL, where transactions run
// side by side, each would otherwise find it free.
func TestMailboxRace(t *testing.T) {
	s := mustOpen(t, store.Options{})
	op := store.AsOperator(t.Context())
	const n = 8
	var people []context.Context
	var ids []int64
	for i := range n {
		ctx, u := mustUser(t, s, fmt.Sprintf("person%d", i), newsroom.RoleWriter)
		people, ids = append(people, ctx), append(ids, u.ID)
	}
	for round := range 4 {
		addr := fmt.Sprintf("shared%d@example.org", round)
		var wg sync.WaitGroup
		start := make(chan struct{})
		codes := make([]string, n+1)
		for i := range n {
			wg.Go(func() {
				<-start
				var err error
				if i%2 == 0 {
					_, err = s.SetEmail(op, ids[i], addr)
				} else {
					_, err = s.RequestEmailChange(people[i], addr, true)
				}
				codes[i] = newsroom.ErrorCode(err)
			})
		}
		wg.Go(func() {
			<-start
			_, err := s.CreateUser(op, store.NewUser{Username: fmt.Sprintf("new%d", round), Role: newsroom.RoleWriter,
				Password: "pw-new-staple", Email: addr})
			codes[n] = newsroom.ErrorCode(err)
		})
		close(start)
		wg.Wait()
		for _, c := range codes {
			if c != "" && c != newsroom.ECONFLICT && c != newsroom.ETOOMANY {
				t.Fatalf("giving %s to %d accounts at once answers %q", addr, n+1, codes)
			}
		}
		var holders, waiting int
		if err := s.DB().QueryRow("SELECT count(*) FROM users WHERE email = $1", addr).Scan(&holders); err != nil {
			t.Fatal(err)
		}
		if err := s.DB().QueryRow("SELECT count(*) FROM email_changes c JOIN users u ON u.id = c.user_id WHERE c.address = $1 AND c.status = 'pending' AND u.email <> c.address", addr).Scan(&waiting); err != nil {
			t.Fatal(err)
		}
		if holders != 1 || waiting != 0 {
			t.Fatalf("giving %s to %d accounts at once (%q) leaves %d holding it and %d others' links to it waiting", addr, n+1, codes, holders, waiting)
		}
	}
}
