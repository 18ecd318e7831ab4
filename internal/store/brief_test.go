package store_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

func TestApproveWaitsForTheBriefToMatchTheBody(t *testing.T) {
	f := newNewsroom(t)
	text := newsroom.Text{Title: "Pier", Byline: "Sarah Johnson", Topics: []string{"Harbour"},
		Brief: "The mayor vowed: “We will rebuild the harbour.” Repairs will cost $1.2 million.",
		Body:  "“We will rebuild the pier,” Mayor Ana Ruiz said on Tuesday.\nThe council set aside 1,200,000 dollars for repairs."}
	d, err := f.s.CreateDraft(f.writer, text)
	if err != nil {
		t.Fatal(err)
	}
	d = f.walk(t, d, newsroom.StageEditing)

	_, err = f.s.Transition(f.editor, d.ID, newsroom.TransitionRequest{Action: newsroom.ActionApprove})
	wantCode(t, err, newsroom.ECONFLICT)
	var e *newsroom.Error
	if !errors.As(err, &e) || !strings.Contains(e.Message, "We will rebuild the harbour.") || !strings.Contains(e.Message, "We will rebuild the pier,") {
		t.Fatalf("approve refused with %q, want both versions of the quote", newsroom.ErrorMessage(err))
	}
	if qs, ok := e.Details["brief_quotes"].([]newsroom.BriefQuote); !ok || len(qs) != 1 || qs[0].Text != "We will rebuild the harbour." {
		t.Fatalf("details = %+v, want the brief quote", e.Details)
	}

	body := "“We will rebuild the harbour,” Mayor Ana Ruiz said on Tuesday.\nThe council set aside 1,200,000 dollars for repairs."
	if _, err := f.s.UpdateDraft(f.editor, d.ID, newsroom.DraftUpdate{Body: &body, Version: d.Version}); err != nil {
		t.Fatal(err)
	}
	_, err = f.s.Transition(f.editor, d.ID, newsroom.TransitionRequest{Action: newsroom.ActionApprove})
	wantCode(t, err, newsroom.ECONFLICT) // the edited body quote is unchecked again
	qs, err := f.s.Quotes(f.editor, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	harbour := quoteByText(t, qs, "We will rebuild the harbour,")
	if _, err := f.s.CheckQuote(f.editor, d.ID, harbour.ID, newsroom.QuoteCheck{Status: newsroom.QuoteVerified}); err != nil {
		t.Fatal(err)
	}
	if d, err = f.s.Transition(f.editor, d.ID, newsroom.TransitionRequest{Action: newsroom.ActionApprove}); err != nil || d.Stage != newsroom.StageApproved {
		t.Fatalf("approve once the body quotes the brief and is verified: %+v, %v", d, err)
	}
}
