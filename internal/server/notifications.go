package server

import (
	"net/http"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// notificationJSON is a notification as the API gives it.
type notificationJSON struct {
	ID        int64                     `json:"id"`
	Kind      newsroom.NotificationKind `json:"kind"`
	DraftID   int64                     `json:"draft_id"`
	ActorID   int64                     `json:"actor_id"`
	Subject   string                    `json:"subject"`
	Link      string                    `json:"link"`
	CreatedAt time.Time                 `json:"created_at"`
	Read      bool                      `json:"read"`
	ReadAt    *time.Time                `json:"read_at"`
}

func notificationOut(n newsroom.Notification) notificationJSON {
	return notificationJSON{ID: n.ID, Kind: n.Kind, DraftID: n.DraftID, ActorID: n.ActorID, Subject: n.Subject, Link: n.Link,
		CreatedAt: n.CreatedAt, Read: n.ReadAt != nil, ReadAt: n.ReadAt}
}

// listNotifications is GET /api/v1/notifications: the caller's, newest first, paged by before
// (the next of the previous page), only the unread with unread=1.
func (s *Server) listNotifications(c echo.Context) error {
	unread, before, limit, err := notificationQuery(c)
	if err != nil {
		return err
	}
	page, err := s.store.Notifications(c.Request().Context(), unread, before, limit)
	if err != nil {
		return err
	}
	out := struct {
		Notifications []notificationJSON `json:"notifications"`
		Next          int64              `json:"next,omitempty"`
	}{Notifications: make([]notificationJSON, len(page.Notifications)), Next: page.Next}
	for i, n := range page.Notifications {
		out.Notifications[i] = notificationOut(n)
	}
	return c.JSON(http.StatusOK, out)
}

// notificationQuery reads unread, before and limit from the query.
func notificationQuery(c echo.Context) (unread bool, before int64, limit int, err error) {
	if v := c.QueryParam("unread"); v != "" {
		if unread, err = strconv.ParseBool(v); err != nil {
			return false, 0, 0, newsroom.Errorf(newsroom.EINVALID, "unread must be 1 or 0")
		}
	}
	if v := c.QueryParam("before"); v != "" {
		if before, err = strconv.ParseInt(v, 10, 64); err != nil || before < 0 {
			return false, 0, 0, newsroom.Errorf(newsroom.EINVALID, "before must be a notification id")
		}
	}
	limit, err = limitParam(c)
	return unread, before, limit, err
}

// readNotification is POST /api/v1/notifications/{nid}/read.
func (s *Server) readNotification(c echo.Context) error {
	id, err := idParam(c, "nid")
	if err != nil {
		return err
	}
	n, err := s.store.ReadNotification(c.Request().Context(), id)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, notificationOut(*n))
}

// readAllNotifications is POST /api/v1/notifications/read-all.
func (s *Server) readAllNotifications(c echo.Context) error {
	n, err := s.store.ReadAllNotifications(c.Request().Context())
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]int64{"marked": n})
}

// draftNotifications is GET /api/v1/drafts/{id}/notifications: the piece's notification log.
func (s *Server) draftNotifications(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	log, err := s.store.DraftNotifications(c.Request().Context(), id)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string][]newsroom.NoticeLogEntry{"notifications": log})
}
