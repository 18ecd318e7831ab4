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
	pub, err := otherServer(t, a).Publish(ctxAs(a, "editor"), d.ID, time.Time{})
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
