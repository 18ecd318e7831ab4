package notify

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	netmail "net/mail"
	"net/textproto"
	"net/url"
	"strings"
	"time"

	mail "github.com/wneessen/go-mail"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/publish"
)

// DefaultEmailTimeout bounds one send when Email.Timeout is zero.
const DefaultEmailTimeout = 30 * time.Second

// statusAccepted is what a mail server answers a message it took (RFC 5321's 250).
const statusAccepted = 250

// ErrMailNotConfigured says no mail server or sender is set, so no email can go. It wraps
// ErrNotSetUp, so that the worker holds email deliveries until a mail server is set.
var ErrMailNotConfigured error = notSetUp("no mail server is set: give --smtp-host and --smtp-from, or set them on the email settings page")

// Email sends email over SMTP: deliveries from the outbox (Send), and the digest and test
// emails (Mail).
type Email struct {
	// Flags are the mail settings the command line gave; each one set wins over the one Saved
	// returns, which an admin saved. Saved is asked at each send, so that a change an admin saves
	// takes effect without a restart; nil means none.
	Flags newsroom.MailSettings
	Saved func(ctx context.Context) (newsroom.MailSettings, error)
	// SiteName is the sender's display name ("Copydesk" when empty); BaseURL makes the links in
	// emails absolute.
	SiteName string
	BaseURL  string
	// Site, when set, gives the site's name and base URL at each send in place of SiteName and
	// BaseURL, so that emails follow the site settings an admin changes without a restart.
	Site func() publish.Site
	// RootCAs are the certificate authorities trusted for STARTTLS; nil means the system's.
	RootCAs *x509.CertPool
	// Timeout bounds one send: connecting, TLS, AUTH and the message. Zero is DefaultEmailTimeout.
	Timeout time.Duration
}

// Email is the delivery worker's channel for email deliveries.
var _ Channel = (*Email)(nil)

// Mail is one email to one person. ID names it for its Message-ID, so that each try at sending
// the same email carries the same one and a reader's mail program shows a repeat as one.
type Mail struct {
	To      string
	Subject string
	Text    string
	// Link, a path on the site, is put under the text as an absolute URL.
	Link string
	// Why says, in the footer, why the person got it.
	Why string
	// Unchosen marks a mail its address did not choose to get (the link to confirm it, the
	// notice that it was replaced): its footer offers no choice of what comes by email, which
	// is not the address's to make.
	Unchosen bool
	ID       string
}

// emailPayload is what the outbox planner writes for an email delivery.
type emailPayload struct {
	Subject string `json:"subject"`
	Text    string `json:"text"`
	Link    string `json:"link"`
}

// whyNotified is the footer of an email sent for a notification.
const whyNotified = "You get this email because you chose to hear of this by email."

// Send emails one delivery from the outbox to its recipient.
func (e *Email) Send(ctx context.Context, d newsroom.Delivery) (int, error) {
	var p emailPayload
	if err := json.Unmarshal([]byte(d.Payload), &p); err != nil {
		return 0, fmt.Errorf("notify: email delivery %d: read payload: %w", d.ID, err)
	}
	return e.Mail(ctx, Mail{To: d.Recipient, Subject: p.Subject, Text: p.Text, Link: p.Link, Why: whyNotified,
		ID: fmt.Sprintf("delivery-%d", d.ID)})
}

// Mail sends one email and returns the mail server's status code: 250 when it took the
// message, its refusal's code (4xx or 5xx) when it refused, and 0 when there was no answer
// (no connection, no TLS). An error means the email did not go and is worth trying again.
func (e *Email) Mail(ctx context.Context, m Mail) (int, error) {
	set, err := e.InForce(ctx)
	if err != nil {
		return 0, err
	}
	if !set.Configured() {
		return 0, ErrMailNotConfigured
	}
	msg, err := e.message(set, m)
	if err != nil {
		return 0, err
	}
	ctx, cancel := context.WithTimeout(ctx, e.timeout())
	defer cancel()
	client, err := e.client(ctx, set)
	if err != nil {
		return 0, fmt.Errorf("notify: mail client for %s: %w", set.Host, err)
	}
	// The errors leave out the recipient: a delivery's row names its person already, and the
	// error is kept in logs that others read.
	conn, err := client.DialToSMTPClientWithContext(ctx)
	if err != nil {
		return statusCode(err), fmt.Errorf("notify: email via %s:%d: %w", set.Host, set.Port, clipped{err})
	}
	err = client.SendWithSMTPClient(conn, msg)
	// The message is the server's once it answered the data with 250 (go-mail marks it
	// delivered then): a server that hangs up after that, or refuses the RSET go-mail sends
	// next or the QUIT, has still taken it, and sending it again would deliver it twice. What
	// closing says is of no use after a send either way.
	_ = client.CloseWithSMTPClient(conn)
	if err != nil && !msg.IsDelivered() {
		return statusCode(err), fmt.Errorf("notify: email via %s:%d: %w", set.Host, set.Port, clipped{err})
	}
	return statusAccepted, nil
}

// InForce returns the mail settings in force: the command line's over the saved ones, with the
// defaults filled in.
func (e *Email) InForce(ctx context.Context) (newsroom.MailSettings, error) {
	var saved newsroom.MailSettings
	if e.Saved != nil {
		var err error
		if saved, err = e.Saved(ctx); err != nil {
			return saved, fmt.Errorf("notify: read mail settings: %w", err)
		}
	}
	return e.Flags.Over(saved).Normalize(), nil
}

// message builds the email: plain text, the link made absolute, a footer saying why it came
// and where to change that, and headers that mark it as sent by a machine.
func (e *Email) message(set newsroom.MailSettings, m Mail) (*mail.Msg, error) {
	msg := mail.NewMsg()
	// The site's name goes in as an address's name, which the header then quotes and escapes:
	// pasted between quotes as it is (go-mail's FromFormat), a name's own double quotes and
	// backslashes would be read as the quoting's and lost.
	from, err := netmail.ParseAddress(set.From)
	if err != nil {
		return nil, fmt.Errorf("notify: sender %q: %w", set.From, err)
	}
	from.Name = e.name()
	msg.FromMailAddress(from)
	if err := msg.To(m.To); err != nil {
		return nil, fmt.Errorf("notify: recipient %q: %w", m.To, err)
	}
	msg.Subject(m.Subject)
	msg.SetMessageIDWithValue("copydesk." + m.ID + "@" + e.domain())
	msg.SetGenHeader("Auto-Submitted", "auto-generated")
	msg.SetDate()
	msg.SetBodyString(mail.TypeTextPlain, e.body(m))
	return msg, nil
}

// name is the site's name, as emails are signed.
func (e *Email) name() string {
	name := e.SiteName
	if e.Site != nil {
		name = e.Site().Name
	}
	if name == "" {
		return "Copydesk"
	}
	return name
}

// baseURL is the site's base URL, which links in emails start with.
func (e *Email) baseURL() string {
	if e.Site != nil {
		return e.Site().BaseURL
	}
	return e.BaseURL
}

// body is the email's text.
func (e *Email) body(m Mail) string {
	var b strings.Builder
	b.WriteString(strings.TrimSpace(m.Text))
	b.WriteString("\n")
	if m.Link != "" {
		b.WriteString("\n" + e.absolute(m.Link) + "\n")
	}
	b.WriteString("\n-- \n")
	if m.Why != "" {
		b.WriteString(m.Why + "\n")
	}
	if !m.Unchosen {
		b.WriteString("Choose what you get by email, or one daily digest instead, on your account page: " + e.absolute("/account") + "\n")
	}
	return b.String()
}

// absolute joins a path on the site to its base URL.
func (e *Email) absolute(path string) string {
	return strings.TrimRight(e.baseURL(), "/") + "/" + strings.TrimLeft(path, "/")
}

// domain is the right-hand side of Message-IDs: the site's host name.
func (e *Email) domain() string {
	if u, err := url.Parse(e.baseURL()); err == nil && u.Hostname() != "" {
		return u.Hostname()
	}
	return "copydesk.invalid"
}

// client makes a mail client for the settings: implicit TLS on port 465, else STARTTLS as
// the settings say, and AUTH (the strongest mechanism both sides know) when a user is set. Its
// connection ends at ctx's deadline (see dialer).
func (e *Email) client(ctx context.Context, set newsroom.MailSettings) (*mail.Client, error) {
	tlsConf := &tls.Config{ServerName: set.Host, RootCAs: e.RootCAs, MinVersion: tls.VersionTLS12}
	opts := []mail.Option{
		mail.WithPort(set.Port), mail.WithTimeout(e.timeout()), mail.WithTLSConfig(tlsConf),
		mail.WithDialContextFunc(e.dialer(ctx, set.Port == 465, tlsConf)),
	}
	if set.Port == 465 {
		// The dialer made the connection TLS already; opportunistic asks for no STARTTLS on it
		// and lets the client see the connection is encrypted, so that AUTH may use PLAIN.
		opts = append(opts, mail.WithTLSPolicy(mail.TLSOpportunistic))
	} else {
		opts = append(opts, mail.WithTLSPolicy(tlsPolicy(set.StartTLS)))
	}
	if set.Username != "" {
		opts = append(opts, mail.WithSMTPAuth(mail.SMTPAuthAutoDiscover), mail.WithUsername(set.Username),
			mail.WithPassword(string(set.Password)))
	}
	return mail.NewClient(set.Host, opts...)
}

// dialer connects to the mail server with a connection that ends at send's deadline, over TLS
// from the start when implicit says so. The mail client sets a deadline of its own timeout at
// each step of a send, later than send's when the worker gave a shorter one: a server that
// answers slowly at each step would then hold the send past the worker's lease, and another
// server would send the same email again.
func (e *Email) dialer(send context.Context, implicit bool, conf *tls.Config) mail.DialContextFunc {
	return func(ctx context.Context, network, addr string) (net.Conn, error) {
		var d net.Dialer
		raw, err := d.DialContext(ctx, network, addr)
		if err != nil {
			return nil, err
		}
		end, _ := send.Deadline()
		var conn net.Conn = &deadlineConn{Conn: raw, end: end, left: maxServerBytes}
		if err := conn.SetDeadline(end); err != nil {
			raw.Close()
			return nil, err
		}
		if implicit {
			tc := tls.Client(conn, conf)
			if err := tc.HandshakeContext(ctx); err != nil {
				raw.Close()
				return nil, err
			}
			conn = tc
		}
		return conn, nil
	}
}

// maxServerBytes is the most a mail server may send in one session. Its greeting, its answers
// to EHLO, AUTH and the message, and a TLS handshake's certificates come to a few kilobytes;
// the mail client keeps every line of a multi-line answer, so a server that answered without
// end would otherwise grow the server's memory until the send's deadline.
const maxServerBytes = 1 << 20

// errTooMuch ends a session whose mail server sent more than maxServerBytes.
var errTooMuch = fmt.Errorf("the mail server sent more than %d bytes", maxServerBytes)

// deadlineConn is a connection whose deadlines never fall after end, and which reads at most
// left more bytes.
type deadlineConn struct {
	net.Conn
	end  time.Time
	left int
}

func (c *deadlineConn) SetDeadline(t time.Time) error     { return c.Conn.SetDeadline(c.bound(t)) }
func (c *deadlineConn) SetReadDeadline(t time.Time) error { return c.Conn.SetReadDeadline(c.bound(t)) }
func (c *deadlineConn) SetWriteDeadline(t time.Time) error {
	return c.Conn.SetWriteDeadline(c.bound(t))
}

func (c *deadlineConn) Read(p []byte) (int, error) {
	if c.left <= 0 {
		return 0, errTooMuch
	}
	n, err := c.Conn.Read(p[:min(len(p), c.left)])
	c.left -= n
	return n, err
}

// bound is the earlier of t and end; a zero t (no deadline) or zero end (none given) leaves the other.
func (c *deadlineConn) bound(t time.Time) time.Time {
	if c.end.IsZero() || !t.IsZero() && t.Before(c.end) {
		return t
	}
	return c.end
}

// timeout bounds each step of a send (connecting, then each exchange with the server) and
// the whole of it.
func (e *Email) timeout() time.Duration {
	if e.Timeout == 0 {
		return DefaultEmailTimeout
	}
	return e.Timeout
}

func tlsPolicy(mode newsroom.StartTLS) mail.TLSPolicy {
	switch mode {
	case newsroom.StartTLSOpportunistic:
		return mail.TLSOpportunistic
	case newsroom.StartTLSOff:
		return mail.NoTLS
	}
	return mail.TLSMandatory
}

// statusCode finds the mail server's status code in a failed send, or 0 if it never answered.
func statusCode(err error) int {
	var se *mail.SendError
	if errors.As(err, &se) && se.ErrorCode() != 0 {
		return se.ErrorCode()
	}
	var te *textproto.Error
	if errors.As(err, &te) {
		return te.Code
	}
	return 0
}

// maxErrorText is the most characters of a failed send's error that are kept.
const maxErrorText = 300

// clipped is a failed send's error as logs, the attempts log and the email settings page repeat
// it: the mail server's answers are in it, and they are the server's to write, so it keeps
// maxErrorText printable characters of them. The error itself stays underneath for errors.As.
type clipped struct{ err error }

func (c clipped) Unwrap() error { return c.err }

func (c clipped) Error() string { return printable(c.err.Error(), maxErrorText) }
