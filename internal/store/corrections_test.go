package store_test

import (
	"context"
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/clock"
	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/store"
)

// TestCorrectionQuoteGate corrects a published piece whose one quote was verified: a correction
// that brings a new quote, or rewords the verified one, is held until the quote is checked, and
// no reader sees it before; one that leaves the quotes as they were goes out at once.
func TestCorrectionQuoteGate(t *testing.T) {
	clk := clock.NewFake(time.Date(2025, 5, 7, 9, 0, 0, 0, time.UTC))
	f := newNewsroomAt(t, store.Options{Clock: clk})
	published := func(t *testing.T) (*newsroom.Draft, string) {
		d := f.draftIn(t, newsroom.StageApproved)
		pub, err := f.s.Publish(f.editor, d.ID, time.Time{}, 0)
		if err != nil {
			t.Fatal(err)
		}
		clk.Add(time.Hour)
		return d, pub.Slug
	}
	publicBody := func(t *testing.T, slug string) []string {
		a, err := f.s.PublicArticle(context.Background(), slug)
		if err != nil {
			t.Fatal(err)
		}
		return a.Body
	}
	const added = "First “quoted” paragraph.\nThe minister said “we never agreed to that” on Friday."
	tests := []struct {
		name string
		body string
		held []string // the words of the quotes that hold the correction back
	}{
		{"QuotesUnchanged", "First “quoted” paragraph, corrected.\nSecond paragraph.", nil},
		{"QuoteRemoved", "First paragraph.\nSecond paragraph.", nil},
		{"QuoteAdded", added, []string{"we never agreed to that"}},
		{"QuoteReworded", "First “quoted twice” paragraph.\nSecond paragraph.", []string{"quoted twice"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, slug := published(t)
			before := publicBody(t, slug)
			pub, err := f.s.Correct(f.editor, slug, newsroom.CorrectionRequest{Body: &tt.body, Note: "An earlier version misquoted the minister."})
			if tt.held == nil {
				if err != nil || pub.Number != 2 || !slices.Equal(publicBody(t, slug), strings.Split(tt.body, "\n")) {
					t.Fatalf("Correct = %+v, %v; public body %q", pub, err, publicBody(t, slug))
				}
				return
			}
			var e *newsroom.Error
			if !errors.As(err, &e) || e.Code != newsroom.ECONFLICT || pub != nil {
				t.Fatalf("Correct = %+v, %v; want it held with a conflict", pub, err)
			}
			qs, _ := f.s.Quotes(f.editor, d.ID)
			var ids []int64
			for _, text := range tt.held {
				q := quoteByText(t, qs, text)
				if q.Status != newsroom.QuoteUnchecked {
					t.Fatalf("quote %q is %s in the ledger, want unchecked", text, q.Status)
				}
				ids = append(ids, q.ID)
			}
			want := map[string]any{"quotes": ids, "draft_id": d.ID, "version": d.Version + 1}
			if !reflect.DeepEqual(e.Details, want) {
				t.Fatalf("details = %#v, want %#v", e.Details, want)
			}
			if got := publicBody(t, slug); !slices.Equal(got, before) {
				t.Fatalf("a held correction reached readers: %q", got)
			}
			if cur, _ := f.s.GetDraft(f.editor, d.ID); cur.Body != tt.body || cur.Version != d.Version+1 {
				t.Fatalf("the held correction is not the draft's text: %+v", cur)
			}
			_, err = f.s.Correct(f.editor, slug, newsroom.CorrectionRequest{Note: "An earlier version misquoted the minister."})
			wantCode(t, err, newsroom.ECONFLICT) // still unchecked: sending it again changes nothing
			for _, id := range ids {
				if _, err := f.s.CheckQuote(f.checker, d.ID, id, newsroom.QuoteCheck{Status: newsroom.QuoteVerified, Source: "tape"}); err != nil {
					t.Fatalf("the fact-checker checks the correction's quote: %v", err)
				}
			}
			pub, err = f.s.Correct(f.editor, slug, newsroom.CorrectionRequest{Note: "An earlier version misquoted the minister."})
			if err != nil || pub.Number != 2 || !slices.Equal(publicBody(t, slug), strings.Split(tt.body, "\n")) {
				t.Fatalf("Correct once checked = %+v, %v; public body %q", pub, err, publicBody(t, slug))
			}
			if cur, _ := f.s.GetDraft(f.editor, d.ID); cur.Version != d.Version+1 {
				t.Fatalf("sending the correction again wrote another revision: version %d", cur.Version)
			}
			var actions []string
			rows, err := f.s.DB().Query("SELECT action FROM audit WHERE draft_id = $1 ORDER BY id DESC LIMIT 2", d.ID)
			if err != nil {
				t.Fatal(err)
			}
			defer rows.Close()
			for rows.Next() {
				var a string
				rows.Scan(&a)
				actions = append(actions, a)
			}
			if !slices.Equal(actions, []string{"correct", "hold_correction"}) {
				t.Fatalf("last audit entries = %q, want the hold and the correction", actions)
			}
		})
	}

	t.Run("DisputedNeedsWaiver", func(t *testing.T) {
		d, slug := published(t)
		body := added
		_, err := f.s.Correct(f.editor, slug, newsroom.CorrectionRequest{Body: &body, Note: "A quote was added."})
		wantCode(t, err, newsroom.ECONFLICT)
		qs, _ := f.s.Quotes(f.checker, d.ID)
		q := quoteByText(t, qs, "we never agreed to that")
		if _, err := f.s.CheckQuote(f.checker, d.ID, q.ID, newsroom.QuoteCheck{Status: newsroom.QuoteDisputed, Note: "Not on the tape."}); err != nil {
			t.Fatal(err)
		}
		_, err = f.s.Correct(f.editor, slug, newsroom.CorrectionRequest{Note: "A quote was added."})
		wantCode(t, err, newsroom.ECONFLICT)
		if _, err := f.s.WaiveQuote(f.editor, d.ID, q.ID, newsroom.QuoteNote{Note: "Two witnesses heard it."}); err != nil {
			t.Fatalf("the editor waives on a published piece: %v", err)
		}
		if _, err := f.s.Correct(f.editor, slug, newsroom.CorrectionRequest{Note: "A quote was added."}); err != nil {
			t.Fatalf("Correct after the waiver: %v", err)
		}
	})

	t.Run("WriterMayNotCheck", func(t *testing.T) {
		d, slug := published(t)
		body := added
		_, err := f.s.Correct(f.editor, slug, newsroom.CorrectionRequest{Body: &body, Note: "A quote was added."})
		wantCode(t, err, newsroom.ECONFLICT)
		qs, _ := f.s.Quotes(f.editor, d.ID)
		_, err = f.s.CheckQuote(f.writer, d.ID, quoteByText(t, qs, "we never agreed to that").ID, newsroom.QuoteCheck{Status: newsroom.QuoteVerified})
		wantCode(t, err, newsroom.EFORBIDDEN)
	})
}

// TestCorrectionBodyRefused sends corrections whose body no published piece may have: each is
// refused as invalid, and readers keep the body they had.
func TestCorrectionBodyRefused(t *testing.T) {
	f := newNewsroom(t)
	d := f.draftIn(t, newsroom.StageApproved)
	pub, err := f.s.Publish(f.editor, d.ID, time.Time{}, 0)
	if err != nil {
		t.Fatal(err)
	}
	before, err := f.s.PublicArticle(context.Background(), pub.Slug)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ name, body, want string }{
		{"Blank", " \n\t", "without a body"},
		{"ControlCharacter", "First “quoted” paragraph.\nSecond\a paragraph.", "control character U+0007"},
		{"Escape", "First “quoted” paragraph.\x1b[2J", "control character U+001B"},
		{"Heading", "First “quoted” paragraph.\nTopics", "heading"},
		{"DirectionOverride", "First “quoted” paragraph.\nSecond \u202eparagraph\u202c.", "U+202E RIGHT-TO-LEFT OVERRIDE"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := f.s.Correct(f.editor, pub.Slug, newsroom.CorrectionRequest{Body: &tt.body, Note: "Fixed a typo."})
			wantCode(t, err, newsroom.EINVALID)
			if !strings.Contains(newsroom.ErrorMessage(err), tt.want) {
				t.Fatalf("Correct: %q, want it to say %q", newsroom.ErrorMessage(err), tt.want)
			}
			after, err := f.s.PublicArticle(context.Background(), pub.Slug)
			if err != nil || !slices.Equal(after.Body, before.Body) {
				t.Fatalf("readers see %q after a refused correction, want %q", after.Body, before.Body)
			}
		})
	}
}

// TestCorrectionNoteAloneTakesAStoredBody: a piece published before a rule its body breaks (here
// the direction rule) can still be given a correction's note alone; only a new body is held to
// the rules.
func TestCorrectionNoteAloneTakesAStoredBody(t *testing.T) {
	f := newNewsroom(t)
	d := f.draftIn(t, newsroom.StageApproved)
	pub, err := f.s.Publish(f.editor, d.ID, time.Time{}, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.DB().Exec("UPDATE drafts SET body = $1 WHERE id = $2", "First \u202eparagraph\u202c.\nSecond paragraph.", d.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.Correct(f.editor, pub.Slug, newsroom.CorrectionRequest{Note: "An earlier version misspelt a name."}); err != nil {
		t.Fatalf("a note-only correction of a piece whose stored body breaks a later rule: %v", err)
	}
	body := "First paragraph.\nSecond \u202eparagraph."
	_, err = f.s.Correct(f.editor, pub.Slug, newsroom.CorrectionRequest{Body: &body, Note: "Fixed a typo."})
	wantCode(t, err, newsroom.EINVALID)
}

// TestCorrectionOnOldVersion checks that a correction says which version its body was based on,
// so that a second correction made from the same page cannot undo the first.
func TestCorrectionOnOldVersion(t *testing.T) {
	f := newNewsroom(t)
	d := f.draftIn(t, newsroom.StageApproved)
	pub, err := f.s.Publish(f.editor, d.ID, time.Time{}, 0)
	if err != nil {
		t.Fatal(err)
	}
	first, second := "First “quoted” paragraph.\nSecond paragraph, first fix.", "First “quoted” paragraph.\nSecond paragraph, second fix."
	if _, err := f.s.Correct(f.editor, pub.Slug, newsroom.CorrectionRequest{Body: &first, Note: "First.", Version: d.Version}); err != nil {
		t.Fatal(err)
	}
	_, err = f.s.Correct(f.editor, pub.Slug, newsroom.CorrectionRequest{Body: &second, Note: "Second.", Version: d.Version})
	wantCode(t, err, newsroom.ECONFLICT)
	if !strings.Contains(newsroom.ErrorMessage(err), "corrected this piece while you were correcting it") {
		t.Errorf("refusal = %q, want it to say someone corrected the piece meanwhile", newsroom.ErrorMessage(err))
	}
	if got, _ := f.s.GetDraft(f.editor, d.ID); got.Body != first || got.Version != d.Version+1 {
		t.Fatalf("draft = version %d, %q; want the first correction kept", got.Version, got.Body)
	}
	if _, err := f.s.Correct(f.editor, pub.Slug, newsroom.CorrectionRequest{Body: &second, Note: "Second.", Version: d.Version + 1}); err != nil {
		t.Fatalf("a correction on the current version = %v", err)
	}
}

// TestCorrectionTellsTheWriter: a correction that goes public tells the piece's writer, with
// the public note, as its publication did; one held back for its quotes tells nobody yet.
func TestCorrectionTellsTheWriter(t *testing.T) {
	f := newNewsroom(t)
	d := f.draftIn(t, newsroom.StageApproved)
	pub, err := f.s.Publish(f.editor, d.ID, time.Time{}, 0)
	if err != nil {
		t.Fatal(err)
	}
	published := func() []newsroom.Notification {
		page, err := f.s.Notifications(f.writer, false, 0, 50)
		if err != nil {
			t.Fatal(err)
		}
		var out []newsroom.Notification
		for _, n := range page.Notifications {
			if n.Kind == newsroom.NotifyPublished {
				out = append(out, n)
			}
		}
		return out
	}
	if got := published(); len(got) != 1 {
		t.Fatalf("after publishing, the writer has %d notices of it: %+v", len(got), got)
	}
	held := "First “quoted” paragraph.\nThe minister said “we never agreed” on Friday."
	if _, err := f.s.Correct(f.editor, pub.Slug, newsroom.CorrectionRequest{Body: &held, Note: "Held."}); newsroom.ErrorCode(err) != newsroom.ECONFLICT {
		t.Fatalf("a correction adding a quote: %v, want it held", err)
	}
	if got := published(); len(got) != 1 {
		t.Fatalf("a held correction told the writer: %+v", got)
	}
	body := "First “quoted” paragraph, corrected.\nSecond paragraph."
	if _, err := f.s.Correct(f.editor, pub.Slug, newsroom.CorrectionRequest{Body: &body, Note: "The vote was 6–3, not 7–2."}); err != nil {
		t.Fatal(err)
	}
	got := published()
	if len(got) != 2 || !strings.Contains(got[0].Subject, "published a correction to") || !strings.Contains(got[0].Subject, "“The vote was 6–3, not 7–2.”") {
		t.Fatalf("after the correction the writer's notices of the piece are %+v", got)
	}
}
