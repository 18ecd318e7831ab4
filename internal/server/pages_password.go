package server

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/store"
)

// passwordRules is what the change-password page shows besides the form: the rules that apply
// to the viewer, and the field a refusal is about, if any.
type passwordRules struct {
	MinLength int
	Invalid   string
}

// renderPasswordForm shows the change-password form, with msg as its error if there is one,
// beside the field invalid names.
func (s *Server) renderPasswordForm(c echo.Context, status int, msg, invalid string) error {
	u := newsroom.UserFrom(c.Request().Context())
	return s.render(c, status, "password", view{Title: "Change your password", Error: msg,
		Data: passwordRules{MinLength: s.store.MinPasswordLength(u), Invalid: invalid}})
}

func (s *Server) passwordPage(c echo.Context) error {
	return s.renderPasswordForm(c, http.StatusOK, "", "")
}

// changePasswordPage changes the viewer's password from the form. The session that sent it stays
// signed in; their other sessions, tokens and device cookies are revoked. A refused password,
// or an attempt that must wait after wrong ones (429), shows the form again with the reason,
// and never the passwords typed.
func (s *Server) changePasswordPage(c echo.Context) error {
	if c.FormValue("new") != c.FormValue("repeat") {
		return s.renderPasswordForm(c, http.StatusUnprocessableEntity, "the two new passwords differ", "repeat")
	}
	err := s.store.ChangePassword(c.Request().Context(), store.PasswordChange{Current: c.FormValue("current"), New: c.FormValue("new"),
		Keep: s.cookie(c, sessionCookie), Device: s.cookie(c, deviceCookie)})
	switch newsroom.ErrorCode(err) {
	case "":
		flash(c, "Password changed. Your other sessions and API tokens are signed out.")
		return redirect(c, "/desk")
	case newsroom.EINVALID, newsroom.ECONFLICT:
		return s.renderPasswordForm(c, http.StatusUnprocessableEntity, newsroom.ErrorMessage(err), invalidField(err))
	case newsroom.ETOOMANY:
		setThrottled(c, err)
		return s.renderPasswordForm(c, http.StatusTooManyRequests, newsroom.ErrorMessage(err), "")
	default:
		return err
	}
}

// resetPasswordPage gives a user a temporary password and shows it to the admin, this once.
func (s *Server) resetPasswordPage(c echo.Context) error {
	id, err := idParam(c, "uid")
	if err != nil {
		return err
	}
	u, temporary, err := s.store.ResetPassword(c.Request().Context(), id)
	if err != nil {
		return s.afterAction(c, err, "/admin/users", "")
	}
	return s.render(c, http.StatusOK, "password_reset", view{Title: "Temporary password", Data: struct {
		User      *newsroom.User
		Temporary string
	}{u, temporary}})
}
