package server

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// getNotificationPrefs answers what the caller gets by email.
func (s *Server) getNotificationPrefs(c echo.Context) error {
	p, err := s.store.NotificationPrefs(c.Request().Context())
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, p)
}

// putNotificationPrefs replaces what the caller gets by email, and answers it as kept.
func (s *Server) putNotificationPrefs(c echo.Context) error {
	var in struct {
		Email  *[]newsroom.NotificationKind `json:"email"`
		Digest *bool                        `json:"digest"`
	}
	if err := bindJSON(c, &in); err != nil {
		return err
	}
	if in.Email == nil || in.Digest == nil {
		return newsroom.Errorf(newsroom.EINVALID, "give both email (a list of kinds, which may be empty) and digest")
	}
	p, err := s.store.SetNotificationPrefs(c.Request().Context(), newsroom.NotificationPrefs{Email: *in.Email, Digest: *in.Digest})
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, p)
}
