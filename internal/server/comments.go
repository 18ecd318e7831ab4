package server

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/copydesk/copydesk/internal/newsroom"
)

func (s *Server) createComment(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	var in newsroom.NewComment
	if err := bindJSON(c, &in); err != nil {
		return err
	}
	cm, err := s.store.CreateComment(c.Request().Context(), id, in)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, cm)
}

func (s *Server) listComments(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	cs, err := s.store.Comments(c.Request().Context(), id)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, cs)
}

func (s *Server) replyComment(c echo.Context) error {
	cid, err := idParam(c, "cid")
	if err != nil {
		return err
	}
	var in newsroom.NewReply
	if err := bindJSON(c, &in); err != nil {
		return err
	}
	cm, err := s.store.Reply(c.Request().Context(), cid, in)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, cm)
}

func (s *Server) editComment(c echo.Context) error {
	cid, err := idParam(c, "cid")
	if err != nil {
		return err
	}
	var in struct {
		Body string `json:"body"`
	}
	if err := bindJSON(c, &in); err != nil {
		return err
	}
	cm, err := s.store.EditComment(c.Request().Context(), cid, in.Body)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, cm)
}

func (s *Server) deleteComment(c echo.Context) error {
	cid, err := idParam(c, "cid")
	if err != nil {
		return err
	}
	if _, err := s.store.DeleteComment(c.Request().Context(), cid); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}

func (s *Server) resolveComment(c echo.Context) error {
	cid, err := idParam(c, "cid")
	if err != nil {
		return err
	}
	cm, err := s.store.ResolveComment(c.Request().Context(), cid)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, cm)
}

func (s *Server) reopenComment(c echo.Context) error {
	cid, err := idParam(c, "cid")
	if err != nil {
		return err
	}
	cm, err := s.store.ReopenComment(c.Request().Context(), cid)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, cm)
}

func (s *Server) diff(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	from, err1 := strconv.Atoi(c.QueryParam("from"))
	to, err2 := strconv.Atoi(c.QueryParam("to"))
	if err1 != nil || err2 != nil {
		return newsroom.Errorf(newsroom.EINVALID, "from and to must be version numbers")
	}
	d, err := s.store.Diff(c.Request().Context(), id, from, to)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, d)
}
