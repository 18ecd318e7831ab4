package newsroom

import (
	"errors"
	"net/netip"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
)

// NotificationKinds are every kind of notification, in the order pages list them.
var NotificationKinds = []NotificationKind{NotifyAssigned, NotifyArrived, NotifyReturned, NotifyCommented,
	NotifyReplied, NotifyMentioned, NotifyDisputed, NotifyPublished}

// Webhook is an outgoing webhook: each notifiable event of the kinds it takes (every kind when
// Kinds is empty) is posted to URL, signed with Secret. Secret is shown once, when the webhook
// is made, and never again.
type Webhook struct {
	ID        int64              `json:"id"`
	Name      string             `json:"name"`
	URL       string             `json:"url"`
	Kinds     []NotificationKind `json:"kinds"`
	Active    bool               `json:"active"`
	CreatedAt time.Time          `json:"created_at"`
	Secret    string             `json:"secret,omitempty"`
}

// NewWebhook is what it takes to add a webhook.
type NewWebhook struct {
	Name  string             `json:"name"`
	URL   string             `json:"url"`
	Kinds []NotificationKind `json:"kinds"`
}

// MaxWebhooks is how many webhooks a newsroom may have, active or paused. Every notifiable
// change writes its posts to each of them inside its own transaction, holding the writer
// meanwhile; thousands of webhooks made every transition fail, their posts past what one SQL
// statement may carry.
const MaxWebhooks = 50

// CheckWebhookCount refuses a new webhook when the newsroom has MaxWebhooks already.
func CheckWebhookCount(have int64) error {
	if have >= MaxWebhooks {
		return Errorf(EINVALID, "a newsroom may have at most %d webhooks; delete one before adding another", MaxWebhooks)
	}
	return nil
}

// Validate checks a new webhook: a name, an http or https URL with a host (see CheckWebhookURL
// for allowLocal), and known kinds.
func (w NewWebhook) Validate(allowLocal bool) error {
	if strings.TrimSpace(w.Name) == "" {
		return Errorf(EINVALID, "name the webhook")
	}
	if err := CheckLine("name", w.Name, 100); err != nil {
		return err
	}
	if err := CheckString("url", w.URL, 2000); err != nil {
		return err
	}
	if err := CheckWebhookURL(w.URL, allowLocal); err != nil {
		return err
	}
	for _, k := range w.Kinds {
		if !slices.Contains(NotificationKinds, k) {
			return Errorf(EINVALID, "unknown notification kind %q", k)
		}
	}
	return nil
}

// LocalWebhookRefused is what a refused post to the local network says: in the delivery log
// when its address is refused as it is dialled, and, with what the operator can do, to whoever
// gives a webhook such an address.
const LocalWebhookRefused = "the webhook's address is in the local network, which this server does not post to"

// CheckWebhookURL checks that raw is an absolute http or https URL with a host: a webhook posts
// nowhere else. Unless allowLocal (the operator's choice: copydesk serve
// --allow-local-webhooks), a webhook posts only to the public internet, so that whoever adds one
// cannot make the server post into its own network (its loopback services, its cloud's metadata
// service); a host that is plainly local, "localhost" or an address LocalAddress refuses, in
// any of the forms a resolver reads as one (see looseIPv4), is refused here, as is a port
// outside 1 to 65535, to which no post could go. A name is only known to be local once resolved, which may change from one post
// to the next: the sender checks each address it dials.
func CheckWebhookURL(raw string, allowLocal bool) error {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return Errorf(EINVALID, "the webhook's URL must be an http or https address, such as https://chat.example.com/hooks/1")
	}
	if p := u.Port(); p != "" {
		if n, err := strconv.Atoi(p); err != nil || n < 1 || n > 65535 {
			return Errorf(EINVALID, "the webhook's port %s is none there can be: ports run from 1 to 65535", p)
		}
	}
	if !allowLocal && localHost(u.Hostname()) {
		return Errorf(EINVALID, "%s; the server's operator can allow local addresses with copydesk serve --allow-local-webhooks", LocalWebhookRefused)
	}
	return nil
}

// localHost reports whether host, as a URL names it, is local by its name alone: localhost
// (and its subdomains, which RFC 6761 reserves for loopback) or a local address.
func localHost(host string) bool {
	name := strings.TrimSuffix(strings.ToLower(host), ".")
	if name == "localhost" || strings.HasSuffix(name, ".localhost") {
		return true
	}
	a, err := netip.ParseAddr(name)
	if err != nil {
		a, err = looseIPv4(name)
	}
	return err == nil && LocalAddress(a)
}

// looseIPv4 reads host as the C library's inet_aton does, and so as the system's resolver may
// when it is handed the host to dial: one to four numbers separated by dots, each decimal,
// octal (a leading 0) or hexadecimal (0x), the last filling the bytes the others leave, so that
// 2130706433, 0x7f000001, 0177.0.0.1 and 127.1 are all 127.0.0.1. Anything else is an error.
func looseIPv4(host string) (netip.Addr, error) {
	parts := strings.Split(host, ".")
	if len(parts) > 4 {
		return netip.Addr{}, errNotAddress
	}
	var b [4]byte
	for i, p := range parts {
		base, digits := 10, p
		switch {
		case len(p) > 1 && (p[:2] == "0x" || p[:2] == "0X"):
			base, digits = 16, p[2:]
		case len(p) > 1 && p[0] == '0':
			base, digits = 8, p[1:]
		}
		v, err := strconv.ParseUint(digits, base, 32)
		if err != nil {
			return netip.Addr{}, errNotAddress
		}
		last := i == len(parts)-1
		width := 1
		if last {
			width = 4 - i
		}
		if v >= 1<<(8*width) {
			return netip.Addr{}, errNotAddress
		}
		for k := width - 1; k >= 0; k-- {
			b[i+k] = byte(v)
			v >>= 8
		}
	}
	return netip.AddrFrom4(b), nil
}

// errNotAddress is looseIPv4's answer for a host that is a name.
var errNotAddress = errors.New("not an IPv4 address")

// DeliveryAttempt is one try at sending a delivery: which server tried, when, whether it went,
// the receiver's status code (HTTP or SMTP) and the error.
type DeliveryAttempt struct {
	Node       string    `json:"node"`
	At         time.Time `json:"at"`
	OK         bool      `json:"ok"`
	StatusCode int       `json:"status_code"`
	Error      string    `json:"error"`
}

// DeliveryLog is a delivery as its log shows it: where it went, how it stands (pending, sent,
// failed or digest), and every attempt.
type DeliveryLog struct {
	ID        int64             `json:"id"`
	Channel   string            `json:"channel"`
	EventID   int64             `json:"event_id"`
	DraftID   int64             `json:"draft_id"`
	Recipient string            `json:"recipient"`
	Subject   string            `json:"subject"`
	Status    string            `json:"status"`
	LastError string            `json:"last_error"`
	CreatedAt time.Time         `json:"created_at"`
	NextAt    *time.Time        `json:"next_at,omitempty"`
	SentAt    *time.Time        `json:"sent_at,omitempty"`
	Attempts  []DeliveryAttempt `json:"attempts"`
}

// NoticeLogEntry is one line of a piece's notification log: who was told what, when, by which
// channel ("app", "email" or "webhook"), and how it went (in the app: delivered or read; by
// email or webhook: pending, sent, failed or digest, with the attempts).
type NoticeLogEntry struct {
	At        time.Time        `json:"at"`
	Channel   string           `json:"channel"`
	Person    *Person          `json:"person,omitempty"`
	Recipient string           `json:"recipient"`
	Kind      NotificationKind `json:"kind"`
	Subject   string           `json:"subject"`
	Status    string           `json:"status"`
	Attempts  int              `json:"attempts"`
	LastError string           `json:"last_error"`
}
