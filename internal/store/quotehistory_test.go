package store_test

import (
	"fmt"
	"io/fs"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/store"
	"github.com/copydesk/copydesk/internal/store/storetest"
	"github.com/copydesk/copydesk/migrations"
)

// TestQuoteHistory reads a draft's whole ledger history at once: each quote's finding, its
// verdicts and, when an edit changed its words, the old words with the check they lost; a
// writer who may not see the draft is told it does not exist.
func TestQuoteHistory(t *testing.T) {
	f := newNewsroom(t)
	d, err := f.s.CreateDraft(f.writer, newsroom.Text{Title: "Ledger", Byline: "Sarah Johnson", Brief: "A brief.", Body: ledgerBody})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.Transition(f.writer, d.ID, newsroom.TransitionRequest{Action: newsroom.ActionSubmit}); err != nil {
		t.Fatal(err)
	}
	qs, err := f.s.Quotes(f.checker, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	territory := quoteByText(t, qs, "Our territory is inalienable,")
	for _, c := range []newsroom.QuoteCheck{{Status: newsroom.QuoteDisputed, Note: "Not on the tape."}, {Status: newsroom.QuoteVerified, Source: "second tape"}} {
		if _, err := f.s.CheckQuote(f.checker, d.ID, territory.ID, c); err != nil {
			t.Fatal(err)
		}
	}
	cooperation := quoteByText(t, qs, "robust cooperation")
	if _, err := f.s.CheckQuote(f.checker, d.ID, cooperation.ID, newsroom.QuoteCheck{Status: newsroom.QuoteVerified}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.Transition(f.checker, d.ID, newsroom.TransitionRequest{Action: newsroom.ActionClear}); err != nil {
		t.Fatal(err)
	}
	body := strings.Replace(ledgerBody, "is inalienable", "is ours", 1)
	if _, err := f.s.UpdateDraft(f.editor, d.ID, newsroom.DraftUpdate{Body: &body, Version: 1}); err != nil {
		t.Fatal(err)
	}

	evs, _, err := f.s.QuoteHistory(f.editor, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range evs {
		if e.QuoteID == territory.ID {
			got = append(got, e.Event+":"+string(e.Status)+":"+e.Text+":"+e.Note+e.Source+":"+e.Actor.Username)
		}
	}
	want := []string{
		"found:unchecked:Our territory is inalienable,::sarah",
		"check:disputed:Our territory is inalienable,:Not on the tape.:fiona",
		"check:verified:Our territory is inalienable,:second tape:fiona",
		"reset:verified:Our territory is inalienable,:second tape:ed",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("history of the territory quote:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(evs) != 6 {
		t.Errorf("%d events in all, want the territory quote's 4 and the other quote's 2", len(evs))
	}
	_, _, err = f.s.QuoteHistory(f.other, d.ID)
	wantCode(t, err, newsroom.ENOTFOUND)
}

// floodQuoteEvents adds n check events to a draft's ledger straight in the database, as a
// fact-checker flipping verdicts would: of each three, two to first and one to second, each
// with its number as its note, so that the two quotes' events interleave.
func floodQuoteEvents(t testing.TB, s *store.Store, draftID, first, second int64, n int) {
	t.Helper()
	q := fmt.Sprintf(`WITH RECURSIVE flips(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM flips WHERE i < %d)
INSERT INTO quote_events (quote_id, draft_id, version, event, text, status, note, at, seq)
SELECT CASE WHEN i %% 3 = 0 THEN %d ELSE %d END, %d, 1, 'check', 'flipped',
	CASE WHEN i %% 2 = 0 THEN 'verified' ELSE 'disputed' END, 'flip ' || CAST(i AS TEXT), CURRENT_TIMESTAMP,
	CASE WHEN i %% 3 = 0 THEN 1 + i / 3 ELSE 1 + i - i / 3 END
FROM flips`, n, second, first, draftID)
	if _, err := s.DB().Exec(q); err != nil {
		t.Fatal(err)
	}
}

// TestQuoteHistoryBounded floods two quotes of a draft with thousands of events and checks that
// the draft's page reads the latest newsroom.QuoteEventsShown of each, oldest first, with the
// right count of older ones, while a quote with few keeps them all and is counted nothing; and
// that paging through one quote's events newest first reaches each of them once.
func TestQuoteHistoryBounded(t *testing.T) {
	f := newNewsroom(t)
	d, err := f.s.CreateDraft(f.writer, newsroom.Text{Title: "Flood", Byline: "Sarah Johnson", Brief: "A brief.",
		Body: ledgerBody + "\n“A third voice,” said Ana Ruiz."})
	if err != nil {
		t.Fatal(err)
	}
	qs, err := f.s.Quotes(f.editor, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	first, second := quoteByText(t, qs, "Our territory is inalienable,"), quoteByText(t, qs, "robust cooperation")
	floodQuoteEvents(t, f.s, d.ID, first.ID, second.ID, 5000)

	rows, err := f.s.DB().Query(fmt.Sprintf("SELECT quote_id, note FROM quote_events WHERE draft_id = %d ORDER BY id", d.ID))
	if err != nil {
		t.Fatal(err)
	}
	all := map[int64][]string{}
	var order []string
	for rows.Next() {
		var id int64
		var note string
		if err := rows.Scan(&id, &note); err != nil {
			t.Fatal(err)
		}
		all[id] = append(all[id], note)
		order = append(order, fmt.Sprint(id, note))
	}
	if err := rows.Close(); err != nil {
		t.Fatal(err)
	}
	if len(all) != len(qs) {
		t.Fatalf("events of %d quotes, want %d", len(all), len(qs))
	}
	wantOlder := map[int64]int{}
	wantShown := map[string]bool{}
	for id, notes := range all {
		keep := min(len(notes), newsroom.QuoteEventsShown)
		for _, n := range notes[len(notes)-keep:] {
			wantShown[fmt.Sprint(id, n)] = true
		}
		if len(notes) > keep {
			wantOlder[id] = len(notes) - keep
		}
	}
	var want []string
	for _, e := range order {
		if wantShown[e] {
			want = append(want, e)
		}
	}

	evs, older, err := f.s.QuoteHistory(f.editor, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	h, err := f.s.History(f.editor, d.ID, newsroom.HistoryFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for name, got := range map[string][]newsroom.QuoteEvent{"QuoteHistory": evs, "History": h.Quotes} {
		var seen []string
		for _, e := range got {
			seen = append(seen, fmt.Sprint(e.QuoteID, e.Note))
		}
		if !slices.Equal(seen, want) {
			t.Errorf("%s read %d events, want the latest %d of each quote, oldest first:\n%v\nwant\n%v", name, len(seen), newsroom.QuoteEventsShown, seen, want)
		}
	}
	if !maps.Equal(older, wantOlder) || !maps.Equal(h.QuotesOlder, wantOlder) {
		t.Errorf("older events = %v and %v, want %v", older, h.QuotesOlder, wantOlder)
	}

	var paged []string
	cursor := ""
	for pages := 0; ; pages++ {
		if pages > len(all[first.ID]) {
			t.Fatal("paging does not end")
		}
		p, err := f.s.QuoteEvents(f.editor, d.ID, first.ID, newsroom.HistoryFilter{Limit: 200, Cursor: cursor})
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range p.Events {
			paged = append(paged, e.Note)
		}
		if cursor = p.Next; cursor == "" {
			break
		}
	}
	slices.Reverse(paged)
	if !slices.Equal(paged, all[first.ID]) {
		t.Errorf("paging read %d events of the first quote, want its %d newest first", len(paged), len(all[first.ID]))
	}
	_, err = f.s.QuoteEvents(f.editor, d.ID, qs[len(qs)-1].ID+1000, newsroom.HistoryFilter{})
	wantCode(t, err, newsroom.ENOTFOUND)
	_, err = f.s.QuoteEvents(f.other, d.ID, first.ID, newsroom.HistoryFilter{})
	wantCode(t, err, newsroom.ENOTFOUND)
}

// TestQuoteEventSeq: each check of a quote is numbered one past the quote's latest event, apart
// from another quote's checks written between them, and migration 00050, taken down and up
// again, numbers the events of a newsroom upgrading to it as their writing did.
func TestQuoteEventSeq(t *testing.T) {
	f := newNewsroom(t)
	d, err := f.s.CreateDraft(f.writer, newsroom.Text{Title: "Two", Byline: "Sarah Johnson", Brief: "A brief.",
		Body: "“We will see,” said Ana Ruiz. “Not today,” said Bo Lee."})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.Transition(f.writer, d.ID, newsroom.TransitionRequest{Action: newsroom.ActionSubmit}); err != nil {
		t.Fatal(err)
	}
	qs, err := f.s.Quotes(f.checker, d.ID)
	if err != nil || len(qs) != 2 {
		t.Fatalf("the draft's quotes: %v %v", qs, err)
	}
	checks := map[int64]int{qs[0].ID: 6, qs[1].ID: 3}
	for i := range 6 {
		for _, q := range qs {
			if i >= checks[q.ID] {
				continue
			}
			status := []newsroom.QuoteStatus{newsroom.QuoteVerified, newsroom.QuoteDisputed}[i%2]
			if _, err := f.s.CheckQuote(f.checker, d.ID, q.ID, newsroom.QuoteCheck{Status: status, Note: fmt.Sprintf("check %d", i+2)}); err != nil {
				t.Fatal(err)
			}
		}
	}
	numbered := func(when string) {
		t.Helper()
		for _, q := range qs {
			p, err := f.s.QuoteEvents(f.checker, d.ID, q.ID, newsroom.HistoryFilter{Limit: 2})
			for page := 0; err == nil; page++ {
				for i, e := range p.Events {
					want := checks[q.ID] + 1 - 2*page - i
					if e.Number != want || (want > 1 && e.Note != fmt.Sprintf("check %d", want)) {
						t.Errorf("%s, quote %d's event %q is numbered %d, want %d", when, q.ID, e.Note, e.Number, want)
					}
				}
				if p.Next == "" {
					break
				}
				p, err = f.s.QuoteEvents(f.checker, d.ID, q.ID, newsroom.HistoryFilter{Limit: 2, Cursor: p.Next})
			}
			if err != nil {
				t.Fatal(err)
			}
		}
	}
	numbered("as written")

	dialect := "sqlite"
	if storetest.Postgres() {
		dialect = "postgres"
	}
	src, err := fs.ReadFile(migrations.FS, dialect+"/00050_quote_event_seq.sql")
	if err != nil {
		t.Fatal(err)
	}
	up, down, _ := strings.Cut(string(src), "-- +goose Down")
	if _, err := f.s.DB().Exec(down); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.DB().Exec(strings.Split(up, "-- +goose Up")[1]); err != nil {
		t.Fatal(err)
	}
	numbered("numbered by the migration")
}
