package server

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// createDraft makes a draft. A request with an Idempotency-Key makes one whatever number of
// times it is sent: sent again, it answers 200 with the draft the first made.
func (s *Server) createDraft(c echo.Context) error {
	var in newsroom.Text
	if err := bindJSON(c, &in); err != nil {
		return err
	}
	ctx, made := c.Request().Context(), true
	var d *newsroom.Draft
	var err error
	if key := c.Request().Header.Get("Idempotency-Key"); key != "" {
		d, made, err = s.store.CreateDraftOnce(ctx, key, in)
	} else {
		d, err = s.store.CreateDraft(ctx, in)
	}
	if err != nil {
		return err
	}
	if !made {
		return c.JSON(http.StatusOK, d)
	}
	return c.JSON(http.StatusCreated, d)
}

func (s *Server) listDrafts(c echo.Context) error {
	f := newsroom.DraftFilter{Query: c.QueryParam("q"), Cursor: c.QueryParam("cursor")}
	if st := c.QueryParam("stage"); st != "" {
		stage, err := s.store.Policy().ParseStage(st)
		if err != nil {
			return err
		}
		f.Stage = stage
	}
	limit, err := limitParam(c)
	if err != nil {
		return err
	}
	f.Limit = limit
	if f.Assignee, err = assigneeParam(c); err != nil {
		return err
	}
	full, err := fullView(c)
	if err != nil {
		return err
	}
	switch {
	case f.Query != "":
		return s.searchDrafts(c, f)
	case full:
		return s.writeDraftList(c, f)
	}
	return s.writeSummaries(c, f)
}

// fullView reads the draft list's view parameter: "summary" (the default) lists each draft's
// summary, what a desk shows; "full" lists whole drafts, text and all, as GET /drafts/{id}
// answers them.
func fullView(c echo.Context) (bool, error) {
	switch v := c.QueryParam("view"); v {
	case "", "summary":
		return false, nil
	case "full":
		return true, nil
	default:
		return false, newsroom.Errorf(newsroom.EINVALID, "view must be summary or full, not %q", v)
	}
}

// searchDrafts answers a draft list with a query: the drafts found, best first, each with its
// snippet and rank.
func (s *Server) searchDrafts(c echo.Context, f newsroom.DraftFilter) error {
	page, err := s.store.Search(c.Request().Context(), f)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, page)
}

func (s *Server) getDraft(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	d, img, err := s.store.GetDraftWithImage(c.Request().Context(), id)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, draftWithImage{Draft: d, Image: img})
}

// draftWithImage is one draft as GET answers it: the draft and its lead image (null for none).
type draftWithImage struct {
	*newsroom.Draft
	Image *newsroom.Image `json:"image"`
}

func (s *Server) updateDraft(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	var in newsroom.DraftUpdate
	if err := bindJSON(c, &in); err != nil {
		return err
	}
	d, err := s.store.UpdateDraft(c.Request().Context(), id, in)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, d)
}

func (s *Server) transition(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	var in newsroom.TransitionRequest
	if err := bindJSON(c, &in); err != nil {
		return err
	}
	d, err := s.store.Transition(c.Request().Context(), id, in)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, d)
}
