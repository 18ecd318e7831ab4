package store_test

import (
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestQuoteKinds checks that the ledger keeps each quotation's kind and reason, and that a save
// which changes only the words around a quote updates its kind without losing its check.
func TestQuoteKinds(t *testing.T) {
	f := newNewsroom(t)
	body := "“The ferry runs at dawn,” said Captain Ilse Berg.\n" +
		"The timetable was “flexible” at best.\n" +
		"A sign on the pier read “Mind the Gap” for years."
	d, err := f.s.CreateDraft(f.writer, newsroom.Text{Title: "Ferry", Byline: "Sarah Johnson", Brief: "The ferry keeps time.", Body: body})
	if err != nil {
		t.Fatal(err)
	}
	qs, err := f.s.Quotes(f.writer, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []struct {
		text string
		kind newsroom.QuoteKind
		why  string
	}{
		{"The ferry runs at dawn,", newsroom.QuoteStatement, "credited to Ilse Berg"},
		{"flexible", newsroom.QuoteTerm, "a few words credited to no one"},
		{"Mind the Gap", newsroom.QuoteTitle, "follows “read”"},
	} {
		if q := quoteByText(t, qs, want.text); q.Kind != want.kind || q.Why != want.why {
			t.Errorf("%q: kind %q (%q), want %q (%q)", want.text, q.Kind, q.Why, want.kind, want.why)
		}
	}
	flexible := quoteByText(t, qs, "flexible")
	if _, err := f.s.Transition(f.writer, d.ID, newsroom.TransitionRequest{Action: newsroom.ActionSubmit}); err != nil {
		t.Fatal(err)
	}
	for _, q := range qs {
		if _, err := f.s.CheckQuote(f.checker, d.ID, q.ID, newsroom.QuoteCheck{Status: newsroom.QuoteVerified}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := f.s.Transition(f.checker, d.ID, newsroom.TransitionRequest{Action: newsroom.ActionClear}); err != nil {
		t.Fatal(err)
	}
	cur, err := f.s.GetDraft(f.checker, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	edited := "“The ferry runs at dawn,” said Captain Ilse Berg.\n" +
		"The so-called “flexible” timetable was a joke.\n" +
		"A sign on the pier read “Mind the Gap” for years."
	if _, err := f.s.UpdateDraft(f.editor, d.ID, newsroom.DraftUpdate{Body: &edited, Version: cur.Version}); err != nil {
		t.Fatal(err)
	}
	qs, err = f.s.Quotes(f.editor, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	q := quoteByText(t, qs, "flexible")
	if q.ID != flexible.ID || q.Status != newsroom.QuoteVerified || q.Kind != newsroom.QuoteTerm || q.Why != "follows “so-called”" {
		t.Fatalf("re-read quote = %+v, want the same verified entry, a term following “so-called”", q)
	}
}
