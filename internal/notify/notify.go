// Package notify delivers what the store's outbox holds: a worker on every app server leases
// due deliveries, hands each to its channel (email over SMTP, a signed post to a webhook),
// records the attempt, and retries a failure with backoff. The store wrote each delivery in the
// transaction of the change that caused it, so a crash loses none; the lease makes sure two
// servers do not send the same one at once.
package notify

import (
	"context"
	"errors"
	"strings"
	"unicode"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// Channel sends one delivery. Status is the remote side's answer where it has one (an HTTP or
// SMTP status code), for the delivery log; err says the attempt failed and is to be retried,
// unless it wraps ErrNotSetUp.
type Channel interface {
	Send(ctx context.Context, d newsroom.Delivery) (status int, err error)
}

// ErrNotSetUp is wrapped by the error of a channel that cannot send because it is not set up
// (no mail server is set). That is no failed attempt: the worker holds the delivery, uses none
// of its attempts, and tries it again later, as it does a channel this server does not have.
var ErrNotSetUp = errors.New("notify: the channel is not set up")

// notSetUp is an error whose text says what is not set up, and which wraps ErrNotSetUp.
type notSetUp string

func (e notSetUp) Error() string { return string(e) }

func (e notSetUp) Unwrap() error { return ErrNotSetUp }

// printable is what a log or a page may repeat of s, text another server wrote: line breaks
// and tabs as spaces, nothing else that does not print (a terminal's escape codes), and at most
// limit characters, with an ellipsis where it was cut.
func printable(s string, limit int) string {
	var b strings.Builder
	n := 0
	for _, r := range s {
		if r == '\n' || r == '\r' || r == '\t' {
			r = ' '
		}
		if !unicode.IsPrint(r) {
			continue
		}
		if n == limit {
			b.WriteString("…")
			break
		}
		b.WriteRune(r)
		n++
	}
	return b.String()
}
