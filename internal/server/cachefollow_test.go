package server_test

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/publish"
)

// TestPublicPagesFollowOtherServers publishes through another server's store on the same
// database and checks every public page the page cache keeps: each, rendered and cached
// before, lists the piece as soon as this server has read the other's events. It holds the
// page cache's invariant (see pageCache) for every key it files pages under, not the feed's alone.
func TestPublicPagesFollowOtherServers(t *testing.T) {
	a := newTestApp(t)
	seed, _ := os.ReadFile("testdata/seed.txt")
	d := importAndApprove(t, a, string(seed))
	pages := []struct{ name, url string }{
		{"FrontPage", "/"},
		{"Feed", publish.FeedPath},
		{"Archive", publish.PagePath("/", 1)},
		{"Sitemap", "/sitemap.xml"},
		{"NewsSitemap", "/sitemap-news.xml"},
		{"AuthorPage", publish.AuthorPath("Sarah Johnson")},
		{"AuthorFeed", publish.AuthorPath("Sarah Johnson") + "/feed.atom"},
		{"Authors", "/authors"},
	}
	before := map[string]string{}
	for _, p := range pages {
		before[p.name] = a.do("", "GET", p.url, "").Body.String()
	}
	pub, err := otherServer(t, a).Publish(ctxAs(a, "editor"), d.ID, time.Time{}, 0)
	if err != nil {
		t.Fatal(err)
	}
	catchUp(t, a)
	for _, p := range pages {
		t.Run(p.name, func(t *testing.T) {
			res := a.do("", "GET", p.url, "")
			wantStatus(t, res, 200)
			if body := res.Body.String(); body == before[p.name] || !strings.Contains(body, pub.Slug) && !strings.Contains(body, "sarah-johnson") {
				t.Fatalf("%s once the server read the other's publish:\n%.600s", p.url, body)
			}
		})
	}
}

// TestDraftListFollowsOtherServers saves a draft through another server's store: the draft
// list, whose entries are kept encoded under each draft's stamp (see draftJSONCache), shows
// the new title at once, without this server reading any event, since the list reads the
// stamps from the database on every request.
func TestDraftListFollowsOtherServers(t *testing.T) {
	a := newTestApp(t)
	d := a.draft(newsroom.StageDraft)
	if body := a.do("writer", "GET", "/api/v1/drafts", "").Body.String(); !strings.Contains(body, d.Title) {
		t.Fatalf("the list lacks the draft: %.300s", body)
	}
	title := "Retitled elsewhere"
	if _, err := otherServer(t, a).UpdateDraft(ctxAs(a, "writer"), d.ID, newsroom.DraftUpdate{Title: &title, Version: d.Version}); err != nil {
		t.Fatal(err)
	}
	if body := a.do("writer", "GET", "/api/v1/drafts", "").Body.String(); !strings.Contains(body, title) {
		t.Fatalf("the list kept the old encoding after a save on another server: %.300s", body)
	}
}

// TestInboxCountFollowsOtherServers mentions a fact-checker through another server's store:
// the header's kept inbox count (see inboxCounts) moves as soon as this server reads that
// server's events, well within the minute a count may otherwise be kept.
func TestInboxCountFollowsOtherServers(t *testing.T) {
	a := newTestApp(t)
	d := a.draft(newsroom.StageEditing)
	page := fmt.Sprintf("/drafts/%d", d.ID)
	n := headerInbox(t, a, "factchecker", page)
	start, end := 0, 4
	if _, err := otherServer(t, a).CreateComment(ctxAs(a, "editor"), d.ID, newsroom.NewComment{Field: "body", Start: &start, End: &end, Body: "@factchecker look"}); err != nil {
		t.Fatal(err)
	}
	catchUp(t, a)
	if got := headerInbox(t, a, "factchecker", page); got != n+1 {
		t.Fatalf("after a mention on another server the header counts %d, want %d", got, n+1)
	}
}

// TestPublishKeepsOtherArticlesPages: a publish drops from the page cache the lists and the
// published piece's own pages, and keeps every other article's pages in every format, which
// show that article alone (see pageCache.published). Piece B's pages are read, then B is
// corrected on another server, whose event this server has not read yet: B's pages stay as
// they were while the cache holds them. A publish of piece A on this server must leave them
// so (a clear would show the correction early, which is the sign it dropped them), put A on
// the front page and the feed, read before, and once the server reads the other's event every
// format of B is new.
func TestPublishKeepsOtherArticlesPages(t *testing.T) {
	a := newTestApp(t)
	a.draft(newsroom.StageDraft) // so that drafts' ids and articles' ids differ
	seed, _ := os.ReadFile("testdata/seed.txt")
	b := importAndApprove(t, a, string(seed))
	res := a.do("editor", "POST", fmt.Sprintf("/api/v1/drafts/%d/publish", b.ID), "")
	wantStatus(t, res, 200)
	slug := decode[pubResponse](t, res).Slug
	formats := []string{"/articles/" + slug, "/articles/" + slug + ".txt", "/articles/" + slug + ".md",
		"/articles/" + slug + ".json", "/briefs/" + slug + ".txt", "/api/v1/articles/" + slug}
	type seen struct{ body, etag string }
	before := map[string]seen{}
	for _, url := range formats {
		res := a.do("", "GET", url, "")
		wantStatus(t, res, 200)
		before[url] = seen{res.Body.String(), res.Header().Get("ETag")}
	}
	const note = "An earlier version gave the wrong date for the vote."
	if _, err := otherServer(t, a).Correct(ctxAs(a, "editor"), slug, newsroom.CorrectionRequest{Note: note}); err != nil {
		t.Fatal(err)
	}

	lists := []string{"/", publish.FeedPath}
	for _, url := range lists {
		wantStatus(t, a.do("", "GET", url, ""), 200)
	}
	other := importAndApprove(t, a, strings.Replace(string(seed), "Sheinbaum", "Ebrard", 1))
	res = a.do("editor", "POST", fmt.Sprintf("/api/v1/drafts/%d/publish", other.ID), "")
	wantStatus(t, res, 200)
	otherSlug := decode[pubResponse](t, res).Slug
	for _, url := range lists {
		if body := a.do("", "GET", url, "").Body.String(); !strings.Contains(body, otherSlug) {
			t.Errorf("%s, read before, does not list the piece this server just published:\n%.600s", url, body)
		}
	}
	for _, url := range formats {
		if got := a.do("", "GET", url, "").Body.String(); got != before[url].body {
			t.Errorf("%s was rendered again after another piece's publish:\n%.400s", url, got)
		}
	}

	catchUp(t, a)
	for _, url := range formats {
		res := a.do("", "GET", url, "")
		wantStatus(t, res, 200)
		if res.Body.String() == before[url].body || res.Header().Get("ETag") == before[url].etag {
			t.Errorf("%s is as before the correction once the server read it", url)
		}
	}
	if body := a.do("", "GET", "/articles/"+slug, "").Body.String(); !strings.Contains(body, note) {
		t.Errorf("the article does not show its correction:\n%.600s", body)
	}
}

// TestInboxDoneFollowsOtherServers marks an entry done through another server's store: this
// server's header count, kept from before, drops as soon as it reads that server's events, as
// it does at once when the entry is marked done here, and not a minute later.
func TestInboxDoneFollowsOtherServers(t *testing.T) {
	a := newTestApp(t)
	d := a.draft(newsroom.StageEditing)
	page := fmt.Sprintf("/drafts/%d", d.ID)
	start, end := 0, 4
	if _, err := a.store.CreateComment(ctxAs(a, "editor"), d.ID, newsroom.NewComment{Field: "body", Start: &start, End: &end, Body: "@factchecker look"}); err != nil {
		t.Fatal(err)
	}
	n := headerInbox(t, a, "factchecker", page)
	es, err := a.store.Inbox(ctxAs(a, "factchecker"))
	if err != nil || len(es) != n || n == 0 {
		t.Fatalf("inbox %+v, %v; the header counts %d", es, err, n)
	}
	if err := otherServer(t, a).MarkInboxDone(ctxAs(a, "factchecker"), es[0].Entry); err != nil {
		t.Fatal(err)
	}
	catchUp(t, a)
	if got := headerInbox(t, a, "factchecker", page); got != n-1 {
		t.Fatalf("after an entry was marked done on another server the header counts %d, want %d", got, n-1)
	}
}
