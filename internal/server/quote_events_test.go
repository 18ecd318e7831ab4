package server_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/cputime"
	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestDraftPageBoundsQuoteHistory flips one quote's verdict 100,000 times, as a script through
// the API can in a minute, and holds the draft page to a bounded cost (under a second of CPU
// time here; 293,000 events took 29.5 s and 72 MB while every event was read and shown). The
// page and the API's history show the quote's latest newsroom.QuoteEventsShown events and count
// the rest, and the count's link leads to them all, a page at a time.
func TestDraftPageBoundsQuoteHistory(t *testing.T) {
	a := newTestApp(t)
	d, err := a.store.CreateDraft(ctxAs(a, "writer"), newsroom.Text{Title: "Flipped", Byline: "Writer", Brief: "Brief.",
		Body: "“We will see,” said Ana Ruiz."})
	if err != nil {
		t.Fatal(err)
	}
	qid := a.firstQuote(d.ID)
	flips := fmt.Sprintf(`WITH RECURSIVE flips(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM flips WHERE i < 100000)
INSERT INTO quote_events (quote_id, draft_id, version, event, text, status, note, at, seq)
SELECT %d, %d, 1, 'check', 'We will see,', CASE WHEN i %% 2 = 0 THEN 'verified' ELSE 'disputed' END,
	'flip ' || CAST(i AS TEXT), CURRENT_TIMESTAMP, i + 1 FROM flips`, qid, d.ID)
	if _, err := a.store.DB().Exec(flips); err != nil {
		t.Fatal(err)
	}
	var total int
	if err := a.store.DB().QueryRow(fmt.Sprintf("SELECT COUNT(*) FROM quote_events WHERE quote_id = %d", qid)).Scan(&total); err != nil {
		t.Fatal(err)
	}
	older := total - newsroom.QuoteEventsShown

	path := fmt.Sprintf("/drafts/%d", d.ID)
	took := time.Hour
	for range 3 {
		start := cputime.Used(t)
		res := a.page("writer", "GET", path, nil)
		took = min(took, cputime.Used(t)-start)
		wantStatus(t, res, http.StatusOK)
		body := res.Body.String()
		if n := strings.Count(body, "— <span dir=\"auto\">flip "); n != newsroom.QuoteEventsShown {
			t.Fatalf("the page shows %d of the quote's events, want its latest %d", n, newsroom.QuoteEventsShown)
		}
		wantBody(t, res, fmt.Sprintf(`— <span dir="auto">flip %d</span>`, total-1))
		wantBody(t, res, fmt.Sprintf(`<a href="/drafts/%d/quotes/%d/history?cursor=`, d.ID, qid),
			fmt.Sprintf(`">Show %s older events</a>`, grouped(older)))
	}
	t.Logf("the draft page took %v of CPU time", took)
	if took > time.Second {
		t.Errorf("the draft page took %v of CPU time, want under a second", took)
	}

	res := a.do("writer", "GET", fmt.Sprintf("/api/v1/drafts/%d/history", d.ID), "")
	wantStatus(t, res, http.StatusOK)
	var h newsroom.History
	if err := json.Unmarshal(res.Body.Bytes(), &h); err != nil {
		t.Fatal(err)
	}
	if len(h.Quotes) != newsroom.QuoteEventsShown || h.QuotesOlder[qid] != older {
		t.Errorf("the API's history holds %d events and counts %d older, want %d and %d", len(h.Quotes), h.QuotesOlder[qid], newsroom.QuoteEventsShown, older)
	}

	history := fmt.Sprintf("/drafts/%d/quotes/%d/history", d.ID, qid)
	res = a.page("writer", "GET", history, nil)
	wantStatus(t, res, http.StatusOK)
	wantBody(t, res, fmt.Sprintf(`— <span dir="auto">flip %d</span>`, total-1))
	next := strings.Index(res.Body.String(), history+"?cursor=")
	if next < 0 {
		t.Fatalf("the quote's history links no older page: %s", res.Body.String())
	}
	cursor, _, _ := strings.Cut(res.Body.String()[next+len(history+"?cursor="):], `"`)
	res = a.page("writer", "GET", history+"?cursor="+cursor, nil)
	wantStatus(t, res, http.StatusOK)
	if strings.Contains(res.Body.String(), fmt.Sprintf(`flip %d<`, total-1)) {
		t.Error("the older page shows the newest event again")
	}
	wantStatus(t, a.page("other", "GET", history, nil), http.StatusNotFound)
}

// grouped writes n with a comma between each group of three digits, as the page counts.
func grouped(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
