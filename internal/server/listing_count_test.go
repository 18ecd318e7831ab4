package server_test

import (
	"context"
	"net/http"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// pageLink is a link in a listing's pager to a page by its number.
var pageLink = regexp.MustCompile(`<li><a[^>]*>(\d+)</a></li>`)

// lastPage is the highest page number the listing page at path links to.
func lastPage(t *testing.T, a *testApp, path string) int {
	t.Helper()
	res := a.do("", "GET", path, "")
	wantStatus(t, res, http.StatusOK)
	last := 0
	for _, m := range pageLink.FindAllStringSubmatch(res.Body.String(), -1) {
		n, _ := strconv.Atoi(m[1])
		last = max(last, n)
	}
	return last
}

// TestListingCountedOncePerPublish: every page of a listing links its last page, so each
// rendered page counted the whole listing, 1.56 s for an archive of 300,000 pieces, once per
// page after each publish. Right: a listing is counted once after each publish, release or
// correction, and its other pages take that count. What changes public pieces without one (here
// rows written behind the app's back) shows that a page took the kept count, and every publish,
// release and correction after it shows that the count is read again: the count a page links
// by is never older than the last change this server heard of.
func TestListingCountedOncePerPublish(t *testing.T) {
	a := newTestApp(t)
	seedPublished(t, a, 61)
	db := a.store.DB()
	ctx := context.Background()
	setOldest := func(stage string) {
		t.Helper()
		_, err := db.ExecContext(ctx, `UPDATE drafts SET stage = '`+stage+`' WHERE id IN (SELECT draft_id FROM articles
			WHERE first_published_at < (SELECT first_published_at FROM articles WHERE slug = 'piece-31'))`)
		if err != nil {
			t.Fatal(err)
		}
	}
	if got := lastPage(t, a, "/"); got != 3 {
		t.Fatalf("the front page of 61 pieces links page %d as its last, want 3", got)
	}
	setOldest(string(newsroom.StageSpiked))
	if got := lastPage(t, a, "/page/2"); got != 3 {
		t.Errorf("page 2 links page %d as the last: it counted the archive again rather than take the front page's count of 61", got)
	}

	editor := ctxAs(a, "editor")
	d := a.draft(newsroom.StageApproved)
	if _, err := a.store.Publish(editor, d.ID, a.clock.Now(), 0); err != nil {
		t.Fatal(err)
	}
	if got := lastPage(t, a, "/page/2"); got != 2 {
		t.Errorf("after a publish, page 2 of 32 pieces links page %d as its last, want 2", got)
	}

	setOldest(string(newsroom.StagePublished))
	scheduled := a.draft(newsroom.StageApproved)
	if _, err := a.store.Publish(editor, scheduled.ID, a.clock.Now().Add(time.Minute), 0); err != nil {
		t.Fatal(err)
	}
	a.clock.Add(time.Minute)
	if n, err := a.store.ReleaseDue(ctx); n != 1 || err != nil {
		t.Fatalf("ReleaseDue = %d, %v; want 1", n, err)
	}
	if got := lastPage(t, a, "/page/2"); got != 3 {
		t.Errorf("after a scheduled piece went out, page 2 of 63 pieces links page %d as its last, want 3", got)
	}

	setOldest(string(newsroom.StageSpiked))
	res := a.do("editor", "POST", "/api/v1/articles/piece-61/corrections", `{"note":"Fixed a name."}`)
	wantStatus(t, res, http.StatusCreated)
	if got := lastPage(t, a, "/"); got != 2 {
		t.Errorf("after a correction, the front page of 33 pieces links page %d as its last, want 2", got)
	}
}

// TestListingCountFollowsOtherServers: a listing's kept count follows a publish made through
// another server as soon as this server reads its events, as the pages kept do: the front page
// of 60 pieces links two pages, and once another server's publish makes 61, three.
func TestListingCountFollowsOtherServers(t *testing.T) {
	a := newTestApp(t)
	seedPublished(t, a, 60)
	if got := lastPage(t, a, "/"); got != 2 {
		t.Fatalf("the front page of 60 pieces links page %d as its last, want 2", got)
	}
	d := a.draft(newsroom.StageApproved)
	if _, err := otherServer(t, a).Publish(ctxAs(a, "editor"), d.ID, time.Time{}, 0); err != nil {
		t.Fatal(err)
	}
	catchUp(t, a)
	if got := lastPage(t, a, "/page/2"); got != 3 {
		t.Errorf("once the other server's publish was read, page 2 of 61 pieces links page %d as its last, want 3", got)
	}
}
