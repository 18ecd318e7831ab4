package server_test

import (
	"net/http"
	"regexp"
	"testing"
	"time"
)

// feedUpdated is an Atom feed's own updated time.
var feedUpdated = regexp.MustCompile(`(?s)^.*?<updated>([^<]+)</updated>`)

// TestEmptyFeedUpdated: a newsroom that has published nothing yet serves a feed with no entries
// whose updated time is when the newsroom began (its first account), or the site settings'
// last change after it: the same between requests, and never year 1, which feed readers show
// as a feed last changed two thousand years ago.
func TestEmptyFeedUpdated(t *testing.T) {
	a := newTestApp(t)
	began := a.users["admin"].CreatedAt
	for _, u := range a.users {
		if u.CreatedAt.Before(began) {
			began = u.CreatedAt
		}
	}
	updated := func() time.Time {
		t.Helper()
		res := a.do("", "GET", "/feed.atom", "")
		wantStatus(t, res, http.StatusOK)
		m := feedUpdated.FindStringSubmatch(res.Body.String())
		if m == nil {
			t.Fatalf("the feed has no updated time:\n%s", res.Body.String())
		}
		at, err := time.Parse(time.RFC3339, m[1])
		if err != nil {
			t.Fatal(err)
		}
		return at
	}
	tests := []struct {
		name string
		act  func()
		want func() time.Time
	}{
		{"NewNewsroom", func() {}, func() time.Time { return began }},
		{"AskedAgainLater", func() { a.clock.Add(time.Hour) }, func() time.Time { return began }},
		{"SiteSettingsChanged", func() {
			a.clock.Add(time.Hour)
			wantStatus(t, a.page("admin", "POST", "/admin/site", siteForm()), http.StatusSeeOther)
		}, func() time.Time { return a.clock.Now() }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.act()
			if got, want := updated(), tt.want().UTC().Truncate(time.Second); !got.Equal(want) {
				t.Errorf("updated = %s, want %s", got.Format(time.RFC3339), want.Format(time.RFC3339))
			}
		})
	}
}
