package store_test

import (
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
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

	evs, err := f.s.QuoteHistory(f.editor, d.ID)
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
	_, err = f.s.QuoteHistory(f.other, d.ID)
	wantCode(t, err, newsroom.ENOTFOUND)
}
