package newsroom

import (
	"net/url"
	"slices"
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

// Validate checks a new webhook: a name, an http or https URL with a host, and known kinds.
func (w NewWebhook) Validate() error {
	if strings.TrimSpace(w.Name) == "" {
		return Errorf(EINVALID, "name the webhook")
	}
	if err := CheckLine("name", w.Name, 100); err != nil {
		return err
	}
	if err := CheckString("url", w.URL, 2000); err != nil {
		return err
	}
	if err := CheckWebhookURL(w.URL); err != nil {
		return err
	}
	for _, k := range w.Kinds {
		if !slices.Contains(NotificationKinds, k) {
			return Errorf(EINVALID, "unknown notification kind %q", k)
		}
	}
	return nil
}

// LocalWebhookRefused is what a post refused as it dialled an address in the local network
// says in the delivery log.
const LocalWebhookRefused = "the webhook's address is in the local network, which this server does not post to"

// CheckWebhookURL checks that raw is an absolute http or https URL with a host: a webhook posts
// nowhere else.
func CheckWebhookURL(raw string) error {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return Errorf(EINVALID, "the webhook's URL must be an http or https address, such as https://chat.example.com/hooks/1")
	}
	return nil
}

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
