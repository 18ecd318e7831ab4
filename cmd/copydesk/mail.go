package main

import (
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// mailFlags are serve's settings of the mail server. Each one given, as a flag or in the
// environment, wins over what an admin saved on the email settings page, which shows it
// read-only.
type mailFlags struct {
	host, port, starttls, user, passwordFile, from *string
}

func addMailFlags(fs *flag.FlagSet, e env) *mailFlags {
	return &mailFlags{
		host:     fs.String("smtp-host", e.getenv("COPYDESK_SMTP_HOST"), "mail server for email notifications (env COPYDESK_SMTP_HOST); every --smtp- setting given wins over the email settings page"),
		port:     fs.String("smtp-port", e.getenv("COPYDESK_SMTP_PORT"), "its port (env COPYDESK_SMTP_PORT; default 587; 465 is TLS from the start)"),
		starttls: fs.String("smtp-starttls", e.getenv("COPYDESK_SMTP_STARTTLS"), "required, opportunistic or off (env COPYDESK_SMTP_STARTTLS; default required)"),
		user:     fs.String("smtp-user", e.getenv("COPYDESK_SMTP_USER"), "user name for SMTP AUTH (env COPYDESK_SMTP_USER)"),
		passwordFile: fs.String("smtp-password-file", e.getenv("COPYDESK_SMTP_PASSWORD_FILE"),
			"file holding the SMTP AUTH password (env COPYDESK_SMTP_PASSWORD_FILE, or the password itself in COPYDESK_SMTP_PASSWORD)"),
		from: fs.String("smtp-from", e.getenv("COPYDESK_SMTP_FROM"), "sender address of emails, shown under the site's name (env COPYDESK_SMTP_FROM)"),
	}
}

// settings reads the flags, and the password from its file or the environment. Its errors
// never hold the password.
func (f *mailFlags) settings(e env) (newsroom.MailSettings, error) {
	m := newsroom.MailSettings{Host: strings.TrimSpace(*f.host), StartTLS: newsroom.StartTLS(strings.TrimSpace(*f.starttls)),
		Username: strings.TrimSpace(*f.user), From: strings.TrimSpace(*f.from), Password: newsroom.Secret(e.getenv("COPYDESK_SMTP_PASSWORD"))}
	if *f.port != "" {
		p, err := strconv.Atoi(strings.TrimSpace(*f.port))
		if err != nil || p <= 0 {
			return m, fmt.Errorf("--smtp-port: %q is not a port number", *f.port)
		}
		m.Port = p
	}
	if *f.passwordFile != "" {
		b, err := os.ReadFile(*f.passwordFile)
		if err != nil {
			return m, fmt.Errorf("--smtp-password-file: %w", err)
		}
		m.Password = newsroom.Secret(strings.TrimRight(string(b), "\r\n"))
	}
	if err := m.Check(); err != nil {
		return m, fmt.Errorf("--smtp- settings: %s", message(err))
	}
	return m, nil
}
