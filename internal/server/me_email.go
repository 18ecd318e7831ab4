package server

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/store"
)

// emailAnswer is the API's view of the caller's address: the confirmed one, where email goes
// ("" for none), and a new one waiting for its link (nil for none).
type emailAnswer struct {
	Email   string                 `json:"email"`
	Pending *newsroom.PendingEmail `json:"pending"`
}

// getEmail answers the caller's address and any new one waiting.
func (s *Server) getEmail(c echo.Context) error {
	ctx := c.Request().Context()
	p, err := s.store.PendingEmail(ctx)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, emailAnswer{Email: newsroom.UserFrom(ctx).Email, Pending: p})
}

// putEmail asks for the caller's email to go to a new address, and mails it the link that
// confirms it: 202, the address pending. An empty address removes theirs at once, and their own
// again cancels one waiting: 200.
func (s *Server) putEmail(c echo.Context) error {
	var in struct {
		Email *string `json:"email"`
	}
	if err := bindJSON(c, &in); err != nil {
		return err
	}
	if in.Email == nil {
		return newsroom.Errorf(newsroom.EINVALID, "give email: an address, or \"\" for none")
	}
	ctx := c.Request().Context()
	r, err := s.changeEmail(ctx, func(canMail bool) (store.EmailRequest, error) {
		return s.store.RequestEmailChange(ctx, *in.Email, canMail)
	})
	if err != nil {
		setThrottled(c, err)
		return err
	}
	status := http.StatusOK
	if r.Pending != nil {
		status = http.StatusAccepted
	}
	return c.JSON(status, emailAnswer{Email: r.User.Email, Pending: r.Pending})
}

// cancelEmail drops the new address waiting for the caller; none waiting is no error.
func (s *Server) cancelEmail(c echo.Context) error {
	if err := s.store.CancelEmailChange(c.Request().Context()); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}

// confirmEmailAPI confirms the caller's new address with the token of the link mailed to it.
func (s *Server) confirmEmailAPI(c echo.Context) error {
	var in struct {
		Token string `json:"token"`
	}
	if err := bindJSON(c, &in); err != nil {
		return err
	}
	u, err := s.confirmEmail(c.Request().Context(), in.Token)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, emailAnswer{Email: u.Email})
}
