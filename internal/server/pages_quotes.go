package server

import (
	"context"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// quoteHistory gathers the ledger events of a draft by quote, for the ledger panel. The first
// page of the draft's history (cursor "") carries them all; a later page carries none, so they
// are then read on their own, still all at once.
func (s *Server) quoteHistory(ctx context.Context, id int64, h *newsroom.History, cursor string) (map[int64][]newsroom.QuoteEvent, error) {
	events := h.Quotes
	if cursor != "" {
		var err error
		if events, err = s.store.QuoteHistory(ctx, id); err != nil {
			return nil, err
		}
	}
	byQuote := map[int64][]newsroom.QuoteEvent{}
	for _, e := range events {
		byQuote[e.QuoteID] = append(byQuote[e.QuoteID], e)
	}
	return byQuote, nil
}
