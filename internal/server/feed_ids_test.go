package server_test

import (
	"context"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"
)

// entryIDs maps each entry of an Atom feed, by its link, to its id.
func entryIDs(t *testing.T, a *testApp) map[string]string {
	t.Helper()
	res := a.do("", "GET", "/feed.atom", "")
	wantStatus(t, res, http.StatusOK)
	entry := regexp.MustCompile(`(?s)<entry[^>]*>.*?<id>([^<]+)</id>\s*<link rel="alternate" type="text/html" href="([^"]+)"`)
	ids := map[string]string{}
	for _, m := range entry.FindAllStringSubmatch(res.Body.String(), -1) {
		ids[m[2][strings.Index(m[2], "/articles/"):]] = m[1]
	}
	return ids
}

// TestFeedEntryIDsKeepThroughBaseURLChange: a feed reader knows an entry by its id, and shows
// an entry whose id changed as a new one. Ids made of the article's URL all changed when an
// admin set the base URL, after the site had run on the address it listens on, so every reader
// showed the whole feed again as new. A piece published since this Copydesk has an id of its
// own, which no setting changes; a piece published before it keeps the id readers already hold.
func TestFeedEntryIDsKeepThroughBaseURLChange(t *testing.T) {
	a := newTestApp(t)
	seedPublished(t, a, 2)
	// The two pieces were published by a Copydesk before ids of their own: its database has
	// neither the setting nor the backfill that writes it.
	for _, q := range []string{"DELETE FROM settings WHERE key = 'feed.entry_ids'", "DELETE FROM backfills"} {
		if _, err := a.store.DB().Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := a.store.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	d := importAndApprove(t, a, housePiece("Ferry Sails Again", "Ana Pérez", "The ferry sails again.", []string{"It sails at noon."}, []string{"Harbour"}, ""))
	res := a.do("editor", "POST", fmt.Sprintf("/api/v1/drafts/%d/publish", d.ID), "")
	wantStatus(t, res, http.StatusOK)
	fresh := "/articles/" + decode[pubResponse](t, res).Slug

	before := entryIDs(t, a)
	for _, old := range []string{"/articles/piece-1", "/articles/piece-2"} {
		if before[old] != old {
			t.Errorf("%s, published before, has the id %q, not the URL its readers hold", old, before[old])
		}
	}
	wantStatus(t, a.page("admin", "POST", "/admin/site", siteForm()), http.StatusSeeOther)
	after := entryIDs(t, a)
	if len(after) != 3 || after[fresh] != before[fresh] {
		t.Errorf("the base URL's change took %s's id from %q to %q (feed: %v)", fresh, before[fresh], after[fresh], after)
	}
	if !strings.HasPrefix(after[fresh], "urn:uuid:") {
		t.Errorf("%s has the id %q, want a urn:uuid", fresh, after[fresh])
	}
}

// feedID is the atom:id of the feed at path.
func feedID(t *testing.T, a *testApp, path string) string {
	t.Helper()
	res := a.do("", "GET", path, "")
	wantStatus(t, res, http.StatusOK)
	m := regexp.MustCompile(`(?s)<feed[^>]*>.*?<id>([^<]+)</id>`).FindStringSubmatch(res.Body.String())
	if m == nil {
		t.Fatalf("%s has no id: %s", path, res.Body.String())
	}
	return m[1]
}

// TestFeedIDsKeepThroughBaseURLChange: a feed's own id was its URL, so setting or changing the
// base URL made every feed (the site's, each topic's and author's) another feed to a reader
// that keys feeds by id. In a newsroom that had published nothing when ids were first given,
// no reader holds a URL id, and each feed has a urn:uuid of its own, one per feed, which no
// setting changes; a newsroom that had published keeps the URL id its readers hold.
func TestFeedIDsKeepThroughBaseURLChange(t *testing.T) {
	feeds := []string{"/feed.atom", "/topics/harbour/feed.atom", "/authors/ana-perez/feed.atom"}
	publishOne := func(t *testing.T, a *testApp) {
		d := importAndApprove(t, a, housePiece("Ferry Sails Again", "Ana Pérez", "The ferry sails again.", []string{"It sails at noon."}, []string{"Harbour"}, ""))
		wantStatus(t, a.do("editor", "POST", fmt.Sprintf("/api/v1/drafts/%d/publish", d.ID), ""), http.StatusOK)
	}
	t.Run("NewNewsroom", func(t *testing.T) {
		a := newTestApp(t)
		publishOne(t, a)
		seen := map[string]string{}
		for _, p := range feeds {
			id := feedID(t, a, p)
			if !strings.HasPrefix(id, "urn:uuid:") {
				t.Errorf("%s has the id %q, want a urn:uuid", p, id)
			}
			if other, ok := seen[id]; ok {
				t.Errorf("%s and %s share the id %q", p, other, id)
			}
			seen[id] = p
		}
		wantStatus(t, a.page("admin", "POST", "/admin/site", siteForm()), http.StatusSeeOther)
		for id, p := range seen {
			if got := feedID(t, a, p); got != id {
				t.Errorf("the base URL's change took %s's id from %q to %q", p, id, got)
			}
		}
	})
	t.Run("PublishedBefore", func(t *testing.T) {
		a := newTestApp(t)
		seedPublished(t, a, 2)
		for _, q := range []string{"DELETE FROM settings WHERE key = 'feed.entry_ids'", "DELETE FROM backfills"} {
			if _, err := a.store.DB().Exec(q); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := a.store.Migrate(context.Background()); err != nil {
			t.Fatal(err)
		}
		publishOne(t, a)
		wantStatus(t, a.page("admin", "POST", "/admin/site", siteForm()), http.StatusSeeOther)
		for _, p := range feeds {
			if id := feedID(t, a, p); id != "https://news.example.org"+p {
				t.Errorf("%s has the id %q, not the URL its readers hold", p, id)
			}
		}
	})
}
