package server

import (
	"context"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/copydesk/copydesk/internal/newsroom"
)

func (s *Server) listQuotes(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	qs, err := s.store.Quotes(c.Request().Context(), id)
	if err != nil {
		return err
	}
	if qs == nil {
		qs = []newsroom.Quote{}
	}
	return c.JSON(http.StatusOK, qs)
}

func (s *Server) checkQuote(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	qid, err := idParam(c, "qid")
	if err != nil {
		return err
	}
	var in newsroom.QuoteCheck
	if err := bindJSON(c, &in); err != nil {
		return err
	}
	q, err := s.store.CheckQuote(c.Request().Context(), id, qid, in)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, q)
}

func (s *Server) waiveQuote(c echo.Context) error {
	return s.noteQuote(c, s.store.WaiveQuote)
}

func (s *Server) notQuote(c echo.Context) error {
	return s.noteQuote(c, s.store.MarkNotQuote)
}

// noteQuote binds a {"note": …, "text": …} body for one quote and answers the quote change makes of it.
func (s *Server) noteQuote(c echo.Context, change func(context.Context, int64, int64, newsroom.QuoteNote) (*newsroom.Quote, error)) error {
	id, qid, err := draftAndQuote(c)
	if err != nil {
		return err
	}
	var in newsroom.QuoteNote
	if err := bindJSON(c, &in); err != nil {
		return err
	}
	q, err := change(c.Request().Context(), id, qid, in)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, q)
}
