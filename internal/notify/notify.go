// Package notify delivers what the store's outbox holds: a worker on every app server leases
// due deliveries, hands each to its channel (email over SMTP, a signed post to a webhook),
// records the attempt, and retries a failure with backoff. The store wrote each delivery in the
// transaction of the change that caused it, so a crash loses none; the lease makes sure two
// servers do not send the same one at once.
package notify

import (
	"context"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// Channel sends one delivery. Status is the remote side's answer where it has one (an HTTP or
// SMTP status code), for the delivery log; err says the attempt failed and is to be retried.
type Channel interface {
	Send(ctx context.Context, d newsroom.Delivery) (status int, err error)
}
