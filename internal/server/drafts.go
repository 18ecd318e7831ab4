package server

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/copydesk/copydesk/internal/newsroom"
)

func (s *Server) createDraft(c echo.Context) error {
	var in newsroom.Text
	if err := bindJSON(c, &in); err != nil {
		return err
	}
	d, err := s.store.CreateDraft(c.Request().Context(), in)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, d)
}

func (s *Server) listDrafts(c echo.Context) error {
	f := newsroom.DraftFilter{Query: c.QueryParam("q"), Cursor: c.QueryParam("cursor")}
	if st := c.QueryParam("stage"); st != "" {
		stage, err := newsroom.ParseStage(st)
		if err != nil {
			return err
		}
		f.Stage = stage
	}
	if l := c.QueryParam("limit"); l != "" {
		n, err := strconv.Atoi(l)
		if err != nil || n < 1 || n > 200 {
			return newsroom.Errorf(newsroom.EINVALID, "limit must be a number from 1 to 200")
		}
		f.Limit = n
	}
	return s.writeDraftList(c, f)
}

func (s *Server) getDraft(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	d, err := s.store.GetDraft(c.Request().Context(), id)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, d)
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
	s.metrics.transitioned(in.Action)
	if d.Stage == newsroom.StagePublished {
		s.cache.clear()
	}
	return c.JSON(http.StatusOK, d)
}

func (s *Server) history(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	h, err := s.store.History(c.Request().Context(), id)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, h)
}

func (s *Server) revision(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	version, err := idParam(c, "version")
	if err != nil {
		return err
	}
	r, err := s.store.Revision(c.Request().Context(), id, int(version))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, r)
}
