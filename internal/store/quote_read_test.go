package store_test

import (
	"context"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestQuoteVerdictOnTheWordsRead: a verdict, a waiver or a finding that a quote is no quotation,
// sent with the quote's words and speaker as its maker read them, is applied while the quote
// reads so, and refused (nothing written) once an edit changed them: it was made on words, or
// for a speaker, that are no longer there. Words changed and changed back read as they were
// read, so a verdict on them stands.
func TestQuoteVerdictOnTheWordsRead(t *testing.T) {
	const said, changed = "the harbour café will stay open all winter", "the harbour café will close in winter"
	const mayor, deputy = "Rosa Delgado", "Marco Ruiz"
	body := func(words, day string) string {
		return "“" + words + "” said " + mayor + " on " + day + ".\nA second paragraph."
	}
	read := func(s string) newsroom.QuoteRead { return newsroom.QuoteRead{Text: &s} }
	readFor := func(s, speaker string) newsroom.QuoteRead { return newsroom.QuoteRead{Text: &s, Speaker: &speaker} }
	type sender func(f *newsroomFixture, id, qid int64, read newsroom.QuoteRead) (*newsroom.Quote, error)
	verify := func(f *newsroomFixture, id, qid int64, read newsroom.QuoteRead) (*newsroom.Quote, error) {
		return f.s.CheckQuote(f.editor, id, qid, newsroom.QuoteCheck{Status: newsroom.QuoteVerified, Source: "the tape", QuoteRead: read})
	}
	dispute := func(f *newsroomFixture, id, qid int64, read newsroom.QuoteRead) (*newsroom.Quote, error) {
		return f.s.CheckQuote(f.editor, id, qid, newsroom.QuoteCheck{Status: newsroom.QuoteDisputed, Note: "Not on the tape.", QuoteRead: read})
	}
	waive := func(f *newsroomFixture, id, qid int64, read newsroom.QuoteRead) (*newsroom.Quote, error) {
		return f.s.WaiveQuote(f.editor, id, qid, newsroom.QuoteNote{Note: "Both wordings are on the record.", QuoteRead: read})
	}
	notQuote := func(f *newsroomFixture, id, qid int64, read newsroom.QuoteRead) (*newsroom.Quote, error) {
		return f.s.MarkNotQuote(f.editor, id, qid, newsroom.QuoteNote{Note: "A sign's words, not speech.", QuoteRead: read})
	}
	cases := []struct {
		name string
		// saves are the bodies saved after the quote was read; then disputed, if set, disputes
		// the quote as it reads now, before send sends what was made on read.
		saves    []string
		disputed bool
		send     sender
		read     newsroom.QuoteRead
		applied  bool
	}{
		{"VerifiedSameWords", nil, false, verify, read(said), true},
		{"VerifiedWordsChanged", []string{body(changed, "Tuesday")}, false, verify, read(said), false},
		{"VerifiedWordsChangedBack", []string{body(changed, "Tuesday"), body(said, "Tuesday")}, false, verify, read(said), true},
		{"VerifiedOtherWordsChanged", []string{body(said, "Wednesday")}, false, verify, read(said), true},
		{"VerifiedReadDecomposed", nil, false, verify, read(norm.NFD.String(said)), true},
		{"VerifiedNoWordsSent", []string{body(changed, "Tuesday")}, false, verify, newsroom.QuoteRead{}, true},
		{"VerifiedSameSpeaker", []string{body(said, "Wednesday")}, false, verify, readFor(said, mayor), true},
		{"VerifiedSpeakerChanged", []string{strings.Replace(body(said, "Tuesday"), mayor, deputy, 1)}, false, verify, readFor(said, mayor), false},
		{"VerifiedSpeakerChangedBack", []string{strings.Replace(body(said, "Tuesday"), mayor, deputy, 1), body(said, "Tuesday")}, false, verify, readFor(said, mayor), true},
		{"DisputedSpeakerChanged", []string{strings.Replace(body(said, "Tuesday"), mayor, deputy, 1)}, false, dispute, readFor(said, mayor), false},
		{"DisputedWordsChanged", []string{body(changed, "Tuesday")}, false, dispute, read(said), false},
		{"WaivedSameWords", nil, true, waive, read(said), true},
		{"WaivedWordsChanged", []string{body(changed, "Tuesday")}, true, waive, read(said), false},
		{"NotQuoteSameWords", nil, false, notQuote, read(said), true},
		{"NotQuoteWordsChanged", []string{body(changed, "Tuesday")}, false, notQuote, read(said), false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := newNewsroom(t)
			d := f.draftWith(t, body(said, "Tuesday"))
			qid := quoteByText(t, quotesOf(t, f, f.editor, d.ID), said).ID
			for _, b := range c.saves {
				cur, err := f.s.GetDraft(f.editor, d.ID)
				if err != nil {
					t.Fatal(err)
				}
				if _, err := f.s.UpdateDraft(f.editor, d.ID, newsroom.DraftUpdate{Body: &b, Version: cur.Version}); err != nil {
					t.Fatal(err)
				}
			}
			if c.disputed {
				if _, err := dispute(f, d.ID, qid, newsroom.QuoteRead{}); err != nil {
					t.Fatal(err)
				}
			}
			before := quoteByID(t, quotesOf(t, f, f.editor, d.ID), qid)
			history := len(quoteEvents(t, f, d.ID))
			_, err := c.send(f, d.ID, qid, c.read)
			after := quoteByID(t, quotesOf(t, f, f.editor, d.ID), qid)
			events := quoteEvents(t, f, d.ID)
			if c.applied {
				if err != nil {
					t.Fatalf("refused on %q (%q) read as %+v: %v", before.Text, before.Speaker, c.read, err)
				}
				if len(events) != history+1 || events[len(events)-1].Text != before.Text {
					t.Errorf("history after the change: %+v", events[history:])
				}
				return
			}
			wantCode(t, err, newsroom.ECONFLICT)
			if now, ok := newsroom.QuoteChanged(err); !ok || now.Text != before.Text || now.Speaker != before.Speaker {
				t.Errorf("the refusal names the quote now as %+v (%v), want %q by %q", now, ok, before.Text, before.Speaker)
			}
			if msg := newsroom.ErrorMessage(err); !strings.Contains(msg, "“"+before.Text+"”") && !strings.Contains(msg, "“"+before.Speaker+"”") {
				t.Errorf("the refusal says %q, not the words or the speaker now", msg)
			}
			if after.Status != before.Status || after.Note != before.Note || after.Source != before.Source ||
				(after.Waiver == nil) != (before.Waiver == nil) || (after.NotQuote == nil) != (before.NotQuote == nil) {
				t.Errorf("the refused change wrote the quote: %+v, was %+v", after, before)
			}
			if len(events) != history {
				t.Errorf("the refused change wrote its history: %+v", events[history:])
			}
		})
	}
}

func quotesOf(t testing.TB, f *newsroomFixture, ctx context.Context, id int64) []newsroom.Quote {
	t.Helper()
	qs, err := f.s.Quotes(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	return qs
}

func quoteByID(t testing.TB, qs []newsroom.Quote, id int64) newsroom.Quote {
	t.Helper()
	for _, q := range qs {
		if q.ID == id {
			return q
		}
	}
	t.Fatalf("no quote %d in %+v", id, qs)
	return newsroom.Quote{}
}

func quoteEvents(t testing.TB, f *newsroomFixture, id int64) []newsroom.QuoteEvent {
	t.Helper()
	evs, _, err := f.s.QuoteHistory(f.editor, id)
	if err != nil {
		t.Fatal(err)
	}
	return evs
}
