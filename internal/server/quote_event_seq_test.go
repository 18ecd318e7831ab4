package server_test

import (
	"fmt"
	"net/http"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/copydesk/copydesk/internal/cputime"
	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestQuoteEventNumbersWhileChecked: while a quote's checks are being written, every draft page
// numbers the events it shows by their places, as it read them: the latest events and their
// numbers come from one read, not from a read of the events and a later count of them.
func TestQuoteEventNumbersWhileChecked(t *testing.T) {
	a, d, qid := quoteWithEvents(t, 25)
	var stop atomic.Bool
	done := make(chan error)
	go func() {
		for n := 26; !stop.Load(); n++ {
			time.Sleep(time.Millisecond)
			if _, err := a.store.DB().Exec(fmt.Sprintf(`INSERT INTO quote_events (quote_id, draft_id, version, event, text,
	status, note, at, seq) VALUES (%d, %d, 1, 'check', 'We will see,', 'verified', 'event %d', CURRENT_TIMESTAMP, %d)`,
				qid, d, n, n)); err != nil {
				done <- err
				return
			}
		}
		done <- nil
	}()
	bad := 0
	var example string
	for range 100 {
		res := a.page("writer", "GET", fmt.Sprintf("/drafts/%d", d), nil)
		wantStatus(t, res, http.StatusOK)
		row := find(parseHTML(t, res.Body.String()), func(n *html.Node) bool { return attr(n, "id") == fmt.Sprintf("quote-%d", qid) })
		ol := find(find(row, func(n *html.Node) bool { return hasClass(n, "quote-history") }), func(n *html.Node) bool { return n.Data == "ol" })
		start, _ := strconv.Atoi(attr(ol, "start"))
		m := eventNote.FindStringSubmatch(textOf(find(ol, func(n *html.Node) bool { return n.Data == "li" })))
		if m == nil {
			t.Fatalf("the first event shown says no place: %s", textOf(ol))
		}
		if place, _ := strconv.Atoi(m[1]); start != place {
			bad++
			example = fmt.Sprintf("<ol start=%d> but its first item is event %d", start, place)
		}
	}
	stop.Store(true)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if bad > 0 {
		t.Errorf("%d of 100 draft pages misnumbered, e.g. %s", bad, example)
	}
}

// TestQuoteEventNumbersInterleaved: two quotes whose events interleave in the table are each
// numbered by their own history, on the draft page, on every page of their histories and from
// the draft page's link to their older events.
func TestQuoteEventNumbersInterleaved(t *testing.T) {
	a := newTestApp(t)
	dr, err := a.store.CreateDraft(ctxAs(a, "writer"), newsroom.Text{Title: "Two", Byline: "Writer", Brief: "Brief.",
		Body: "“We will see,” said Ana Ruiz. “Not today,” said Bo Lee."})
	if err != nil {
		t.Fatal(err)
	}
	d := dr.ID
	var q1, q2 int64
	if err := a.store.DB().QueryRow(fmt.Sprintf("SELECT MIN(id), MAX(id) FROM quotes WHERE draft_id = %d", d)).Scan(&q1, &q2); err != nil || q1 == q2 {
		t.Fatalf("the draft's two quotes: %d %d %v", q1, q2, err)
	}
	for i := 2; i <= 60; i++ {
		for _, q := range []int64{q1, q2} {
			if i > 40 && q == q2 {
				continue
			}
			if _, err := a.store.DB().Exec(fmt.Sprintf(`INSERT INTO quote_events (quote_id, draft_id, version, event, text, status,
	note, at, seq) VALUES (%d, %d, 1, 'check', 'x', 'verified', 'event %d', CURRENT_TIMESTAMP, %d)`, q, d, i, i)); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, q := range []struct {
		id    int64
		total int
	}{{q1, 60}, {q2, 40}} {
		draftQuoteEvents(t, a, d, q.id)
		if seen := walkQuoteHistory(t, a, fmt.Sprintf("/drafts/%d/quotes/%d/history?limit=7", d, q.id)); len(seen) != q.total {
			t.Errorf("quote %d's history lists %d events, want %d", q.id, len(seen), q.total)
		}
		res := a.page("writer", "GET", fmt.Sprintf("/drafts/%d", d), nil)
		older := q.total - newsroom.QuoteEventsShown
		if seen := walkQuoteHistory(t, a, olderEventsLink(t, res.Body.String(), q.id)); len(seen) != older || seen[0] != older {
			t.Errorf("quote %d's older events are %s, want %d from %d down", q.id, span(seen), older, older)
		}
	}
}

// TestQuoteHistoryPageCost holds a page of a quote's history to a cost that does not grow with
// the history: with 300,000 events, a page from the newest costs about what a page near the
// oldest does (counting the events up to a page's newest, as numbering once did, took 10 ms of
// CPU time at the newest on SQLite and 87 ms on PostgreSQL, and reading a history page by page
// grew with its square).
func TestQuoteHistoryPageCost(t *testing.T) {
	const total = 300000
	a := newTestApp(t)
	d, err := a.store.CreateDraft(ctxAs(a, "writer"), newsroom.Text{Title: "Flipped", Byline: "Writer", Brief: "Brief.",
		Body: "“We will see,” said Ana Ruiz."})
	if err != nil {
		t.Fatal(err)
	}
	qid := a.firstQuote(d.ID)
	flips := fmt.Sprintf(`WITH RECURSIVE flips(i) AS (SELECT 2 UNION ALL SELECT i + 1 FROM flips WHERE i < %d)
INSERT INTO quote_events (quote_id, draft_id, version, event, text, status, note, at, seq)
SELECT %d, %d, 1, 'check', 'We will see,', 'verified', 'event ' || CAST(i AS TEXT), CURRENT_TIMESTAMP, i FROM flips`, total, qid, d.ID)
	if _, err := a.store.DB().Exec(flips); err != nil {
		t.Fatal(err)
	}
	if _, err := a.store.DB().Exec("ANALYZE"); err != nil {
		t.Fatal(err)
	}
	var ids []int64
	rows, err := a.store.DB().Query(fmt.Sprintf("SELECT id FROM quote_events WHERE quote_id = %d ORDER BY id DESC", qid))
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	if err := rows.Close(); err != nil || len(ids) != total {
		t.Fatalf("read %d of the quote's %d events: %v", len(ids), total, err)
	}
	cost := func(place int) time.Duration {
		path := fmt.Sprintf("/drafts/%d/quotes/%d/history?cursor=%d", d.ID, qid, ids[total-place])
		took := time.Hour
		for range 5 {
			start := cputime.Used(t)
			res := a.page("writer", "GET", path, nil)
			took = min(took, cputime.Used(t)-start)
			wantStatus(t, res, http.StatusOK)
			wantBody(t, res, fmt.Sprintf(`start="%d"`, place-1))
		}
		return took
	}
	oldest, newest := cost(200), cost(total)
	t.Logf("a page below event 200 took %v of CPU time, below event %d %v", oldest, total, newest)
	if newest > 3*oldest+2*time.Millisecond {
		t.Errorf("a page below event %d took %v of CPU time, one below event 200 %v: the cost grows with the history", total, newest, oldest)
	}
}
