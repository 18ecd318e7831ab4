package server

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// accountEmail is the account page's email part: the address (as typed, when it was refused),
// and for each kind of notification whether it comes by email, and the digest.
type accountEmail struct {
	Address string
	Typed   bool
	Choices []emailChoice
	Digest  bool
}

// emailChoice is one kind of notification as the account page offers it.
type emailChoice struct {
	Kind   newsroom.NotificationKind
	Label  string
	Chosen bool
}

// accountEmail fills in the viewer's address, unless one typed is shown again, and choices.
func (s *Server) accountEmail(c echo.Context, e accountEmail) (accountEmail, error) {
	if !e.Typed {
		e.Address = newsroom.UserFrom(c.Request().Context()).Email
	}
	prefs, err := s.store.NotificationPrefs(c.Request().Context())
	if err != nil {
		return e, err
	}
	e.Digest = prefs.Digest
	for _, ch := range newsroom.EmailChoices {
		e.Choices = append(e.Choices, emailChoice{Kind: ch.Kind, Label: ch.Label, Chosen: prefs.Wants(ch.Kind)})
	}
	return e, nil
}

// accountEmailPage sets the viewer's email address; a refused one is shown again with why.
func (s *Server) accountEmailPage(c echo.Context) error {
	ctx := c.Request().Context()
	typed := c.FormValue("email")
	u, err := s.store.SetEmail(ctx, newsroom.UserFrom(ctx).ID, typed)
	if newsroom.ErrorCode(err) == newsroom.EINVALID {
		return s.renderAccount(c, http.StatusUnprocessableEntity, accountData{Email: accountEmail{Address: typed, Typed: true}},
			"Email address not saved: "+newsroom.ErrorMessage(err))
	}
	if err != nil {
		return err
	}
	if u.Email == "" {
		return s.afterAction(c, nil, "/account#email", "No email address: you get notifications in Copydesk only.")
	}
	return s.afterAction(c, nil, "/account#email", "Email goes to "+u.Email+" now.")
}

// accountNotificationsPage saves what the viewer gets by email: the kinds ticked, and the digest.
func (s *Server) accountNotificationsPage(c echo.Context) error {
	form, err := c.FormParams()
	if err != nil {
		return err
	}
	p := newsroom.NotificationPrefs{Digest: form.Get("digest") == "on"}
	for _, k := range form["email"] {
		p.Email = append(p.Email, newsroom.NotificationKind(k))
	}
	_, err = s.store.SetNotificationPrefs(c.Request().Context(), p)
	return s.afterAction(c, err, "/account#email", "Your email choices are saved.")
}

// userEmailPage sets a user's email address from the users page, for an admin.
func (s *Server) userEmailPage(c echo.Context) error {
	id, err := idParam(c, "uid")
	if err != nil {
		return err
	}
	u, err := s.store.SetEmail(c.Request().Context(), id, c.FormValue("email"))
	if err != nil {
		return s.afterAction(c, err, "/admin/users", "")
	}
	return s.afterAction(c, nil, "/admin/users", "Email address of "+u.Username+" saved.")
}
