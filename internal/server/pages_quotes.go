package server

import (
	"context"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// quoteHistory gathers the ledger events of a draft by quote, for the ledger panel, with how
// many older events each quote has than the page shows. The first page of the draft's history
// (cursor "") carries each quote's latest; a later page carries none, so they are then read on
// their own.
func (s *Server) quoteHistory(ctx context.Context, id int64, h *newsroom.History, cursor string) (map[int64][]newsroom.QuoteEvent, map[int64]int, error) {
	events, older := h.Quotes, h.QuotesOlder
	if cursor != "" {
		var err error
		if events, older, err = s.store.QuoteHistory(ctx, id); err != nil {
			return nil, nil, err
		}
	}
	byQuote := map[int64][]newsroom.QuoteEvent{}
	for _, e := range events {
		byQuote[e.QuoteID] = append(byQuote[e.QuoteID], e)
	}
	return byQuote, older, nil
}

// quoteEventsView is a page of one quote's events: the draft and quote they belong to, the page
// and, when there is more, where the next page begins. Older says the page was opened at a
// cursor, so it begins below the newest events and links back to them.
type quoteEventsView struct {
	DraftID, QuoteID int64
	Older            bool
	*newsroom.QuoteEventPage
}

// quoteEventsPage lists one quote's events a page at a time, newest first: from the draft page's
// link, the older events it counts without showing, beginning below the oldest it shows.
func (s *Server) quoteEventsPage(c echo.Context) error {
	v, err := s.readQuoteEvents(c)
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, "quote_events", view{Title: "History of a quote", Data: v})
}

// quoteEvents answers a page of one quote's events, newest first, as JSON.
func (s *Server) quoteEvents(c echo.Context) error {
	v, err := s.readQuoteEvents(c)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, v.QuoteEventPage)
}

// readQuoteEvents reads the page of a quote's events the request names: its draft and quote in
// the path, limit and cursor in the query.
func (s *Server) readQuoteEvents(c echo.Context) (*quoteEventsView, error) {
	id, err := idParam(c, "id")
	if err != nil {
		return nil, err
	}
	qid, err := idParam(c, "qid")
	if err != nil {
		return nil, err
	}
	f := newsroom.HistoryFilter{Cursor: c.QueryParam("cursor")}
	if f.Limit, err = limitParam(c); err != nil {
		return nil, err
	}
	p, err := s.store.QuoteEvents(c.Request().Context(), id, qid, f)
	if err != nil {
		return nil, err
	}
	return &quoteEventsView{DraftID: id, QuoteID: qid, Older: f.Cursor != "", QuoteEventPage: p}, nil
}
