package server

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// inboxAnswer is the API's inbox: every entry waiting on the caller, newest first, and how many
// of each kind.
type inboxAnswer struct {
	Entries []newsroom.InboxEntry `json:"entries"`
	Counts  []newsroom.InboxCount `json:"counts"`
}

// inbox answers GET /api/v1/inbox.
func (s *Server) inbox(c echo.Context) error {
	es, err := s.store.Inbox(c.Request().Context())
	if err != nil {
		return err
	}
	counts := newsroom.CountInbox(es)
	if counts == nil {
		counts = []newsroom.InboxCount{}
	}
	return privateJSON(c, http.StatusOK, inboxAnswer{Entries: es, Counts: counts})
}

// inboxDone is the body of POST /api/v1/inbox/done: the key of the entry marked done.
type inboxDone struct {
	Entry string `json:"entry"`
}

// markInboxDone answers POST /api/v1/inbox/done.
func (s *Server) markInboxDone(c echo.Context) error {
	var in inboxDone
	if err := bindJSON(c, &in); err != nil {
		return err
	}
	if err := s.store.MarkInboxDone(c.Request().Context(), in.Entry); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}

// mentionCandidates answers the draft page's completion of an @name (GET
// /drafts/:id/people?q=PREFIX): the people who may read the piece whose name begins so.
func (s *Server) mentionCandidates(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	ps, err := s.store.MentionCandidates(c.Request().Context(), id, c.QueryParam("q"))
	if err != nil {
		return err
	}
	return privateJSON(c, http.StatusOK, ps)
}
