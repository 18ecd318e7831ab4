package server

import (
	"encoding/json"
	"net/http"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// assigneeInput is the body that gives a desk of a piece to someone: yourself to claim it.
type assigneeInput struct {
	UserID int64 `json:"user_id"`
}

// deadlineInput is the body that sets a due time (RFC 3339) or clears it (null), for the piece
// (stage "") or one of its stages.
type deadlineInput struct {
	Stage newsroom.Stage `json:"stage"`
	DueAt dueTime        `json:"due_at"`
}

// dueTime is a due_at that tells a time, null and no value at all apart: null clears a due time,
// while a body without due_at is a mistake that must not clear one.
type dueTime struct {
	Given bool
	At    *time.Time
}

// UnmarshalJSON is called for null too, which is how a given null is told from an absent field.
func (d *dueTime) UnmarshalJSON(data []byte) error {
	d.Given = true
	return json.Unmarshal(data, &d.At)
}

// putAssignee gives the desk :stage of draft :id to the user the body names.
func (s *Server) putAssignee(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	var in assigneeInput
	if err := bindJSON(c, &in); err != nil {
		return err
	}
	if in.UserID <= 0 {
		return newsroom.Errorf(newsroom.EINVALID, "user_id names who is to hold the desk (your own id to claim it)")
	}
	return s.assign(c, newsroom.Assignment{DraftID: id, Stage: newsroom.Stage(c.Param("stage")), UserID: in.UserID})
}

// deleteAssignee leaves the desk :stage of draft :id to nobody.
func (s *Server) deleteAssignee(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	return s.assign(c, newsroom.Assignment{DraftID: id, Stage: newsroom.Stage(c.Param("stage"))})
}

func (s *Server) assign(c echo.Context, a newsroom.Assignment) error {
	d, err := s.store.Assign(c.Request().Context(), a)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, d)
}

// putDeadline sets or clears a due time of draft :id.
func (s *Server) putDeadline(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	var in deadlineInput
	if err := bindJSON(c, &in); err != nil {
		return err
	}
	if !in.DueAt.Given {
		return newsroom.Errorf(newsroom.EINVALID, "give due_at: a time (RFC 3339) to set, or null to clear")
	}
	d, err := s.store.SetDeadline(c.Request().Context(), newsroom.DeadlineChange{DraftID: id, Stage: in.Stage, At: in.DueAt.At})
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, d)
}

// budget answers the story budget of the days the query names.
func (s *Server) budget(c echo.Context) error {
	days, err := daysParam(c)
	if err != nil {
		return err
	}
	b, err := s.store.Budget(c.Request().Context(), c.QueryParam("from"), days)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, b)
}

// daysParam reads how many days a budget covers: 1 or 7, a week when not given.
func daysParam(c echo.Context) (int, error) {
	raw := c.QueryParam("days")
	if raw == "" {
		return 7, nil
	}
	n, err := strconv.Atoi(raw)
	if err != nil {
		return 0, newsroom.Errorf(newsroom.EINVALID, "days must be 1 or 7, not %q", raw)
	}
	return n, nil
}

// assigneeParam reads a list's assignee filter: "me", "none" (a desk nobody holds) or a user's
// id; 0 when not given.
func assigneeParam(c echo.Context) (int64, error) {
	switch raw := c.QueryParam("assignee"); raw {
	case "":
		return 0, nil
	case "me":
		return newsroom.UserFrom(c.Request().Context()).ID, nil
	case "none":
		return newsroom.AssigneeNone, nil
	default:
		id, err := strconv.ParseInt(raw, 10, 64)
		if err != nil || id <= 0 {
			return 0, newsroom.Errorf(newsroom.EINVALID, "assignee must be me, none or a user's id, not %q", raw)
		}
		return id, nil
	}
}
