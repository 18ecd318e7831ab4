package store

import (
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestQuoteCapKeepsOlderPiecesSavable: a piece whose ledger held more quotations than
// newsroom.MaxQuotes before the cap (or under a finder that read fewer) may still be saved, a
// typo fixed or a correction made, as long as the save adds none; a save that adds one is
// refused as any over the cap is.
func TestQuoteCapKeepsOlderPiecesSavable(t *testing.T) {
	s, _, ctx := loggedWriter(t)
	body := func(n int) string { return strings.Repeat("She said “yes.” ", n) }
	d, err := s.CreateDraft(ctx, newsroom.Text{Title: "Quotes", Byline: "Sarah", Body: body(newsroom.MaxQuotes)})
	if err != nil {
		t.Fatal(err)
	}
	// The ledger of a piece that held one more before the cap.
	rows, err := syncRows(s.w, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	extra := rows[0]
	extra.ID = 0
	if err := s.w.Create(&extra).Error; err != nil {
		t.Fatal(err)
	}
	same := body(newsroom.MaxQuotes+1) + "Typo fixed."
	if d, err = s.UpdateDraft(ctx, d.ID, newsroom.DraftUpdate{Body: &same, Version: d.Version}); err != nil {
		t.Fatalf("a save holding as many quotations as the ledger did: %v", err)
	}
	more := body(newsroom.MaxQuotes + 2)
	_, err = s.UpdateDraft(ctx, d.ID, newsroom.DraftUpdate{Body: &more, Version: d.Version})
	if newsroom.ErrorCode(err) != newsroom.EINVALID || !strings.Contains(err.Error(), "at most") {
		t.Fatalf("a save adding a quotation past the cap: %v, want it refused", err)
	}
}
