package store_test

import (
	"context"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestQuoteReattributed holds a checked quote's verdict to the speaker it was checked for: an
// edit that credits the same words to someone else puts the quote back to unchecked, keeping the
// old speaker and check in its history, and only such an edit does.
func TestQuoteReattributed(t *testing.T) {
	const quoted = "“The bridge will open in May,” said Rosa Delgado.\nA paragraph between.\nThe end."
	cases := []struct {
		name string
		// before runs after the submit and puts the quote's check in place; nil leaves the
		// quote unchecked, and the writer edits it before submitting.
		before func(t *testing.T, f *newsroomFixture, d, q int64)
		edit   func(string) string
		// status is the quote's after the edit; speaker the history's last event's, "" for none.
		status  newsroom.QuoteStatus
		event   string
		speaker string
	}{
		{"verified, credited to another", verify(newsroom.QuoteVerified),
			replace("said Rosa Delgado", "said Marco Ruiz"), newsroom.QuoteUnchecked, "reattributed", "Rosa Delgado"},
		{"unverifiable, credited to another", verify(newsroom.QuoteUnverifiable),
			replace("said Rosa Delgado", "said Marco Ruiz"), newsroom.QuoteUnchecked, "reattributed", "Rosa Delgado"},
		{"disputed and waived, credited to another", disputedWaived,
			replace("said Rosa Delgado", "said Marco Ruiz"), newsroom.QuoteUnchecked, "reattributed", "Rosa Delgado"},
		{"verified, attribution turned around", verify(newsroom.QuoteVerified),
			replace("” said Rosa Delgado.", "” Marco Ruiz said."), newsroom.QuoteUnchecked, "reattributed", "Rosa Delgado"},
		{"verified, the same speaker after other edits", verify(newsroom.QuoteVerified),
			replace("A paragraph between.", "A longer paragraph between, rewritten."), newsroom.QuoteVerified, "check", "Rosa Delgado"},
		{"verified, the same speaker said the other way round", verify(newsroom.QuoteVerified),
			replace("” said Rosa Delgado.", "” Rosa Delgado said."), newsroom.QuoteVerified, "check", "Rosa Delgado"},
		{"verified, attribution taken away", verify(newsroom.QuoteVerified),
			replace(" said Rosa Delgado.", ""), newsroom.QuoteVerified, "check", "Rosa Delgado"},

		{"unchecked, credited to another", nil,
			replace("said Rosa Delgado", "said Marco Ruiz"), newsroom.QuoteUnchecked, "found", "Rosa Delgado"},
		{"found to be no quotation, credited to another", notQuote,
			replace("said Rosa Delgado", "said Marco Ruiz"), newsroom.QuoteVerified, "not_quote", "Rosa Delgado"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := newNewsroom(t)
			d, err := f.s.CreateDraft(f.writer, newsroom.Text{Title: "Bridge", Byline: "Sarah Johnson", Brief: "A brief.", Body: quoted})
			if err != nil {
				t.Fatal(err)
			}
			q := quoteByText(t, mustQuotes(t, f, f.writer, d.ID), "The bridge will open in May,")
			if q.Speaker != "Rosa Delgado" {
				t.Fatalf("the finder credits the quote to %q", q.Speaker)
			}
			editor := f.writer
			if c.before != nil {
				if _, err := f.s.Transition(f.writer, d.ID, newsroom.TransitionRequest{Action: newsroom.ActionSubmit}); err != nil {
					t.Fatal(err)
				}
				c.before(t, f, d.ID, q.ID)
				if cur, err := f.s.GetDraft(f.editor, d.ID); err != nil {
					t.Fatal(err)
				} else if cur.Stage == newsroom.StageFactCheck {
					if _, err := f.s.Transition(f.checker, d.ID, newsroom.TransitionRequest{Action: newsroom.ActionClear}); err != nil {
						t.Fatal(err)
					}
				}
				editor = f.editor
			}
			body := c.edit(quoted)
			if _, err := f.s.UpdateDraft(editor, d.ID, newsroom.DraftUpdate{Body: &body, Version: 1}); err != nil {
				t.Fatal(err)
			}
			after := quoteByText(t, mustQuotes(t, f, editor, d.ID), "The bridge will open in May,")
			if after.ID != q.ID || after.Status != c.status {
				t.Fatalf("after the edit the quote is %d %s, want %d %s", after.ID, after.Status, q.ID, c.status)
			}
			if c.status == newsroom.QuoteUnchecked && (after.Waiver != nil || after.Note != "") {
				t.Fatalf("a quote back to unchecked keeps its waiver or note: %+v", after)
			}
			evs, _, err := f.s.QuoteHistory(editor, d.ID)
			if err != nil {
				t.Fatal(err)
			}
			last := evs[len(evs)-1]
			if last.QuoteID != q.ID || last.Event != c.event || last.Speaker != c.speaker {
				t.Fatalf("the history ends with %+v, want event %q naming %q", last, c.event, c.speaker)
			}
			if c.event == "reattributed" && (last.Status == newsroom.QuoteUnchecked || last.Actor == nil || last.Actor.Username != "ed") {
				t.Fatalf("the reattribution does not keep the check it took back and who took it: %+v", last)
			}
		})
	}
}

// TestQuoteReattributedAfterCut holds a check to the speaker it was checked for across an edit
// that takes the attribution away: given back, the check stands; given to someone else, the
// quote goes back to unchecked, and its history names the speaker the check was for.
func TestQuoteReattributedAfterCut(t *testing.T) {
	const quoted = "“The bridge will open in May,” said Rosa Delgado.\nThe end."
	cut := strings.Replace(quoted, " said Rosa Delgado.", "", 1)
	for _, c := range []struct {
		then    string
		status  newsroom.QuoteStatus
		event   string
		speaker string
	}{
		{quoted, newsroom.QuoteVerified, "check", "Rosa Delgado"},
		{strings.Replace(quoted, "Rosa Delgado", "Rosa  Delgado", 1), newsroom.QuoteVerified, "check", "Rosa Delgado"},
		{strings.Replace(quoted, "Rosa Delgado", "Marco Ruiz", 1), newsroom.QuoteUnchecked, "reattributed", "Rosa Delgado"},
	} {
		t.Run(c.then, func(t *testing.T) {
			f := newNewsroom(t)
			d, err := f.s.CreateDraft(f.writer, newsroom.Text{Title: "Bridge", Byline: "Sarah Johnson", Brief: "A brief.", Body: quoted})
			if err != nil {
				t.Fatal(err)
			}
			q := quoteByText(t, mustQuotes(t, f, f.writer, d.ID), "The bridge will open in May,")
			if _, err := f.s.Transition(f.writer, d.ID, newsroom.TransitionRequest{Action: newsroom.ActionSubmit}); err != nil {
				t.Fatal(err)
			}
			verify(newsroom.QuoteVerified)(t, f, d.ID, q.ID)
			if _, err := f.s.Transition(f.checker, d.ID, newsroom.TransitionRequest{Action: newsroom.ActionClear}); err != nil {
				t.Fatal(err)
			}
			for i, body := range []string{cut, c.then} {
				if _, err := f.s.UpdateDraft(f.editor, d.ID, newsroom.DraftUpdate{Body: &body, Version: 1 + i}); err != nil {
					t.Fatal(err)
				}
			}
			after := quoteByText(t, mustQuotes(t, f, f.editor, d.ID), "The bridge will open in May,")
			evs, _, err := f.s.QuoteHistory(f.editor, d.ID)
			if err != nil {
				t.Fatal(err)
			}
			last := evs[len(evs)-1]
			if after.Status != c.status || last.Event != c.event || last.Speaker != c.speaker {
				t.Fatalf("the quote is %s and its history ends with %+v; want %s, event %q naming %q", after.Status, last, c.status, c.event, c.speaker)
			}
		})
	}
}

func replace(old, new string) func(string) string {
	return func(s string) string {
		if !strings.Contains(s, old) {
			panic("no " + old)
		}
		return strings.Replace(s, old, new, 1)
	}
}

func verify(status newsroom.QuoteStatus) func(*testing.T, *newsroomFixture, int64, int64) {
	return func(t *testing.T, f *newsroomFixture, d, q int64) {
		if _, err := f.s.CheckQuote(f.checker, d, q, newsroom.QuoteCheck{Status: status, Note: "On the tape.", Source: "tape"}); err != nil {
			t.Fatal(err)
		}
	}
}

func disputedWaived(t *testing.T, f *newsroomFixture, d, q int64) {
	verify(newsroom.QuoteDisputed)(t, f, d, q)
	if _, err := f.s.Transition(f.checker, d, newsroom.TransitionRequest{Action: newsroom.ActionClear, Force: true}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.WaiveQuote(f.editor, d, q, newsroom.QuoteNote{Note: "The mayor's office confirmed it in writing."}); err != nil {
		t.Fatal(err)
	}
}

func notQuote(t *testing.T, f *newsroomFixture, d, q int64) {
	verify(newsroom.QuoteVerified)(t, f, d, q)
	if _, err := f.s.MarkNotQuote(f.checker, d, q, newsroom.QuoteNote{Note: "A slogan on a banner, not anyone's words."}); err != nil {
		t.Fatal(err)
	}
}

func mustQuotes(t *testing.T, f *newsroomFixture, as context.Context, draftID int64) []newsroom.Quote {
	t.Helper()
	qs, err := f.s.Quotes(as, draftID)
	if err != nil {
		t.Fatal(err)
	}
	return qs
}
