package server_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestDraftListStaysCurrent checks the draft list of whole drafts (view=full), which keeps each
// draft's JSON between requests, against the store's own list, byte for byte, as drafts are
// edited, moved on and paged through: nothing kept may outlive a change.
func TestDraftListStaysCurrent(t *testing.T) {
	a := newTestApp(t)
	var ids []int64
	for range 4 {
		ids = append(ids, a.draft(newsroom.StageEditing).ID)
	}
	same := func(query string, f newsroom.DraftFilter) string {
		t.Helper()
		sep := "?"
		if query != "" {
			sep = "&"
		}
		res := a.do("editor", "GET", "/api/v1/drafts"+query+sep+"view=full", "")
		wantStatus(t, res, http.StatusOK)
		page, err := a.store.ListDrafts(ctxAs(a, "editor"), f)
		if err != nil {
			t.Fatal(err)
		}
		want, _ := json.Marshal(page)
		if got := res.Body.String(); got != string(want)+"\n" {
			t.Fatalf("GET /api/v1/drafts%s =\n%s\nthe store lists\n%s", query, got, want)
		}
		if n, _ := strconv.Atoi(res.Header().Get("Content-Length")); n != res.Body.Len() {
			t.Fatalf("Content-Length %d for %d bytes", n, res.Body.Len())
		}
		return page.Next
	}
	editing := newsroom.DraftFilter{Stage: newsroom.StageEditing}
	same("?stage=editing", editing)
	same("?stage=editing", editing) // now from what was kept

	res := a.do("editor", "PUT", fmt.Sprintf("/api/v1/drafts/%d", ids[1]), `{"body":"A new body, “rewritten”.","version":1}`)
	wantStatus(t, res, http.StatusOK)
	same("?stage=editing", editing)
	if res := a.do("editor", "GET", "/api/v1/drafts?stage=editing&view=full", ""); !strings.Contains(res.Body.String(), "A new body") {
		t.Fatal("the list does not show the edit")
	}

	wantStatus(t, a.do("editor", "POST", fmt.Sprintf("/api/v1/drafts/%d/transitions", ids[2]), `{"action":"recheck"}`), http.StatusOK)
	same("?stage=editing", editing)
	same("", newsroom.DraftFilter{})
	same("?stage=fact_check", newsroom.DraftFilter{Stage: newsroom.StageFactCheck})

	next := same("?limit=2", newsroom.DraftFilter{Limit: 2})
	if next == "" {
		t.Fatal("no second page")
	}
	same("?limit=2&cursor="+next, newsroom.DraftFilter{Limit: 2, Cursor: next})

	// A writer sees only their own drafts, from the same kept JSON.
	res = a.do("other", "GET", "/api/v1/drafts?view=full", "")
	wantStatus(t, res, http.StatusOK)
	if page := decode[newsroom.DraftPage](t, res); len(page.Items) != 0 {
		t.Fatalf("another writer lists %d drafts", len(page.Items))
	}
}
