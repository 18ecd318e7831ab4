package server_test

import (
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// waitingRe finds the header's inbox count on a page.
var waitingRe = regexp.MustCompile(`\((\d+) waiting\)`)

// headerInbox is the inbox count in the header of actor's view of target (0 when none shows).
func headerInbox(t *testing.T, a *testApp, actor, target string) int {
	t.Helper()
	res := a.page(actor, http.MethodGet, target, nil)
	wantStatus(t, res, http.StatusOK)
	m := waitingRe.FindStringSubmatch(res.Body.String())
	if m == nil {
		return 0
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// TestHeaderInboxCount: the header's inbox count is kept between page views and never misleads:
// a change the store announces shows on the next page, as does an entry marked done; what no
// event announces shows within a minute.
func TestHeaderInboxCount(t *testing.T) {
	a := newTestApp(t)
	d := a.draft(newsroom.StageEditing)
	page := fmt.Sprintf("/drafts/%d", d.ID)
	n := headerInbox(t, a, "factchecker", page)

	start, end := 0, 4
	if _, err := a.store.CreateComment(ctxAs(a, "editor"), d.ID, newsroom.NewComment{Field: "body", Start: &start, End: &end, Body: "@factchecker look"}); err != nil {
		t.Fatal(err)
	}
	if got := headerInbox(t, a, "factchecker", page); got != n+1 {
		t.Fatalf("after a mention the header counts %d, want %d", got, n+1)
	}

	es, err := a.store.Inbox(ctxAs(a, "factchecker"))
	if err != nil || len(es) != n+1 {
		t.Fatalf("inbox %+v, %v", es, err)
	}
	wantStatus(t, a.page("factchecker", http.MethodPost, "/inbox/done", url.Values{"entry": {es[0].Entry}}), http.StatusSeeOther)
	if got := headerInbox(t, a, "factchecker", page); got != n {
		t.Fatalf("after marking one done the header counts %d, want %d", got, n)
	}

	// Undone behind the server's back, as no event announces: the count holds for a minute.
	if _, err := a.store.DB().Exec("DELETE FROM inbox_done"); err != nil {
		t.Fatal(err)
	}
	if got := headerInbox(t, a, "factchecker", page); got != n {
		t.Fatalf("the header counted again within the minute: %d, want the kept %d", got, n)
	}
	a.clock.Add(time.Minute)
	if got := headerInbox(t, a, "factchecker", page); got != n+1 {
		t.Fatalf("a minute on the header counts %d, want %d", got, n+1)
	}
}
