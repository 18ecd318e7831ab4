package store_test

import (
	"context"
	"reflect"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/store"
)

// TestSetEmail: a person sets their own address and an admin anyone's; another person may not,
// and an address must be one plain address.
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
		{"Own", sarah, " Sarah@Example.ORG ", "Sarah@example.org", ""},
		{"ByAdmin", admin, "desk.sarah@example.org", "desk.sarah@example.org", ""},
		{"ByOperator", store.AsOperator(t.Context()), "op@example.org", "op@example.org", ""},
		{"Cleared", sarah, "", "", ""},
		{"ErrInvalid", sarah, "Sarah <sarah@example.org>", "", newsroom.EINVALID},
		{"ErrSomeoneElse", wendy, "wendy@example.org", "", newsroom.EFORBIDDEN},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u, err := s.SetEmail(tt.as, su.ID, tt.email)
			wantCode(t, err, tt.wantCode)
			if err == nil && u.Email != tt.want {
				t.Fatalf("Email = %q, want %q", u.Email, tt.want)
			}
		})
	}
	t.Run("ErrNotFound", func(t *testing.T) {
		_, err := s.SetEmail(admin, 9999, "x@example.org")
		wantCode(t, err, newsroom.ENOTFOUND)
	})
	t.Run("ShownToSelf", func(t *testing.T) {
		if _, err := s.SetEmail(sarah, su.ID, "sarah@example.org"); err != nil {
			t.Fatal(err)
		}
		_, u, err := s.Login(t.Context(), "sarah", "pw-sarah-staple", "")
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
