package server

import (
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// The working copy and the live state of a draft, for the API and the draft page's script alike
// (see pages_live.go): GET and DELETE /api/v1/drafts/{id}/working-copy are also GET
// /drafts/:id/working-copy and POST /drafts/:id/working-copy/discard, and GET
// /api/v1/drafts/{id}/live is also GET /drafts/:id/live.

// savedAt is the answer to a working copy's save.
type savedAt struct {
	SavedAt time.Time `json:"saved_at"`
}

// getWorkingCopy answers the caller's own working copy of a draft.
func (s *Server) getWorkingCopy(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	wc, err := s.store.WorkingCopy(c.Request().Context(), id)
	if err != nil {
		return err
	}
	return privateJSON(c, http.StatusOK, wc)
}

// putWorkingCopy is PUT /api/v1/drafts/{id}/working-copy with {"base_version", "text"}: the
// caller's unsaved typing, kept in place of their last working copy.
func (s *Server) putWorkingCopy(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	var in struct {
		BaseVersion int           `json:"base_version"`
		Text        newsroom.Text `json:"text"`
	}
	if err := bindJSON(c, &in); err != nil {
		return err
	}
	wc, err := s.store.SaveWorkingCopy(c.Request().Context(), id, newsroom.WorkingCopy{BaseVersion: in.BaseVersion, Text: in.Text})
	if err != nil {
		return err
	}
	return privateJSON(c, http.StatusOK, savedAt{wc.SavedAt})
}

// discardWorkingCopy drops the caller's working copy of a draft, if they keep one; with
// saved_at (in the query, or the page's form), only the copy kept at that time.
func (s *Server) discardWorkingCopy(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	at, named, err := savedAtParam(c, "saved_at")
	if err != nil {
		return err
	}
	var only *time.Time
	if named {
		only = &at
	}
	if err := s.store.DiscardWorkingCopy(c.Request().Context(), id, only); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}

// live answers what a draft's page polls for: its version, who saved it, and who else is
// editing it.
func (s *Server) live(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	st, err := s.store.Live(c.Request().Context(), id)
	if err != nil {
		return err
	}
	return privateJSON(c, http.StatusOK, st)
}

// privateJSON answers v as JSON that no browser or proxy may keep: it is one user's, and it
// changes from one poll to the next.
func privateJSON(c echo.Context, status int, v any) error {
	c.Response().Header().Set("Cache-Control", "no-store")
	return c.JSON(status, v)
}
