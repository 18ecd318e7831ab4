package store_test

import (
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/clock"
	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/store"
)

// TestSetEmail: an admin or the operator sets anyone's address, confirmed at once; a person may
// not set even their own so (see TestRequestEmailChange), and an address must be one plain
// address.
func TestSetEmail(t *testing.T) {
	s := mustOpen(t, store.Options{})
	sarah, su := mustUser(t, s, "sarah", newsroom.RoleWriter)
	wendy, _ := mustUser(t, s, "wendy", newsroom.RoleWriter)
	admin, _ := mustUser(t, s, "root", newsroom.RoleAdmin)
	tests := []struct {
		name     string
		as       context.Context
		email    string
		want     string
		wantCode string
	}{
		{"ByAdmin", admin, " Sarah@Example.ORG ", "Sarah@example.org", ""},
		{"ByOperator", store.AsOperator(t.Context()), "op@example.org", "op@example.org", ""},
		{"Cleared", admin, "", "", ""},
		{"ErrInvalid", admin, "Sarah <sarah@example.org>", "", newsroom.EINVALID},
		{"ErrOwn", sarah, "sarah@example.org", "", newsroom.EFORBIDDEN},
		{"ErrSomeoneElse", wendy, "wendy@example.org", "", newsroom.EFORBIDDEN},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := s.SetEmail(tt.as, su.ID, tt.email)
			wantCode(t, err, tt.wantCode)
			if err == nil && got.User.Email != tt.want {
				t.Fatalf("Email = %q, want %q", got.User.Email, tt.want)
			}
		})
	}
	t.Run("ErrNotFound", func(t *testing.T) {
		_, err := s.SetEmail(admin, 9999, "x@example.org")
		wantCode(t, err, newsroom.ENOTFOUND)
	})
	t.Run("ShownToSelf", func(t *testing.T) {
		if _, err := s.SetEmail(admin, su.ID, "sarah@example.org"); err != nil {
			t.Fatal(err)
		}
		_, u, _, err := s.Login(t.Context(), store.SignInRequest{Username: "sarah", Password: "pw-sarah-staple"})
		if err != nil || u.Email != "sarah@example.org" {
			t.Fatalf("Login's user = %+v, %v", u, err)
		}
	})
	t.Run("OnCreate", func(t *testing.T) {
		u, err := s.CreateUser(store.AsOperator(t.Context()), store.NewUser{Username: "nina", Name: "Nina", Role: newsroom.RoleWriter,
			Password: "pw-nina-staple", Email: "Nina@Example.org"})
		if err != nil || u.Email != "Nina@example.org" {
			t.Fatalf("CreateUser = %+v, %v", u, err)
		}
		_, err = s.CreateUser(store.AsOperator(t.Context()), store.NewUser{Username: "nino", Role: newsroom.RoleWriter,
			Password: "pw-nino-staple", Email: "nino"})
		wantCode(t, err, newsroom.EINVALID)
	})
}

// TestNotificationPrefs: no row means every kind by email and no digest; a choice is kept in
// the page's order, and an unknown kind is refused.
func TestNotificationPrefs(t *testing.T) {
	s := mustOpen(t, store.Options{})
	sarah, _ := mustUser(t, s, "sarah", newsroom.RoleWriter)
	got, err := s.NotificationPrefs(sarah)
	if err != nil || !reflect.DeepEqual(got, newsroom.DefaultNotificationPrefs()) {
		t.Fatalf("NotificationPrefs = %+v, %v; want the defaults", got, err)
	}
	choose := newsroom.NotificationPrefs{Email: []newsroom.NotificationKind{newsroom.NotifyMentioned, newsroom.NotifyAssigned}, Digest: true}
	for range 2 { // the second time updates the row the first wrote
		if _, err := s.SetNotificationPrefs(sarah, choose); err != nil {
			t.Fatal(err)
		}
	}
	want := newsroom.NotificationPrefs{Email: []newsroom.NotificationKind{newsroom.NotifyAssigned, newsroom.NotifyMentioned}, Digest: true}
	if got, err := s.NotificationPrefs(sarah); err != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("NotificationPrefs = %+v, %v; want %+v", got, err, want)
	}
	if _, err := s.SetNotificationPrefs(sarah, newsroom.NotificationPrefs{}); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.NotificationPrefs(sarah); len(got.Email) != 0 || got.Email == nil || got.Digest {
		t.Fatalf("after choosing nothing: %+v", got)
	}
	_, err = s.SetNotificationPrefs(sarah, newsroom.NotificationPrefs{Email: []newsroom.NotificationKind{"gossip"}})
	wantCode(t, err, newsroom.EINVALID)
}

// TestDigestGoesToCurrentAddress holds that the daily digest goes to the address a person
// has when it is sent. The outbox writes the address into each delivery when it is planned; were
// the digest sent to that, someone who corrects a wrong or old address in the morning would
// still have the evening's digest, with everything of the day, mailed to the address they
// replaced.
func TestDigestGoesToCurrentAddress(t *testing.T) {
	f := newNewsroom(t)
	writer := newsroom.UserFrom(f.writer)
	if _, err := f.s.SetEmail(f.admin, writer.ID, "sarah@old.example"); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.SetNotificationPrefs(f.writer, newsroom.NotificationPrefs{Email: newsroom.NotificationKinds, Digest: true}); err != nil {
		t.Fatal(err)
	}
	d := f.draftWith(t, commentBody)
	f.commentOn(t, f.editor, d.ID, 0, 7, "Is this right?")
	if _, err := f.s.SetEmail(f.admin, writer.ID, "sarah@new.example"); err != nil {
		t.Fatal(err)
	}
	batches, err := f.s.PendingDigests(f.writer)
	if err != nil {
		t.Fatal(err)
	}
	if len(batches) != 1 {
		t.Fatalf("pending digests: %+v", batches)
	}
	if batches[0].To != "sarah@new.example" {
		t.Fatalf("Sarah's digest goes to %s, the address she replaced", batches[0].To)
	}
}

// TestEmailGoesToCurrentAddress holds that an email delivery leased for sending (a retry, or one
// planned before a change of address) goes to the address its person has then, and that one
// whose person has removed theirs is given up, using no attempt, instead of going to the old one.
func TestEmailGoesToCurrentAddress(t *testing.T) {
	clk := clock.NewFake(time.Now())
	f := newNewsroomAt(t, store.Options{Clock: clk})
	writer := newsroom.UserFrom(f.writer)
	if _, err := f.s.SetEmail(f.admin, writer.ID, "sarah@old.example"); err != nil {
		t.Fatal(err)
	}
	d := f.draftWith(t, commentBody)
	email := []string{newsroom.ChannelEmail}
	tests := []struct {
		name, now, want string
	}{
		{"Changed", "sarah@new.example", "sarah@new.example"},
		{"Removed", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := f.s.SetEmail(f.admin, writer.ID, "sarah@old.example"); err != nil {
				t.Fatal(err)
			}
			f.commentOn(t, f.editor, d.ID, 0, 7, "Is this right, "+tt.name+"?")
			if _, err := f.s.SetEmail(f.admin, writer.ID, tt.now); err != nil {
				t.Fatal(err)
			}
			clk.Add(newsroom.BurstHold)
			leased, err := f.s.LeaseDeliveries(t.Context(), "a", email, 10, time.Minute)
			if err != nil {
				t.Fatal(err)
			}
			var to []string
			for _, l := range leased {
				to = append(to, l.Recipient)
			}
			if tt.want == "" && len(leased) != 0 || tt.want != "" && (len(leased) != 1 || leased[0].Recipient != tt.want) {
				t.Fatalf("Sarah's email goes to %v, want %q", to, tt.want)
			}
			if tt.want != "" {
				return
			}
			var status, note string
			var attempts int
			if err := f.s.DB().QueryRow("SELECT status, last_error, attempts FROM deliveries WHERE channel = 'email' ORDER BY id DESC LIMIT 1").Scan(&status, &note, &attempts); err != nil {
				t.Fatal(err)
			}
			if status != "failed" || attempts != 0 || note == "" {
				t.Fatalf("the email to a removed address is %s after %d attempts, noted %q; want failed, untried, with a note", status, attempts, note)
			}
		})
	}
}
