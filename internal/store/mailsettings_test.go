package store_test

import (
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/store"
)

// TestMailSettings: an admin saves the mail settings; an empty password keeps the saved one
// unless cleared; the digest hour defaults to 7; nobody else may save them.
func TestMailSettings(t *testing.T) {
	s := mustOpen(t, store.Options{})
	admin, _ := mustUser(t, s, "root", newsroom.RoleAdmin)
	writer, _ := mustUser(t, s, "sarah", newsroom.RoleWriter)
	if got, err := s.MailSettings(t.Context()); err != nil || got != (newsroom.MailSettings{}) {
		t.Fatalf("MailSettings before any = %+v, %v", got, err)
	}
	if h, err := s.DigestHour(t.Context()); err != nil || h != store.DefaultDigestHour {
		t.Fatalf("DigestHour = %d, %v", h, err)
	}
	save := func(ch store.MailSettingsChange) newsroom.MailSettings {
		t.Helper()
		if err := s.SaveMailSettings(admin, ch); err != nil {
			t.Fatal(err)
		}
		got, err := s.MailSettings(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	set := newsroom.MailSettings{Host: " smtp.example.org ", StartTLS: newsroom.StartTLSOpportunistic, Username: "desk", Password: "s3cret", From: "desk@example.org"}
	want := newsroom.MailSettings{Host: "smtp.example.org", Port: 587, StartTLS: newsroom.StartTLSOpportunistic, Username: "desk", Password: "s3cret", From: "desk@example.org"}
	if got := save(store.MailSettingsChange{Settings: set, DigestHour: 6}); got != want {
		t.Fatalf("saved %+v, want %+v", got, want)
	}
	if h, _ := s.DigestHour(t.Context()); h != 6 {
		t.Fatalf("DigestHour = %d, want 6", h)
	}
	t.Run("EmptyPasswordKeepsSaved", func(t *testing.T) {
		set.Password, set.Port = "", 2525
		if got := save(store.MailSettingsChange{Settings: set, DigestHour: 6}); got.Password != "s3cret" || got.Port != 2525 {
			t.Fatalf("saved %+v", got)
		}
	})
	t.Run("ClearPassword", func(t *testing.T) {
		if got := save(store.MailSettingsChange{Settings: set, ClearPassword: true, DigestHour: 6}); got.Password != "" {
			t.Fatalf("the password was kept: %+v", got)
		}
	})
	refused := []struct {
		name string
		ch   store.MailSettingsChange
	}{
		{"ErrMode", store.MailSettingsChange{Settings: newsroom.MailSettings{StartTLS: "sometimes"}}},
		{"ErrFrom", store.MailSettingsChange{Settings: newsroom.MailSettings{From: "desk"}}},
		{"ErrHour", store.MailSettingsChange{DigestHour: 24}},
	}
	for _, tt := range refused {
		t.Run(tt.name, func(t *testing.T) {
			wantCode(t, s.SaveMailSettings(admin, tt.ch), newsroom.EINVALID)
		})
	}
	t.Run("ErrNotAdmin", func(t *testing.T) {
		wantCode(t, s.SaveMailSettings(writer, store.MailSettingsChange{}), newsroom.EFORBIDDEN)
	})
}
