package server

import (
	"io"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/publish"
)

// publication is the API's answer to a publish or a correction.
type publication struct {
	*newsroom.Publication
	URLs map[string]string `json:"urls"`
}

func (s *Server) publishDraft(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	var in struct {
		At      *time.Time `json:"at"`
		Version int        `json:"version"`
	}
	if err := bindOptionalJSON(c, &in); err != nil {
		return err
	}
	var at time.Time
	if in.At != nil {
		at = *in.At
	}
	pub, err := s.store.Publish(c.Request().Context(), id, at, in.Version)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, publication{pub, publish.URLs(s.site(), pub.Slug)})
}

func (s *Server) correctArticle(c echo.Context) error {
	var in newsroom.CorrectionRequest
	if err := bindJSON(c, &in); err != nil {
		return err
	}
	// The slug is unescaped as the public routes unescape it (see slugParam): the API's own
	// urls escape a non-Latin slug, and a client may write those escapes in lower case.
	pub, err := s.store.Correct(c.Request().Context(), slugParam(c), in)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, publication{pub, publish.URLs(s.site(), pub.Slug)})
}

func (s *Server) importDraft(c echo.Context) error {
	if err := wantBody(c, echo.MIMETextPlain, "send the piece in the house format"); err != nil {
		return err
	}
	data, err := io.ReadAll(c.Request().Body)
	if err != nil {
		return decodeError(err)
	}
	d, err := s.store.Import(c.Request().Context(), c.QueryParam("author"), data, s.site().Footer)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, d)
}
