package store_test

import (
	"sync"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestPublishRacesAQuoteDispute publishes one approved draft from many editors at once while
// another disputes its quote, for real, on the store's writer: exactly one publish goes through
// unless the dispute came first, every other publish is refused as a publish of the draft as it
// then was would be (already published, or held by the disputed quote), and a piece is never
// published after its quote was disputed.
func TestPublishRacesAQuoteDispute(t *testing.T) {
	f := newNewsroom(t)
	for round := range 5 {
		d := f.draftIn(t, newsroom.StageApproved)
		qs, err := f.s.Quotes(f.editor, d.ID)
		if err != nil || len(qs) == 0 {
			t.Fatalf("Quotes = %d, %v", len(qs), err)
		}
		var wg sync.WaitGroup
		errs := make([]error, 8)
		for i := range errs {
			wg.Go(func() { _, errs[i] = f.s.Publish(f.editor, d.ID, time.Time{}, 0) })
		}
		wg.Go(func() {
			if _, err := f.s.CheckQuote(f.editor, d.ID, qs[0].ID, newsroom.QuoteCheck{Status: newsroom.QuoteDisputed, Note: "The office denies it."}); err != nil {
				t.Error(err)
			}
		})
		wg.Wait()
		published := 0
		for _, err := range errs {
			if err == nil {
				published++
			} else if newsroom.ErrorCode(err) != newsroom.ECONFLICT {
				t.Fatalf("round %d: a refused publish answered %v, want a conflict", round, err)
			}
		}
		got, err := f.s.GetDraft(f.editor, d.ID)
		if err != nil {
			t.Fatal(err)
		}
		if published > 1 || (published == 1) != (got.Stage == newsroom.StagePublished) {
			t.Fatalf("round %d: %d publishes went through, the draft is %s", round, published, got.Stage)
		}
		if published == 1 && !disputedAfterPublish(t, f, d.ID) {
			t.Fatalf("round %d: published after its quote was disputed", round)
		}
	}
}

// disputedAfterPublish reports whether draft id's events put the last check of a quote (the
// dispute) after its publication.
func disputedAfterPublish(t *testing.T, f *newsroomFixture, id int64) bool {
	t.Helper()
	var published, checked int64
	err := f.s.DB().QueryRow("SELECT (SELECT max(id) FROM events WHERE draft_id = $1 AND kind = 'published'), "+
		"(SELECT max(id) FROM events WHERE draft_id = $1 AND kind = 'quote_checked')", id).Scan(&published, &checked)
	if err != nil {
		t.Fatal(err)
	}
	return published < checked
}
