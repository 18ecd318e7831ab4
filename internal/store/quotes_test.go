package store_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/store"
)

const ledgerBody = "“Our territory is inalienable,” said Claudia Sheinbaum.\n" +
	"Filler paragraph without quotes.\n" +
	"White House deputy press secretary Anna Kelly praised the “robust cooperation” of both sides."

func quoteByText(t testing.TB, qs []newsroom.Quote, text string) newsroom.Quote {
	t.Helper()
	for _, q := range qs {
		if q.Text == text {
			return q
		}
	}
	t.Fatalf("no quote %q in %+v", text, qs)
	return newsroom.Quote{}
}

func TestQuoteLedger(t *testing.T) {
	f := newNewsroom(t)
	d, err := f.s.CreateDraft(f.writer, newsroom.Text{Title: "Ledger", Byline: "Sarah Johnson", Brief: "Mexico’s president calls its territory “inalienable”.", Body: ledgerBody + "\nAn “unclosed mark here."})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.QuoteProblems) != 1 || d.QuoteProblems[0].Field != "body" || d.QuoteProblems[0].Paragraph != 3 || d.QuoteProblems[0].Position != 3 {
		t.Fatalf("quote problems = %+v", d.QuoteProblems)
	}
	qs, err := f.s.Quotes(f.writer, d.ID)
	if err != nil || len(qs) != 3 {
		t.Fatalf("Quotes = %+v, %v", qs, err)
	}
	if qs[0].Field != "brief" || qs[0].Text != "inalienable" || qs[0].Status != newsroom.QuoteUnchecked {
		t.Fatalf("first quote = %+v", qs[0])
	}
	territory := quoteByText(t, qs, "Our territory is inalienable,")
	if territory.Speaker != "Claudia Sheinbaum" || territory.Paragraph != 0 || territory.Start != 0 {
		t.Fatalf("territory quote = %+v", territory)
	}
	cooperation := quoteByText(t, qs, "robust cooperation")

	_, err = f.s.CheckQuote(f.checker, d.ID, territory.ID, newsroom.QuoteCheck{Status: newsroom.QuoteVerified})
	wantCode(t, err, newsroom.ENOTFOUND) // a fact-checker does not see a draft before it is submitted
	if _, err := f.s.Transition(f.writer, d.ID, newsroom.TransitionRequest{Action: newsroom.ActionSubmit, Note: ""}); err != nil {
		t.Fatal(err)
	}
	checks := []struct {
		name  string
		ctx   func() any
		quote int64
		check newsroom.QuoteCheck
		code  string
	}{
		{"WriterMayNot", nil, territory.ID, newsroom.QuoteCheck{Status: newsroom.QuoteVerified}, newsroom.EFORBIDDEN},
		{"DisputedNeedsNote", nil, territory.ID, newsroom.QuoteCheck{Status: newsroom.QuoteDisputed}, newsroom.EINVALID},
		{"UnknownStatus", nil, territory.ID, newsroom.QuoteCheck{Status: "fine"}, newsroom.EINVALID},
		{"NoSuchQuote", nil, 99999, newsroom.QuoteCheck{Status: newsroom.QuoteVerified}, newsroom.ENOTFOUND},
	}
	for _, c := range checks {
		t.Run(c.name, func(t *testing.T) {
			ctx := f.checker
			if c.name == "WriterMayNot" {
				ctx = f.writer
			}
			_, err := f.s.CheckQuote(ctx, d.ID, c.quote, c.check)
			wantCode(t, err, c.code)
		})
	}

	_, err = f.s.Transition(f.checker, d.ID, newsroom.TransitionRequest{Action: newsroom.ActionClear, Note: ""})
	wantCode(t, err, newsroom.ECONFLICT)
	if !strings.Contains(newsroom.ErrorMessage(err), "3 quotes are not cleared") {
		t.Fatalf("clear refused with %q", newsroom.ErrorMessage(err))
	}
	q, err := f.s.CheckQuote(f.checker, d.ID, territory.ID, newsroom.QuoteCheck{Status: newsroom.QuoteVerified, Source: "press conference tape"})
	if err != nil || q.Status != newsroom.QuoteVerified || q.CheckedBy == nil || q.CheckedBy.Username != "fiona" || q.CheckedAt == nil {
		t.Fatalf("CheckQuote = %+v, %v", q, err)
	}
	f.s.CheckQuote(f.checker, d.ID, qs[0].ID, newsroom.QuoteCheck{Status: newsroom.QuoteUnverifiable, Note: "No recording."})
	if _, err := f.s.CheckQuote(f.checker, d.ID, cooperation.ID, newsroom.QuoteCheck{Status: newsroom.QuoteDisputed, Note: "She said “close”."}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.Transition(f.checker, d.ID, newsroom.TransitionRequest{Action: newsroom.ActionClear, Note: ""}); err != nil {
		t.Fatalf("clear with every quote checked: %v", err)
	}
	_, err = f.s.CheckQuote(f.checker, d.ID, territory.ID, newsroom.QuoteCheck{Status: newsroom.QuoteVerified})
	wantCode(t, err, newsroom.ECONFLICT) // the fact-checker's turn is over

	t.Run("ApproveRefusesDisputed", func(t *testing.T) {
		_, err := f.s.Transition(f.editor, d.ID, newsroom.TransitionRequest{Action: newsroom.ActionApprove, Note: ""})
		wantCode(t, err, newsroom.ECONFLICT)
		if !strings.Contains(newsroom.ErrorMessage(err), fmt.Sprintf("#%d", cooperation.ID)) {
			t.Fatalf("approve refused with %q", newsroom.ErrorMessage(err))
		}
	})
	t.Run("EditResetsOnlyChangedQuotes", func(t *testing.T) {
		cur, _ := f.s.GetDraft(f.editor, d.ID)
		// The editor moves the cooperation paragraph first, adds a paragraph, and edits the
		// territory quote's words.
		body := "White House deputy press secretary Anna Kelly praised the “robust cooperation” of both sides.\n" +
			"A new paragraph.\n“Our territory is inalienable and sovereign,” said Claudia Sheinbaum."
		got, err := f.s.UpdateDraft(f.editor, d.ID, newsroom.DraftUpdate{Body: &body, Version: cur.Version})
		if err != nil {
			t.Fatal(err)
		}
		if len(got.QuoteProblems) != 0 {
			t.Fatalf("problems after fixing the mark: %+v", got.QuoteProblems)
		}
		qs, _ := f.s.Quotes(f.editor, d.ID)
		coop := quoteByText(t, qs, "robust cooperation")
		if coop.ID != cooperation.ID || coop.Status != newsroom.QuoteDisputed || coop.Paragraph != 0 {
			t.Fatalf("moved quote lost its check: %+v", coop)
		}
		terr := quoteByText(t, qs, "Our territory is inalienable and sovereign,")
		if terr.ID != territory.ID || terr.Status != newsroom.QuoteUnchecked || terr.CheckedBy != nil || terr.Source != "" {
			t.Fatalf("edited quote kept its check: %+v", terr)
		}
		h, _ := f.s.History(f.editor, d.ID, newsroom.HistoryFilter{})
		var reset *newsroom.QuoteEvent
		for i, e := range h.Quotes {
			if e.Event == "reset" && e.QuoteID == territory.ID {
				reset = &h.Quotes[i]
			}
		}
		if reset == nil || reset.Status != newsroom.QuoteVerified || reset.Source != "press conference tape" || reset.Text != "Our territory is inalienable," {
			t.Fatalf("reset event = %+v in %+v", reset, h.Quotes)
		}
	})
	t.Run("WaiveThenApprove", func(t *testing.T) {
		qs, _ := f.s.Quotes(f.editor, d.ID)
		terr := quoteByText(t, qs, "Our territory is inalienable and sovereign,")
		if _, err := f.s.CheckQuote(f.editor, d.ID, terr.ID, newsroom.QuoteCheck{Status: newsroom.QuoteVerified}); err != nil {
			t.Fatalf("editor checks in editing: %v", err)
		}
		_, err := f.s.WaiveQuote(f.editor, d.ID, terr.ID, newsroom.QuoteNote{Note: "why"})
		wantCode(t, err, newsroom.ECONFLICT) // only disputed quotes are waived
		_, err = f.s.WaiveQuote(f.editor, d.ID, cooperation.ID, newsroom.QuoteNote{Note: " "})
		wantCode(t, err, newsroom.EINVALID)
		_, err = f.s.WaiveQuote(f.checker, d.ID, cooperation.ID, newsroom.QuoteNote{Note: "why"})
		wantCode(t, err, newsroom.EFORBIDDEN)
		w, err := f.s.WaiveQuote(f.editor, d.ID, cooperation.ID, newsroom.QuoteNote{Note: "Both wordings are on the record; the difference is immaterial."})
		if err != nil || w.Waiver == nil || w.Waiver.By.Username != "ed" || w.Status != newsroom.QuoteDisputed {
			t.Fatalf("WaiveQuote = %+v, %v", w, err)
		}
		if _, err := f.s.Transition(f.editor, d.ID, newsroom.TransitionRequest{Action: newsroom.ActionApprove, Note: ""}); err != nil {
			t.Fatalf("approve after the waiver: %v", err)
		}
	})
	t.Run("RemovedQuoteLeavesLedger", func(t *testing.T) {
		d, _ := f.s.CreateDraft(f.writer, newsroom.Text{Title: "Gone", Body: "He said “yes” once."})
		body := "He said yes once."
		if _, err := f.s.UpdateDraft(f.writer, d.ID, newsroom.DraftUpdate{Body: &body, Version: 1}); err != nil {
			t.Fatal(err)
		}
		qs, _ := f.s.Quotes(f.writer, d.ID)
		h, _ := f.s.History(f.writer, d.ID, newsroom.HistoryFilter{})
		if len(qs) != 0 || len(h.Quotes) != 2 || h.Quotes[1].Event != "removed" || h.Quotes[1].Text != "yes" {
			t.Fatalf("ledger %+v, history %+v", qs, h.Quotes)
		}
	})
}

// BenchmarkLedgerEdit saves one edited paragraph of a draft holding 500 checked quotes: the new
// revision, the ledger update and the audit, in one transaction.
func BenchmarkLedgerEdit(b *testing.B) {
	f := newNewsroomAt(b, store.Options{})
	paras := make([]string, 250)
	for i := range paras {
		paras[i] = fmt.Sprintf("In paragraph %d the mayor said “we will build %d homes” and the council answered “not before %d”.", i, i, 2030+i)
	}
	d, err := f.s.CreateDraft(f.writer, newsroom.Text{Title: "Five hundred quotes", Body: strings.Join(paras, "\n")})
	if err != nil {
		b.Fatal(err)
	}
	version := d.Version
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		paras[0] = fmt.Sprintf("Edit %d: the mayor said “we will build %d homes” and the council answered “not before 2030”.", i, i)
		body := strings.Join(paras, "\n")
		got, err := f.s.UpdateDraft(f.writer, d.ID, newsroom.DraftUpdate{Body: &body, Version: version})
		if err != nil {
			b.Fatal(err)
		}
		version = got.Version
	}
}
