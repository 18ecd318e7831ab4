package server

import (
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/store"
)

// passwordPath is the page where a user changes their own password.
const passwordPath = "/account/password"

// passwordChangeRoutes are the routes a user who must change their password may still reach:
// the change itself, in the API and on its page with its static files, and signing in and out.
var passwordChangeRoutes = map[string]bool{
	passwordPath: true, "/api/v1/me/password": true, "/static/*": true, "/login": true, "/logout": true, "/api/v1/login": true, "/api/v1/logout": true,
}

// passwordGate holds a user who must change their password (after a reset or a promotion to
// admin) to that: the API and the page routes that answer JSON answer 403
// password_change_required, and pages send them to the form.
func (s *Server) passwordGate(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		u := newsroom.UserFrom(c.Request().Context())
		if u == nil || !u.MustChangePassword || passwordChangeRoutes[c.Path()] {
			return next(c)
		}
		if s.answersJSON(c) || c.Request().Header.Get(echo.HeaderAuthorization) != "" {
			return newsroom.Errorf(newsroom.EPASSWORD, "choose a new password first: POST /api/v1/me/password with the current one and the new one")
		}
		return redirect(c, passwordPath)
	}
}

// changePassword is POST /api/v1/me/password: the caller changes their own password. The token
// sent with it stays valid; every other session and token of theirs is revoked.
func (s *Server) changePassword(c echo.Context) error {
	var in struct {
		Current string `json:"current"`
		New     string `json:"new"`
	}
	if err := bindJSON(c, &in); err != nil {
		return err
	}
	token, _ := strings.CutPrefix(c.Request().Header.Get(echo.HeaderAuthorization), "Bearer ")
	if err := s.store.ChangePassword(c.Request().Context(), store.PasswordChange{Current: in.Current, New: in.New, Keep: token}); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}

// resetPassword is POST /api/v1/users/{uid}/password-reset, for admins: the user gets a
// temporary password, answered once and never stored in the clear, which they must change at
// their next sign-in.
func (s *Server) resetPassword(c echo.Context) error {
	id, err := idParam(c, "uid")
	if err != nil {
		return err
	}
	_, temporary, err := s.store.ResetPassword(c.Request().Context(), id)
	if err != nil {
		return err
	}
	c.Response().Header().Set("Cache-Control", "no-store")
	return c.JSON(http.StatusOK, map[string]string{"temporary_password": temporary})
}
