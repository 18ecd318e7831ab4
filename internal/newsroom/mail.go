package newsroom

import (
	"net/mail"
	"strings"
	"time"
)

// StartTLS is how the mail client secures its connection to the mail server.
type StartTLS string

// The STARTTLS modes. Required refuses a server that does not offer STARTTLS (the default);
// opportunistic uses it when offered; off never does (a server on the same machine). Port 465
// is implicit TLS whatever the mode.
const (
	StartTLSRequired      StartTLS = "required"
	StartTLSOpportunistic StartTLS = "opportunistic"
	StartTLSOff           StartTLS = "off"
)

// StartTLSModes are the modes in the order the settings page offers them.
var StartTLSModes = []StartTLS{StartTLSRequired, StartTLSOpportunistic, StartTLSOff}

// Secret is a value kept from logs, errors and pages: printed, it shows only whether it is set.
type Secret string

// String hides the secret.
func (s Secret) String() string {
	if s == "" {
		return ""
	}
	return "[hidden]"
}

// GoString hides the secret from %#v as well.
func (s Secret) GoString() string { return s.String() }

// MailSettings is how Copydesk reaches its mail server. Zero fields are unset: a port of 0 is
// DefaultSMTPPort and an empty mode is StartTLSRequired.
type MailSettings struct {
	Host     string
	Port     int
	StartTLS StartTLS
	Username string
	Password Secret
	From     string
}

// DefaultSMTPPort is the mail submission port.
const DefaultSMTPPort = 587

// Configured says whether email can be sent at all: a server and a sender are named.
func (m MailSettings) Configured() bool { return m.Host != "" && m.From != "" }

// Over returns the settings with every field set in m taking the place of base's: the
// command line's settings over the ones an admin saved.
func (m MailSettings) Over(base MailSettings) MailSettings {
	pick := func(a, b string) string {
		if a != "" {
			return a
		}
		return b
	}
	base.Host, base.Username, base.From = pick(m.Host, base.Host), pick(m.Username, base.Username), pick(m.From, base.From)
	base.StartTLS = StartTLS(pick(string(m.StartTLS), string(base.StartTLS)))
	base.Password = Secret(pick(string(m.Password), string(base.Password)))
	if m.Port != 0 {
		base.Port = m.Port
	}
	return base
}

// Normalize fills in the defaults and tidies the names typed.
func (m MailSettings) Normalize() MailSettings {
	m.Host, m.Username, m.From = strings.TrimSpace(m.Host), strings.TrimSpace(m.Username), strings.TrimSpace(m.From)
	if m.Port == 0 {
		m.Port = DefaultSMTPPort
	}
	if m.StartTLS == "" {
		m.StartTLS = StartTLSRequired
	}
	return m
}

// Check says what is wrong with the settings, if anything: an unknown mode, a port out of
// range, a sender that is not one address.
func (m MailSettings) Check() error {
	if m.Port < 0 || m.Port > 65535 {
		return Errorf(EINVALID, "the mail server's port must be between 1 and 65535")
	}
	if m.StartTLS != "" && !validStartTLS(m.StartTLS) {
		return Errorf(EINVALID, "STARTTLS must be required, opportunistic or off, not %q", m.StartTLS)
	}
	if strings.ContainsAny(m.Host, " /:") {
		return Errorf(EINVALID, "the mail server %q should be a host name only, such as smtp.example.org", m.Host)
	}
	if m.From != "" {
		if _, err := ParseEmail(m.From); err != nil {
			return Errorf(EINVALID, "the sender address %q is not an email address", m.From)
		}
	}
	return nil
}

func validStartTLS(mode StartTLS) bool {
	for _, m := range StartTLSModes {
		if m == mode {
			return true
		}
	}
	return false
}

// MaxEmail is the longest email address accepted (RFC 5321's limit on a path).
const MaxEmail = 254

// ParseEmail checks that s is one plain email address ("ana@example.org", not "Ana
// <ana@example.org>" nor two) and returns it normalised: trimmed, its domain lower-cased. An
// empty s is no address, and no error.
func ParseEmail(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", nil
	}
	a, err := mail.ParseAddress(s)
	if err != nil || a.Address != s || a.Name != "" || len(s) > MaxEmail {
		return "", Errorf(EINVALID, "%q is not an email address such as name@example.org", s)
	}
	local, domain, _ := strings.Cut(s, "@")
	if !strings.Contains(domain, ".") && domain != "localhost" {
		return "", Errorf(EINVALID, "%q is not an email address such as name@example.org", s)
	}
	return local + "@" + strings.ToLower(domain), nil
}

// PendingEmail is an address a person asked their email to go to, which waits for them to
// follow the link mailed to it. Until they do, email goes to their confirmed address (or none).
type PendingEmail struct {
	Address     string    `json:"address"`
	RequestedAt time.Time `json:"requested_at"`
	ExpiresAt   time.Time `json:"expires_at"`
}
