package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/clock"
	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/store"
)

// TestForgetEmailLinkLeavesWhatEndedItMeanwhile: undoing a request whose link the mail server
// refused (Y) brings back the address it ended (X) only while Y's own link still waited; when
// the person cancelled, an admin set the address, a newer request replaced or confirmed another,
// or another account was given X while Y's mail was tried, X stays ended; another account merely
// asking for X does not keep it ended, as its waiting link holds nothing.
func TestForgetEmailLinkLeavesWhatEndedItMeanwhile(t *testing.T) {
	var xToken string
	setup := func(t *testing.T) (*store.Store, *clock.Fake, store.EmailRequest, emailActor) {
		clk := clock.NewFake(time.Date(2026, 12, 6, 9, 0, 0, 0, time.UTC))
		s := mustOpen(t, store.Options{Clock: clk})
		sarah, su := mustUser(t, s, "sarah", newsroom.RoleWriter)
		if _, err := s.SetEmail(store.AsOperator(t.Context()), su.ID, "sarah@old.example"); err != nil {
			t.Fatal(err)
		}
		// X: mailed fine, waits.
		x, err := s.RequestEmailChange(sarah, "sarah@x.example", true)
		if err != nil {
			t.Fatal(err)
		}
		xToken = x.Token
		clk.Add(time.Minute)
		// Y: this request's mail will be refused; its store step ended X.
		y, err := s.RequestEmailChange(sarah, "sarah@y.example", true)
		if err != nil {
			t.Fatal(err)
		}
		return s, clk, y, emailActor{sarah, su.ID}
	}

	t.Run("NothingMeanwhile", func(t *testing.T) {
		s, _, y, u := setup(t)
		if err := s.ForgetEmailLink(u.ctx, y); err != nil {
			t.Fatal(err)
		}
		if p, _ := s.PendingEmail(u.ctx); p == nil || p.Address != "sarah@x.example" {
			t.Errorf("after the refused link is undone, %+v waits, want sarah@x.example as before it", p)
		}
	})
	t.Run("CancelledByThePersonMeanwhile", func(t *testing.T) {
		s, _, y, u := setup(t)
		if err := s.CancelEmailChange(u.ctx); err != nil { // another tab: "Cancel"
			t.Fatal(err)
		}
		if err := s.ForgetEmailLink(u.ctx, y); err != nil { // Y's mail then fails
			t.Fatal(err)
		}
		if p, _ := s.PendingEmail(u.ctx); p != nil {
			t.Errorf("after the person cancelled, %s waits again", p.Address)
		}
	})
	t.Run("AdminSetTheAddressMeanwhile", func(t *testing.T) {
		s, _, y, u := setup(t)
		if _, err := s.SetEmail(store.AsOperator(t.Context()), u.id, "sarah@admin.example"); err != nil {
			t.Fatal(err)
		}
		if err := s.ForgetEmailLink(u.ctx, y); err != nil {
			t.Fatal(err)
		}
		if p, _ := s.PendingEmail(u.ctx); p != nil {
			t.Errorf("after an admin set the address (which ends waiting links), %s waits again", p.Address)
		}
	})
	t.Run("NewerRequestMailedAndConfirmedMeanwhile", func(t *testing.T) {
		s, clk, y, u := setup(t)
		clk.Add(time.Minute)
		z, err := s.RequestEmailChange(u.ctx, "sarah@z.example", true) // another tab; its mail goes
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.ConfirmEmail(u.ctx, z.Token); err != nil {
			t.Fatal(err)
		}
		if err := s.ForgetEmailLink(u.ctx, y); err != nil {
			t.Fatal(err)
		}
		if p, _ := s.PendingEmail(u.ctx); p != nil {
			t.Errorf("after Z was confirmed, the account shows %s pending, whose link would switch the address back", p.Address)
		}
		if set, err := s.ConfirmEmail(u.ctx, xToken); err == nil {
			t.Errorf("X's old link, cancelled by Y, works again after Z was confirmed: address now %s", set.User.Email)
		}
	})
	t.Run("AnotherAccountTookTheAddressMeanwhile", func(t *testing.T) {
		for _, how := range []string{"Asked", "SetByAdmin"} {
			t.Run(how, func(t *testing.T) {
				s, clk, y, u := setup(t)
				clk.Add(store.EmailMailboxGap)
				wendy, wu := mustUser(t, s, "wendy", newsroom.RoleWriter)
				var w store.EmailRequest
				var err error
				if how == "Asked" {
					w, err = s.RequestEmailChange(wendy, "sarah@x.example", true)
				} else {
					_, err = s.SetEmail(store.AsOperator(t.Context()), wu.ID, "sarah@x.example")
				}
				if err != nil {
					t.Fatal(err)
				}
				if err := s.ForgetEmailLink(u.ctx, y); err != nil {
					t.Fatal(err)
				}
				p, _ := s.PendingEmail(u.ctx)
				if how == "SetByAdmin" {
					if p != nil {
						t.Errorf("after another account was given sarah@x.example, %s waits again for sarah", p.Address)
					}
					return
				}
				// A link waiting for another account holds nothing: both wait, and the first to
				// confirm has the address.
				if p == nil || p.Address != "sarah@x.example" {
					t.Errorf("after another account merely asked for sarah@x.example, %+v waits for sarah, want it back", p)
				}
				if _, err := s.ConfirmEmail(wendy, w.Token); err != nil {
					t.Errorf("wendy cannot confirm the address she asked for: %v", err)
				}
				if p, _ := s.PendingEmail(u.ctx); p != nil {
					t.Errorf("after wendy confirmed sarah@x.example, %s still waits for sarah", p.Address)
				}
			})
		}
	})
	t.Run("NewerRequestMailedMeanwhile", func(t *testing.T) {
		s, clk, y, u := setup(t)
		clk.Add(time.Minute)
		if _, err := s.RequestEmailChange(u.ctx, "sarah@z.example", true); err != nil {
			t.Fatal(err)
		}
		if err := s.ForgetEmailLink(u.ctx, y); err != nil {
			t.Fatal(err)
		}
		var n int
		if err := s.DB().QueryRow("SELECT COUNT(*) FROM email_changes WHERE status = 'pending'").Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n != 1 {
			t.Errorf("%d links wait at once (X restored beside Z)", n)
		}
	})
}

type emailActor struct {
	ctx context.Context
	id  int64
}
