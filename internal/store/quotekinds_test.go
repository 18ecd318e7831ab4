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

// TestMarkNotQuote checks a fact-checker's finding that a ledger entry is no quotation: who may
// make it, that it needs a note, that it lets the quote gate pass, that the history keeps it, and
// that a later verdict takes it back.
func TestMarkNotQuote(t *testing.T) {
	f := newNewsroom(t)
	body := "“We sail at six,” said Captain Ilse Berg.\nThe ferry is called “Northern Star” by everyone."
	d, err := f.s.CreateDraft(f.writer, newsroom.Text{Title: "Ferry", Byline: "Sarah Johnson", Brief: "The ferry keeps time.", Body: body})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.Transition(f.writer, d.ID, newsroom.TransitionRequest{Action: newsroom.ActionSubmit}); err != nil {
		t.Fatal(err)
	}
	qs, _ := f.s.Quotes(f.checker, d.ID)
	sail, star := quoteByText(t, qs, "We sail at six,"), quoteByText(t, qs, "Northern Star")
	for _, tt := range []struct {
		name   string
		writer bool
		note   string
		code   string
	}{
		{"WriterMayNot", true, "A ship's name.", newsroom.EFORBIDDEN},
		{"NeedsNote", false, "  ", newsroom.EINVALID},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ctx := f.checker
			if tt.writer {
				ctx = f.writer
			}
			_, err := f.s.MarkNotQuote(ctx, d.ID, star.ID, newsroom.QuoteNote{Note: tt.note})
			wantCode(t, err, tt.code)
		})
	}
	if _, err := f.s.CheckQuote(f.checker, d.ID, sail.ID, newsroom.QuoteCheck{Status: newsroom.QuoteVerified}); err != nil {
		t.Fatal(err)
	}
	_, err = f.s.Transition(f.checker, d.ID, newsroom.TransitionRequest{Action: newsroom.ActionClear})
	wantCode(t, err, newsroom.ECONFLICT)
	q, err := f.s.MarkNotQuote(f.checker, d.ID, star.ID, newsroom.QuoteNote{Note: " A ship's name, not speech. "})
	if err != nil {
		t.Fatal(err)
	}
	if q.NotQuote == nil || q.NotQuote.Note != "A ship's name, not speech." || q.NotQuote.By.Username != "fiona" || q.Status != newsroom.QuoteUnchecked {
		t.Fatalf("marked quote = %+v", q)
	}
	h, err := f.s.History(f.checker, d.ID, newsroom.HistoryFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var found bool
	for _, e := range h.Quotes {
		found = found || e.Event == "not_quote" && e.QuoteID == star.ID && e.Note == "A ship's name, not speech." && e.Actor != nil && e.Actor.Username == "fiona"
	}
	if !found {
		t.Fatalf("no not_quote event in %+v", h.Quotes)
	}
	if _, err := f.s.Transition(f.checker, d.ID, newsroom.TransitionRequest{Action: newsroom.ActionClear}); err != nil {
		t.Fatalf("clear with the other quote marked no quotation: %v", err)
	}
	q, err = f.s.CheckQuote(f.editor, d.ID, star.ID, newsroom.QuoteCheck{Status: newsroom.QuoteVerified})
	if err != nil || q.NotQuote != nil {
		t.Fatalf("a verdict after the finding: %+v, %v", q, err)
	}
}
