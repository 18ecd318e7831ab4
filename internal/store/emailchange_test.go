package store_test

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/clock"
	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/store"
)

// TestRequestEmailChange: a person's new address waits for its link while email goes on to the
// confirmed one; the link works once, for them, before it expires; removing the address is at
// once; and no address is taken that the server cannot mail.
func TestRequestEmailChange(t *testing.T) {
	clk := clock.NewFake(time.Date(2026, 12, 6, 9, 0, 0, 0, time.UTC))
	s := mustOpen(t, store.Options{Clock: clk})
	sarah, su := mustUser(t, s, "sarah", newsroom.RoleWriter)
	wendy, _ := mustUser(t, s, "wendy", newsroom.RoleWriter)
	if _, err := s.SetEmail(store.AsOperator(t.Context()), su.ID, "sarah@old.example"); err != nil {
		t.Fatal(err)
	}
	confirmed := func(t *testing.T) string {
		t.Helper()
		_, u, _, err := s.Login(t.Context(), store.SignInRequest{Username: "sarah", Password: "pw-sarah-staple"})
		if err != nil {
			t.Fatal(err)
		}
		return u.Email
	}

	_, err := s.RequestEmailChange(sarah, "sarah@new.example", false)
	wantCode(t, err, newsroom.ECONFLICT)
	req, err := s.RequestEmailChange(sarah, "Sarah@New.Example", true)
	if err != nil {
		t.Fatal(err)
	}
	if req.Token == "" || req.Pending == nil || req.Pending.Address != "Sarah@new.example" || req.User.Email != "sarah@old.example" ||
		!req.Pending.ExpiresAt.Equal(clk.Now().Add(store.EmailLinkTTL)) {
		t.Fatalf("RequestEmailChange = %+v, %+v", req, req.Pending)
	}
	var kept string
	if err := s.DB().QueryRow("SELECT hash FROM email_changes").Scan(&kept); err != nil || kept == req.Token {
		t.Fatalf("the link is kept as %q (%v)", kept, err)
	}
	if got := confirmed(t); got != "sarah@old.example" {
		t.Fatalf("before the link is followed, email goes to %q", got)
	}
	if p, err := s.PendingEmail(sarah); err != nil || p == nil || p.Address != "Sarah@new.example" {
		t.Fatalf("PendingEmail = %+v, %v", p, err)
	}

	tests := []struct {
		name  string
		token string
		code  string
	}{
		{"ErrWrongToken", req.Token + "x", newsroom.ENOTFOUND},
		{"ErrEmptyToken", "", newsroom.ENOTFOUND},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := s.ConfirmEmail(sarah, tt.token)
			wantCode(t, err, tt.code)
		})
	}
	t.Run("ErrSomeoneElses", func(t *testing.T) {
		_, err := s.ConfirmEmail(wendy, req.Token)
		wantCode(t, err, newsroom.ENOTFOUND)
		_, err = s.EmailLink(wendy, req.Token)
		wantCode(t, err, newsroom.ENOTFOUND)
	})
	t.Run("Confirm", func(t *testing.T) {
		if p, err := s.EmailLink(sarah, req.Token); err != nil || p.Address != "Sarah@new.example" {
			t.Fatalf("EmailLink = %+v, %v", p, err)
		}
		got, err := s.ConfirmEmail(sarah, req.Token)
		if err != nil || got.Old != "sarah@old.example" || got.User.Email != "Sarah@new.example" {
			t.Fatalf("ConfirmEmail = %+v, %v", got, err)
		}
		if got := confirmed(t); got != "Sarah@new.example" {
			t.Fatalf("after the link, email goes to %q", got)
		}
		if p, _ := s.PendingEmail(sarah); p != nil {
			t.Fatalf("still pending: %+v", p)
		}
	})
	t.Run("ErrUsed", func(t *testing.T) {
		_, err := s.ConfirmEmail(sarah, req.Token)
		wantCode(t, err, newsroom.ECONFLICT)
	})
	t.Run("ErrExpired", func(t *testing.T) {
		clk.Add(store.EmailMailboxGap)
		req, err := s.RequestEmailChange(sarah, "sarah@later.example", true)
		if err != nil {
			t.Fatal(err)
		}
		clk.Add(store.EmailLinkTTL)
		_, err = s.ConfirmEmail(sarah, req.Token)
		wantCode(t, err, newsroom.ECONFLICT)
		if p, _ := s.PendingEmail(sarah); p != nil {
			t.Fatalf("an expired address is pending: %+v", p)
		}
	})
	t.Run("ErrCancelledAndReplaced", func(t *testing.T) {
		first, err := s.RequestEmailChange(sarah, "sarah@first.example", true)
		if err != nil {
			t.Fatal(err)
		}
		second, err := s.RequestEmailChange(sarah, "sarah@second.example", true)
		if err != nil {
			t.Fatal(err)
		}
		_, err = s.ConfirmEmail(sarah, first.Token)
		wantCode(t, err, newsroom.ECONFLICT)
		if err := s.CancelEmailChange(sarah); err != nil {
			t.Fatal(err)
		}
		_, err = s.ConfirmEmail(sarah, second.Token)
		wantCode(t, err, newsroom.ECONFLICT)
	})
	t.Run("Removed", func(t *testing.T) {
		clk.Add(time.Hour)
		if _, err := s.RequestEmailChange(sarah, "sarah@third.example", true); err != nil {
			t.Fatal(err)
		}
		got, err := s.RequestEmailChange(sarah, "", false)
		if err != nil || got.Token != "" || got.Old != "Sarah@new.example" || got.User.Email != "" || got.Pending != nil {
			t.Fatalf("RequestEmailChange(\"\") = %+v, %v", got, err)
		}
		if p, _ := s.PendingEmail(sarah); p != nil || confirmed(t) != "" {
			t.Fatalf("after removing: pending %+v, confirmed %q", p, confirmed(t))
		}
	})
}

// TestEmailLinkRateLimit: one person asks for a link to one address at most once in
// EmailMailboxGap, however it is written, and another person's link to it holds no one up; one
// person asks for at most EmailLinksPerHour links an hour, to any addresses.
func TestEmailLinkRateLimit(t *testing.T) {
	clk := clock.NewFake(time.Date(2026, 12, 6, 9, 0, 0, 0, time.UTC))
	s := mustOpen(t, store.Options{Clock: clk})
	runLinkSteps(t, s, clk, []linkStep{
		{"First", "sarah", "victim@example.org", 0, "", 0},
		{"ErrSameAddressAgain", "sarah", "victim@example.org", time.Minute, newsroom.ETOOMANY, 4 * 60},
		{"ErrSameAddressOtherCase", "sarah", "VICTIM@example.org", 0, newsroom.ETOOMANY, 4 * 60},
		{"SameAddressOtherPersonWithinTheGap", "wendy", "victim@example.org", 0, "", 0},
		{"Second", "sarah", "b@example.org", 0, "", 0},
		{"ErrSameAddressOtherPersonAgain", "wendy", "victim@example.org", time.Minute, newsroom.ETOOMANY, 4 * 60},
		{"AfterTheGap", "wendy", "victim@example.org", store.EmailMailboxGap, "", 0},
		{"SameAddressFirstPersonAfterTheGap", "sarah", "victim@example.org", 0, "", 0},
		{"Fourth", "sarah", "d@example.org", 0, "", 0},
		{"Fifth", "sarah", "e@example.org", 0, "", 0},
		{"ErrSixthInTheHour", "sarah", "f@example.org", 0, newsroom.ETOOMANY, 53 * 60},
		{"NextHour", "sarah", "f@example.org", time.Hour, "", 0},
	})
}

// TestNotificationsWaitForConfirmedAddress holds that a person's email goes to their confirmed
// address while a new one waits for its link, and to the new one once they follow it.
func TestNotificationsWaitForConfirmedAddress(t *testing.T) {
	clk := clock.NewFake(time.Now())
	f := newNewsroomAt(t, store.Options{Clock: clk})
	writer := newsroom.UserFrom(f.writer)
	if _, err := f.s.SetEmail(f.admin, writer.ID, "sarah@old.example"); err != nil {
		t.Fatal(err)
	}
	d := f.draftWith(t, commentBody)
	sentTo := func(t *testing.T, note string) string {
		t.Helper()
		f.commentOn(t, f.editor, d.ID, 0, 7, note)
		clk.Add(newsroom.BurstHold)
		leased, err := f.s.LeaseDeliveries(t.Context(), "a", []string{newsroom.ChannelEmail}, 10, 24*time.Hour)
		if err != nil || len(leased) != 1 {
			t.Fatalf("leased %+v, %v", leased, err)
		}
		return leased[0].Recipient
	}
	req, err := f.s.RequestEmailChange(f.writer, "sarah@new.example", true)
	if err != nil {
		t.Fatal(err)
	}
	if got := sentTo(t, "Is this right?"); got != "sarah@old.example" {
		t.Fatalf("while the new address waits, email goes to %s", got)
	}
	if _, err := f.s.ConfirmEmail(f.writer, req.Token); err != nil {
		t.Fatal(err)
	}
	if got := sentTo(t, "And this?"); got != "sarah@new.example" {
		t.Fatalf("once confirmed, email goes to %s", got)
	}
}

// TestEmailLinkRateLimitConcurrent holds that requests made at the same moment count each
// other's links: on PostgreSQL, where transactions run side by side, each would otherwise count
// no recent link and all be mailed. One person asking for one address from several tabs at once
// gets one link, the others told to wait for the gap; people who have each had a link to a
// mailbox asking at once, one link short of its cap, get one link between them.
func TestEmailLinkRateLimitConcurrent(t *testing.T) {
	clk := clock.NewFake(time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC))
	s := mustOpen(t, store.Options{Clock: clk})
	const n = 8
	var people []context.Context
	for i := range n {
		ctx, _ := mustUser(t, s, fmt.Sprintf("person%d", i), newsroom.RoleWriter)
		people = append(people, ctx)
	}
	oneLink := func(t *testing.T, addr string, askers []context.Context) {
		t.Helper()
		var wg sync.WaitGroup
		start := make(chan struct{})
		codes := make([]string, len(askers))
		for i, ctx := range askers {
			wg.Go(func() {
				<-start
				_, err := s.RequestEmailChange(ctx, addr, true)
				codes[i] = newsroom.ErrorCode(err)
			})
		}
		close(start)
		wg.Wait()
		if ok := slices.Index(codes, ""); ok < 0 || slices.Index(codes[ok+1:], "") >= 0 {
			t.Fatalf("asking for links to %s answers %q: want one link, the others refused", addr, codes)
		}
		for _, c := range codes {
			if c != "" && c != newsroom.ETOOMANY {
				t.Fatalf("asking for links to %s answers %q", addr, codes)
			}
		}
	}
	for round := range 3 {
		t.Run(fmt.Sprintf("OnePersonManyTabs%d", round), func(t *testing.T) {
			clk.Add(time.Hour)
			oneLink(t, fmt.Sprintf("tab%d@example.org", round), slices.Repeat(people[round:round+1], n))
		})
		t.Run(fmt.Sprintf("ManyPeopleAtTheCap%d", round), func(t *testing.T) {
			clk.Add(time.Hour)
			addr := fmt.Sprintf("victim%d@example.org", round)
			for i := range store.EmailMailboxLinksPerHour - 1 {
				if i > 0 && i%n == 0 {
					clk.Add(store.EmailMailboxGap)
				}
				if _, err := s.RequestEmailChange(people[i%n], addr, true); err != nil {
					t.Fatal(err)
				}
			}
			clk.Add(store.EmailMailboxGap)
			oneLink(t, addr, people)
		})
	}
}

// TestPruneEmailLinks: Prune keeps an expired link for a week, so that following it says it
// expired, and then deletes it.
func TestPruneEmailLinks(t *testing.T) {
	clk := clock.NewFake(time.Date(2026, 12, 6, 9, 0, 0, 0, time.UTC))
	s := mustOpen(t, store.Options{Clock: clk})
	sarah, _ := mustUser(t, s, "sarah", newsroom.RoleWriter)
	req, err := s.RequestEmailChange(sarah, "sarah@new.example", true)
	if err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		name  string
		after time.Duration
		code  string
	}{
		{"ExpiredKept", store.EmailLinkTTL, newsroom.ECONFLICT},
		{"AWeekLaterGone", 7 * 24 * time.Hour, newsroom.ENOTFOUND},
	}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			clk.Add(st.after)
			if err := s.Prune(t.Context()); err != nil {
				t.Fatal(err)
			}
			_, err := s.EmailLink(sarah, req.Token)
			wantCode(t, err, st.code)
		})
	}
}
