package server

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/notify"
	"github.com/copydesk/copydesk/internal/policy"
	"github.com/copydesk/copydesk/internal/store"
)

// mailSettingsData is what the email settings page shows: the settings an admin saved (never
// the password, only whether one is), the command line's (which win, and are shown read-only),
// and the settings in force, which come of both.
type mailSettingsData struct {
	Saved         newsroom.MailSettings
	Flags         newsroom.MailSettings
	InForce       newsroom.MailSettings
	PasswordSaved bool
	Port          string // the port as the form shows it: the saved one, or as typed when refused
	DigestHour    int
	Modes         []newsroom.StartTLS
	Hours         []int
}

// mailSettingsPage shows the email settings, for admins.
func (s *Server) mailSettingsPage(c echo.Context) error {
	return s.renderMailSettings(c, http.StatusOK, nil, "", "")
}

// renderMailSettings shows the page with typed in place of the saved settings when a save was
// refused (the password typed is never shown back), and port as the port typed.
func (s *Server) renderMailSettings(c echo.Context, status int, typed *store.MailSettingsChange, port, problem string) error {
	ctx := c.Request().Context()
	if err := s.store.Policy().Check(newsroom.UserFrom(ctx), policy.SettingsManage, 0); err != nil {
		return err
	}
	saved, err := s.store.MailSettings(ctx)
	if err != nil {
		return err
	}
	hour, err := s.store.DigestHour(ctx)
	if err != nil {
		return err
	}
	var flags newsroom.MailSettings
	if s.cfg.Mail != nil {
		flags = s.cfg.Mail.Flags
	}
	d := mailSettingsData{Saved: saved, Flags: flags, InForce: flags.Over(saved).Normalize(),
		PasswordSaved: saved.Password != "", DigestHour: hour, Modes: newsroom.StartTLSModes}
	if typed != nil {
		d.Saved, d.DigestHour = typed.Settings, typed.DigestHour
	}
	d.Port = port
	if typed == nil && saved.Port != 0 {
		d.Port = strconv.Itoa(saved.Port)
	}
	d.Saved.Password = ""
	for h := range 24 {
		d.Hours = append(d.Hours, h)
	}
	return s.render(c, status, "email_settings", view{Title: "Email settings", Error: problem, Data: d})
}

// saveMailSettingsPage saves the email settings from the page's form.
func (s *Server) saveMailSettingsPage(c echo.Context) error {
	typedPort := strings.TrimSpace(c.FormValue("port"))
	port, perr := strconv.Atoi(typedPort)
	hour, _ := strconv.Atoi(c.FormValue("digest_hour"))
	ch := store.MailSettingsChange{Settings: newsroom.MailSettings{Host: c.FormValue("host"), Port: port,
		StartTLS: newsroom.StartTLS(c.FormValue("starttls")), Username: c.FormValue("username"),
		Password: newsroom.Secret(c.FormValue("password")), From: c.FormValue("from")},
		ClearPassword: c.FormValue("clear_password") == "on", DigestHour: hour}
	if typedPort != "" && perr != nil {
		return s.renderMailSettings(c, http.StatusUnprocessableEntity, &ch, typedPort,
			fmt.Sprintf("Not saved: the port must be a number, such as 587 or 465, not %q.", typedPort))
	}
	err := s.store.SaveMailSettings(c.Request().Context(), ch)
	if newsroom.ErrorCode(err) == newsroom.EINVALID {
		return s.renderMailSettings(c, http.StatusUnprocessableEntity, &ch, typedPort, "Not saved: "+newsroom.ErrorMessage(err))
	}
	return s.afterAction(c, err, "/admin/email", "Email settings saved.")
}

// testMailPage sends a test email to the admin's own address with the settings in force, and
// says plainly whether the mail server took it, or what it answered.
func (s *Server) testMailPage(c echo.Context) error {
	ctx := c.Request().Context()
	u := newsroom.UserFrom(ctx)
	if err := s.store.Policy().Check(u, policy.SettingsManage, 0); err != nil {
		return err
	}
	if u.Email == "" {
		return s.afterAction(c, newsroom.Errorf(newsroom.ECONFLICT, "give yourself an email address on your account page first"), "/admin/email", "")
	}
	if s.cfg.Mail == nil {
		return s.afterAction(c, newsroom.Errorf(newsroom.ECONFLICT, "this server sends no email"), "/admin/email", "")
	}
	status, err := s.cfg.Mail.Mail(ctx, notify.Mail{To: u.Email, Subject: "Copydesk: a test email",
		Text: "This is a test email from the email settings page. If you can read it, Copydesk's notifications reach people by email.",
		Why:  "You get this email because you asked for a test on the email settings page.", ID: fmt.Sprintf("test-%d", time.Now().UnixNano())})
	if errors.Is(err, notify.ErrMailNotConfigured) {
		return s.afterAction(c, newsroom.Errorf(newsroom.ECONFLICT, "%s", err.Error()), "/admin/email", "")
	}
	if err != nil {
		s.log.Warn("test email", "status", status, "err", err)
		return s.afterAction(c, newsroom.Errorf(newsroom.ECONFLICT, "the test email was not sent: %s", err.Error()), "/admin/email", "")
	}
	return s.afterAction(c, nil, "/admin/email", fmt.Sprintf("Test email sent to %s: the mail server took it (%d).", u.Email, status))
}
