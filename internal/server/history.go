package server

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/copydesk/copydesk/internal/newsroom"
)

func (s *Server) history(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	f, err := historyFilter(c)
	if err != nil {
		return err
	}
	h, err := s.store.History(c.Request().Context(), id, f)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, h)
}

// historyFilter reads a page of history from the query: limit, cursor and unmerged_text.
func historyFilter(c echo.Context) (newsroom.HistoryFilter, error) {
	f := newsroom.HistoryFilter{Cursor: c.QueryParam("cursor")}
	var err error
	if f.Limit, err = limitParam(c); err != nil {
		return f, err
	}
	if v := c.QueryParam("unmerged_text"); v != "" {
		if f.UnmergedText, err = strconv.ParseBool(v); err != nil {
			return f, newsroom.Errorf(newsroom.EINVALID, "unmerged_text must be 1 or 0")
		}
	}
	return f, nil
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

func (s *Server) unmergedRevision(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	rid, err := idParam(c, "rid")
	if err != nil {
		return err
	}
	r, err := s.store.UnmergedRevision(c.Request().Context(), id, rid)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, r)
}
