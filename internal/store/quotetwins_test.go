package store_test

import (
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestQuoteTwinKeepsItsOwnCheck checks the mayor's quote, then deletes the mayor's paragraph
// and the long one after it, so that the minister's identical quote comes up to where the
// mayor's was: the mayor's check goes with the mayor's quote, and the minister's stays unchecked.
func TestQuoteTwinKeepsItsOwnCheck(t *testing.T) {
	f := newNewsroom(t)
	d := f.draftIn(t, newsroom.StageEditing)
	mayor, minister := "The mayor said: “We will not close the bridge.”", "The minister said: “We will not close the bridge.”"
	body := mayor + "\n" + strings.Repeat("The council met for three hours. ", 12) + "\n" + minister
	d, err := f.s.UpdateDraft(f.editor, d.ID, newsroom.DraftUpdate{Body: &body, Version: d.Version})
	if err != nil {
		t.Fatal(err)
	}
	qs, err := f.s.Quotes(f.editor, d.ID)
	if err != nil || len(qs) != 2 || qs[0].Start > qs[1].Start {
		t.Fatalf("ledger = %+v, %v; want the mayor's quote and the minister's", qs, err)
	}
	ministers := qs[1].ID
	if _, err := f.s.CheckQuote(f.editor, d.ID, qs[0].ID, newsroom.QuoteCheck{Status: newsroom.QuoteVerified}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.UpdateDraft(f.editor, d.ID, newsroom.DraftUpdate{Body: &minister, Version: d.Version}); err != nil {
		t.Fatal(err)
	}
	qs, err = f.s.Quotes(f.editor, d.ID)
	if err != nil || len(qs) != 1 {
		t.Fatalf("ledger = %+v, %v; want the minister's quote alone", qs, err)
	}
	if qs[0].ID != ministers || qs[0].Status != newsroom.QuoteUnchecked {
		t.Fatalf("the minister's quote = entry %d, %s; want its own entry %d, unchecked", qs[0].ID, qs[0].Status, ministers)
	}
}

// TestQuoteTwinTypedBeforeKeepsNoCheck checks Smith's quote, then types the same words, said by
// someone the text does not name, just before it in its paragraph: Smith's quote keeps its
// check, and the new one, which nobody checked, is unchecked.
func TestQuoteTwinTypedBeforeKeepsNoCheck(t *testing.T) {
	f := newNewsroom(t)
	d := f.draftIn(t, newsroom.StageEditing)
	filler := strings.Repeat("The council met for three hours. ", 12)
	body := "“No comment,” said Smith. He left.\n" + filler
	d, err := f.s.UpdateDraft(f.editor, d.ID, newsroom.DraftUpdate{Body: &body, Version: d.Version})
	if err != nil {
		t.Fatal(err)
	}
	qs, err := f.s.Quotes(f.editor, d.ID)
	if err != nil || len(qs) != 1 {
		t.Fatalf("ledger = %+v, %v; want Smith's quote", qs, err)
	}
	smiths := qs[0].ID
	if _, err := f.s.CheckQuote(f.editor, d.ID, smiths, newsroom.QuoteCheck{Status: newsroom.QuoteVerified}); err != nil {
		t.Fatal(err)
	}
	body = "“No comment,” she said. " + body
	if _, err := f.s.UpdateDraft(f.editor, d.ID, newsroom.DraftUpdate{Body: &body, Version: d.Version}); err != nil {
		t.Fatal(err)
	}
	qs, err = f.s.Quotes(f.editor, d.ID)
	if err != nil || len(qs) != 2 {
		t.Fatalf("ledger = %+v, %v; want two quotes", qs, err)
	}
	if qs[0].ID == smiths || qs[0].Status != newsroom.QuoteUnchecked {
		t.Errorf("the new quote = entry %d, %s; want a new entry, unchecked", qs[0].ID, qs[0].Status)
	}
	if qs[1].ID != smiths || qs[1].Status != newsroom.QuoteVerified {
		t.Errorf("Smith's quote = entry %d, %s; want its own entry %d, verified", qs[1].ID, qs[1].Status, smiths)
	}
}
