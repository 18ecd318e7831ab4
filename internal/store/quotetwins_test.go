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

// TestQuoteKeepsItsCheckThroughAnHonorificEdit: dropping "Mr." before the speaker of a checked
// quote, while a twin quote further down gains one, keeps the check on the quote it was given
// to. A rule that took each sentence found once and unchanged as a fixed point read "said Mr."
// as a sentence of its own and gave the entry, and its check, to the twin.
func TestQuoteKeepsItsCheckThroughAnHonorificEdit(t *testing.T) {
	f := newNewsroom(t)
	d := f.draftIn(t, newsroom.StageEditing)
	filler := strings.Repeat("The council met for three hours. ", 12)
	body := "Smith spoke first. “No comment,” said Mr. Smith.\n" + filler + "\n“No comment,” Jones said."
	d, err := f.s.UpdateDraft(f.editor, d.ID, newsroom.DraftUpdate{Body: &body, Version: d.Version})
	if err != nil {
		t.Fatal(err)
	}
	qs, err := f.s.Quotes(f.editor, d.ID)
	if err != nil || len(qs) != 2 {
		t.Fatalf("quotes %+v, %v; want two", qs, err)
	}
	smiths := qs[0].ID
	if _, err := f.s.CheckQuote(f.editor, d.ID, smiths, newsroom.QuoteCheck{Status: newsroom.QuoteVerified}); err != nil {
		t.Fatal(err)
	}
	body = "Smith spoke first. “No comment,” said Smith.\n" + filler + "\n“No comment,” said Mr. Jones."
	if _, err := f.s.UpdateDraft(f.editor, d.ID, newsroom.DraftUpdate{Body: &body, Version: d.Version}); err != nil {
		t.Fatal(err)
	}
	qs, err = f.s.Quotes(f.editor, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	if qs[0].ID != smiths || qs[0].Status != newsroom.QuoteVerified {
		t.Errorf("Smith's quote is entry %d, %s; want entry %d, verified", qs[0].ID, qs[0].Status, smiths)
	}
}

// TestQuoteTwinSentencesSwappedKeepTheirChecks checks the first of two sentences of a paragraph
// that quote the same words, crediting nobody by name, then swaps the two sentences: the check
// goes with its own quote, and the other stays unchecked. The word diff pairs each quote with its
// twin in the sentence that took its place, and with no speaker to tell them apart the check
// passed to the quote nobody checked.
func TestQuoteTwinSentencesSwappedKeepTheirChecks(t *testing.T) {
	f := newNewsroom(t)
	d := f.draftIn(t, newsroom.StageEditing)
	monday, vote := "Asked on Monday, she said: “We will not close the bridge.”", "After the vote she said: “We will not close the bridge.”"
	filler := strings.Repeat("The council met for three hours. ", 12)
	body := monday + " " + vote + "\n" + filler
	d, err := f.s.UpdateDraft(f.editor, d.ID, newsroom.DraftUpdate{Body: &body, Version: d.Version})
	if err != nil {
		t.Fatal(err)
	}
	qs, err := f.s.Quotes(f.editor, d.ID)
	if err != nil || len(qs) != 2 || qs[0].Start > qs[1].Start {
		t.Fatalf("ledger = %+v, %v; want Monday's quote and the vote's", qs, err)
	}
	mondays, votes := qs[0].ID, qs[1].ID
	if _, err := f.s.CheckQuote(f.editor, d.ID, mondays, newsroom.QuoteCheck{Status: newsroom.QuoteVerified}); err != nil {
		t.Fatal(err)
	}
	body = vote + " " + monday + "\n" + filler
	if _, err := f.s.UpdateDraft(f.editor, d.ID, newsroom.DraftUpdate{Body: &body, Version: d.Version}); err != nil {
		t.Fatal(err)
	}
	qs, err = f.s.Quotes(f.editor, d.ID)
	if err != nil || len(qs) != 2 {
		t.Fatalf("ledger = %+v, %v; want two quotes", qs, err)
	}
	for _, q := range qs {
		mine := q.Start > len([]rune(vote))
		if q.ID == mondays && (!mine || q.Status != newsroom.QuoteVerified) || q.ID == votes && (mine || q.Status != newsroom.QuoteUnchecked) {
			t.Errorf("entry %d is at %d, %s; want Monday's verified, now at the second sentence, and the vote's unchecked", q.ID, q.Start, q.Status)
		}
	}
}

// TestQuoteChecksStayWhenAStopIsFixedAndItsParagraphMoved checks the four quotes of a paragraph
// and of its twin with a question mark, then fixes the stop and moves that paragraph back beside
// its twin in one save that adds and removes no quote. Every quote still stands on the words it
// was checked on, so every check stays, the untouched paragraph's too. A rule that took back the
// checks of any paragraph an edit made into a second copy took back all four.
func TestQuoteChecksStayWhenAStopIsFixedAndItsParagraphMoved(t *testing.T) {
	const (
		said   = "“No comment,” Zoë said. “No comment,” Zoë said."
		asked  = "“No comment,” Zoë said? “No comment,” Zoë said."
		smith  = "Smith said the council met on Tuesday. The café owner said the council late."
		quotes = 4
	)
	f := newNewsroom(t)
	d := f.draftIn(t, newsroom.StageEditing)
	body := said + "\n" + smith + "\n" + asked
	d, err := f.s.UpdateDraft(f.editor, d.ID, newsroom.DraftUpdate{Body: &body, Version: d.Version})
	if err != nil {
		t.Fatal(err)
	}
	qs, err := f.s.Quotes(f.editor, d.ID)
	if err != nil || len(qs) != quotes {
		t.Fatalf("quotes %+v, %v; want %d", qs, err, quotes)
	}
	for _, q := range qs {
		if _, err := f.s.CheckQuote(f.editor, d.ID, q.ID, newsroom.QuoteCheck{Status: newsroom.QuoteVerified}); err != nil {
			t.Fatal(err)
		}
	}
	body = said + "\n" + said + "\n" + smith
	if _, err := f.s.UpdateDraft(f.editor, d.ID, newsroom.DraftUpdate{Body: &body, Version: d.Version}); err != nil {
		t.Fatal(err)
	}
	qs, err = f.s.Quotes(f.editor, d.ID)
	if err != nil || len(qs) != quotes {
		t.Fatalf("quotes %+v, %v; want %d", qs, err, quotes)
	}
	for _, q := range qs {
		if q.Status != newsroom.QuoteVerified {
			t.Errorf("quote %d %q at %d is %s, want it still verified", q.ID, q.Text, q.Start, q.Status)
		}
	}
}
