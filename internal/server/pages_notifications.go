package server

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// notificationsPageSize is how many notifications the notifications page lists at a time.
const notificationsPageSize = 50

// notificationsPage is GET /notifications: the viewer's notifications, newest first, the unread
// marked, each linking through openNotification to its exact place.
func (s *Server) notificationsPage(c echo.Context) error {
	before, _ := strconv.ParseInt(c.QueryParam("before"), 10, 64)
	page, err := s.store.Notifications(c.Request().Context(), false, max(before, 0), notificationsPageSize)
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, "notifications", view{Title: "Notifications", Data: struct {
		Notifications []newsroom.Notification
		Next          int64
		Older         bool
	}{page.Notifications, page.Next, before > 0}})
}

// openNotification is GET /notifications/{nid}: it marks the notification read and goes to the
// place it is about. A link followed is a notification read, as in a mail client.
func (s *Server) openNotification(c echo.Context) error {
	id, err := idParam(c, "nid")
	if err != nil {
		return err
	}
	n, err := s.store.ReadNotification(c.Request().Context(), id)
	if err != nil {
		return err
	}
	return redirect(c, n.Link)
}

// readAllPage is POST /notifications/read-all.
func (s *Server) readAllPage(c echo.Context) error {
	n, err := s.store.ReadAllNotifications(c.Request().Context())
	msg := "Every notification is read."
	if n == 1 {
		msg = "1 notification marked read."
	} else if n > 1 {
		msg = strconv.FormatInt(n, 10) + " notifications marked read."
	}
	return s.afterAction(c, err, "/notifications", msg)
}
