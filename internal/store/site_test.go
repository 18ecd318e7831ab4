package store_test

import (
	"slices"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestSiteSettings saves the site settings as an admin and reads them back, refuses them to an
// editor and refuses a bad one without losing what was saved, and records each change as an
// event other servers hear.
func TestSiteSettings(t *testing.T) {
	f := newNewsroom(t)
	l := listen(f.s)
	t.Run("NothingSaved", func(t *testing.T) {
		set, err := f.s.SiteSettings(f.writer)
		if err != nil || set.Name != "" || set.Footer != nil {
			t.Fatalf("SiteSettings = %+v, %v; want nothing set, the footer left to the default", set, err)
		}
	})
	want := newsroom.SiteSettings{Name: "The Ledger", BaseURL: "https://news.example.org", Logo: "/static/logo.png",
		Language: "en-GB", Description: "News from the valley.", Footer: []string{"One.", "", "Two."}}
	t.Run("OK", func(t *testing.T) {
		typed := want
		typed.BaseURL, typed.Language, typed.Footer = "https://news.example.org/", "EN-gb", []string{"One.", "", "Two.", ""}
		if err := f.s.SaveSiteSettings(f.admin, typed); err != nil {
			t.Fatal(err)
		}
		got, err := f.s.SiteSettings(f.writer)
		if err != nil || got.Name != want.Name || got.BaseURL != want.BaseURL || got.Logo != want.Logo || got.Language != want.Language ||
			got.Description != want.Description || !slices.Equal(got.Footer, want.Footer) {
			t.Fatalf("SiteSettings = %+v, %v; want %+v", got, err, want)
		}
		evs := l.take()
		if len(evs) != 1 || evs[0].Kind != newsroom.EventSettingsChanged || evs[0].ActorID != me(f.admin).ID {
			t.Fatalf("events = %+v, want one settings_changed by the admin", evs)
		}
	})
	t.Run("EmptyFooter", func(t *testing.T) {
		none := want
		none.Footer = nil
		if err := f.s.SaveSiteSettings(f.admin, none); err != nil {
			t.Fatal(err)
		}
		if got, _ := f.s.SiteSettings(f.writer); got.Footer == nil || len(got.Footer) != 0 {
			t.Fatalf("Footer = %#v, want set to none", got.Footer)
		}
		if err := f.s.SaveSiteSettings(f.admin, want); err != nil {
			t.Fatal(err)
		}
		l.take()
	})
	t.Run("ErrForbidden", func(t *testing.T) {
		wantCode(t, f.s.SaveSiteSettings(f.editor, want), newsroom.EFORBIDDEN)
	})
	for _, bad := range []newsroom.SiteSettings{{Name: ""}, {Name: "X", Language: "not a tag"}, {Name: "X", BaseURL: "example.org"}} {
		t.Run("ErrInvalid", func(t *testing.T) {
			wantCode(t, f.s.SaveSiteSettings(f.admin, bad), newsroom.EINVALID)
			if got, _ := f.s.SiteSettings(f.writer); got.Name != want.Name || got.BaseURL != want.BaseURL || got.Language != want.Language {
				t.Fatalf("after a refused save SiteSettings = %+v, want %+v kept", got, want)
			}
			if evs := l.take(); len(evs) != 0 {
				t.Fatalf("a refused save recorded %+v", evs)
			}
		})
	}
	t.Run("TimeZoneRecorded", func(t *testing.T) {
		if err := f.s.SetTimeZone(f.admin, "Europe/Paris"); err != nil {
			t.Fatal(err)
		}
		if evs := l.take(); len(evs) != 1 || evs[0].Kind != newsroom.EventSettingsChanged || evs[0].Action != newsroom.SettingTimeZone {
			t.Fatalf("events = %+v, want one settings_changed for the time zone", evs)
		}
	})
}
