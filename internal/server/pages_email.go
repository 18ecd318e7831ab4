package server

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/notify"
	"github.com/copydesk/copydesk/internal/store"
)

// accountEmail is the account page's email part: the address (as typed, when it was refused),
// the confirmed one email goes to, a new one waiting for its link, whether this server can mail
// a link at all, and for each kind of notification whether it comes by email, and the digest.
type accountEmail struct {
	Address   string
	Typed     bool
	Confirmed string
	Pending   *newsroom.PendingEmail
	CanMail   bool
	Choices   []emailChoice
	Digest    bool
}

// emailChoice is one kind of notification as the account page offers it.
type emailChoice struct {
	Kind   newsroom.NotificationKind
	Label  string
	Chosen bool
}

// accountEmail fills in the viewer's address, unless one typed is shown again, the one
// waiting, and choices.
func (s *Server) accountEmail(c echo.Context, e accountEmail) (accountEmail, error) {
	ctx := c.Request().Context()
	e.Confirmed = newsroom.UserFrom(ctx).Email
	if !e.Typed {
		e.Address = e.Confirmed
	}
	e.CanMail = s.canMail(ctx)
	var err error
	if e.Pending, err = s.store.PendingEmail(ctx); err != nil {
		return e, err
	}
	prefs, err := s.store.NotificationPrefs(ctx)
	if err != nil {
		return e, err
	}
	e.Digest = prefs.Digest
	for _, ch := range newsroom.EmailChoices {
		e.Choices = append(e.Choices, emailChoice{Kind: ch.Kind, Label: ch.Label, Chosen: prefs.Wants(ch.Kind)})
	}
	return e, nil
}

// accountEmailPage asks for the viewer's email to go to the address typed, which waits for the
// link mailed to it; a refused one is shown again with why. An empty address removes theirs.
func (s *Server) accountEmailPage(c echo.Context) error {
	ctx := c.Request().Context()
	typed := c.FormValue("email")
	r, err := s.changeEmail(ctx, func(canMail bool) (store.EmailRequest, error) {
		return s.store.RequestEmailChange(ctx, typed, canMail)
	})
	switch code := newsroom.ErrorCode(err); code {
	case "":
	case newsroom.EINVALID, newsroom.ECONFLICT, newsroom.ETOOMANY:
		setThrottled(c, err)
		data := accountData{Email: accountEmail{Address: typed, Typed: true}}
		if code != newsroom.ETOOMANY {
			data.Invalid = "email"
		}
		return s.renderAccount(c, statusOf[code], data, "Email address not saved: "+newsroom.ErrorMessage(err))
	default:
		return err
	}
	return s.afterAction(c, nil, "/account#email", emailOutcome(r))
}

// emailOutcome says what came of a request to change the viewer's address.
func emailOutcome(r store.EmailRequest) string {
	switch {
	case r.Pending != nil && r.User.Email != "":
		return "We sent a link to " + r.Pending.Address + ": follow it to have email go there. Until then it goes to " + r.User.Email + "."
	case r.Pending != nil:
		return "We sent a link to " + r.Pending.Address + ": follow it to have email go there."
	case r.User.Email == "":
		return "No email address: you get notifications in Copydesk only."
	}
	return "Email goes to " + r.User.Email + "."
}

// resendEmailPage mails the address waiting for the viewer a new link.
func (s *Server) resendEmailPage(c echo.Context) error {
	ctx := c.Request().Context()
	r, err := s.changeEmail(ctx, func(canMail bool) (store.EmailRequest, error) {
		return s.store.ResendEmailChange(ctx, canMail)
	})
	if err != nil {
		return s.afterAction(c, err, "/account#email", "")
	}
	return s.afterAction(c, nil, "/account#email", emailOutcome(r))
}

// cancelEmailPage drops the address waiting for the viewer.
func (s *Server) cancelEmailPage(c echo.Context) error {
	err := s.store.CancelEmailChange(c.Request().Context())
	return s.afterAction(c, err, "/account#email", "The new address is dropped: its link no longer works.")
}

// emailLinkData is what the page a confirmation link opens shows: the token, and the address it
// confirms (nil when the link does not work, and the page says why).
type emailLinkData struct {
	Token   string
	Pending *newsroom.PendingEmail
}

// emailLinkPage is where the link mailed to a new address leads: it shows the address and a
// button that confirms it. Only the button's POST confirms, so that a program that opens links
// to preview them confirms nothing.
func (s *Server) emailLinkPage(c echo.Context) error {
	token := c.QueryParam("token")
	p, err := s.store.EmailLink(c.Request().Context(), token)
	return s.renderEmailLink(c, token, p, err)
}

// confirmEmailPage confirms the viewer's new address with the link's token.
func (s *Server) confirmEmailPage(c echo.Context) error {
	token := c.FormValue("token")
	u, err := s.confirmEmail(c.Request().Context(), token)
	if err != nil {
		return s.renderEmailLink(c, token, nil, err)
	}
	return s.afterAction(c, nil, "/account#email", "Email goes to "+u.Email+" now.")
}

// renderEmailLink shows the confirmation page, or why the link does not work: a link that is
// wrong, used, cancelled or expired is shown as a page of its own, not an error page.
func (s *Server) renderEmailLink(c echo.Context, token string, p *newsroom.PendingEmail, err error) error {
	switch code := newsroom.ErrorCode(err); code {
	case "":
		return s.render(c, http.StatusOK, "email_confirm", view{Title: "Confirm your email address", Data: emailLinkData{Token: token, Pending: p}})
	case newsroom.ENOTFOUND, newsroom.ECONFLICT:
		return s.render(c, statusOf[code], "email_confirm", view{Title: "This link does not work",
			Error: "No address confirmed: " + newsroom.ErrorMessage(err) + "."})
	}
	return err
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

// userEmailPage sets a user's email address from the users page, for an admin, confirmed at once;
// the address it replaces is told.
func (s *Server) userEmailPage(c echo.Context) error {
	id, err := idParam(c, "uid")
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	got, err := s.store.SetEmail(ctx, id, c.FormValue("email"))
	if err != nil {
		return s.afterAction(c, err, "/admin/users", "")
	}
	if got.Old != "" {
		s.mailNotice(ctx, notify.AddressChangedMail(got.Old, got.User))
	}
	return s.afterAction(c, nil, "/admin/users", "Email address of "+got.User.Username+" saved.")
}
