package server

import (
	"context"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// The draft page's script calls page routes while its viewer types: it keeps their typing as a
// working copy on the server every few seconds, and polls for who else is editing and whether a
// new version has landed. They take the session cookie, and the form's csrf value on a POST, as
// every page does, but answer JSON, errors included (see answersJSON). Reading the working copy
// and the live state, and discarding the copy, are the API's own handlers (see live.go); saving
// takes the edit form's fields.

// saveWorkingCopyPage is POST /drafts/:id/working-copy, with the edit form's fields and the
// version the typing started from: the viewer's typing, kept in place of their last working copy.
func (s *Server) saveWorkingCopyPage(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	text, err := textFromForm(c)
	if err != nil {
		return err
	}
	version, _ := strconv.Atoi(c.FormValue("version"))
	wc, err := s.store.SaveWorkingCopy(c.Request().Context(), id, newsroom.WorkingCopy{BaseVersion: version, Text: text})
	if err != nil {
		return err
	}
	return privateJSON(c, http.StatusOK, savedAt{wc.SavedAt})
}

// loadEditing gives the draft page the viewer's own working copy, when they keep one and may edit
// the draft now, and who else is editing it.
func (s *Server) loadEditing(ctx context.Context, p *draftPage) error {
	if len(p.Perm.Fields) > 0 {
		wc, err := s.store.WorkingCopy(ctx, p.Draft.ID)
		if err != nil && newsroom.ErrorCode(err) != newsroom.ENOTFOUND {
			return err
		}
		p.WorkingCopy = wc
	}
	live, err := s.store.Live(ctx, p.Draft.ID)
	if err != nil {
		return err
	}
	p.Editors = live.Editors
	return nil
}
