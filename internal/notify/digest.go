package notify

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/copydesk/copydesk/internal/clock"
	"github.com/copydesk/copydesk/internal/store"
)

// DigestLease is how long a server holds the day's digest before another may take it over,
// should the first have died on the way. A run holds it again before each email it sends.
const DigestLease = 10 * time.Minute

// errDigestTaken says another server took over the day's digest while this one sent it: its
// hold lapsed between two emails, which a server paused for longer than DigestLease sees.
var errDigestTaken = errors.New("notify: daily digest: another server took it over; it sends the rest")

// whyDigest is the footer of a digest.
const whyDigest = "You get this digest because you chose one email a day instead of an email each time."

// Digest sends the daily digest: once a day, at the digest hour in the newsroom's time zone,
// each person who chose it gets one email listing what the outbox set aside for them, and those
// deliveries are marked sent. Every server runs it; the store lets one of them at a time.
type Digest struct {
	store *store.Store
	email *Email
	clock clock.Clock
	node  string
}

// NewDigest returns the digest job of one server, sending through email.
func NewDigest(st *store.Store, email *Email, clk clock.Clock) *Digest {
	b := make([]byte, 8)
	rand.Read(b)
	return &Digest{store: st, email: email, clock: clk, node: "digest-" + hex.EncodeToString(b)}
}

// Run sends the day's digests if their hour has come and no server has sent them yet; the
// scheduler calls it every minute. A server that was down at the hour sends them when it comes
// back. A digest that fails stays waiting, and the whole run is tried again once the lease runs
// out, sparing the people whose digest went. A crash between sending someone's digest and
// marking its deliveries sent makes the next try send that one digest again, with the same
// Message-ID.
func (d *Digest) Run(ctx context.Context) error {
	slot, err := d.slot(ctx)
	if err != nil {
		return err
	}
	got, err := d.store.ClaimDigest(ctx, slot, d.node, DigestLease)
	if err != nil || !got {
		return err
	}
	batches, err := d.store.PendingDigests(ctx)
	if err != nil {
		return err
	}
	var failed error
	for _, b := range batches {
		// Holding the run again before each email keeps another server from taking over a
		// run that outlasts the lease, and sending the same digests again.
		held, err := d.store.HoldDigest(ctx, slot, d.node, DigestLease)
		if err != nil {
			return errors.Join(failed, err)
		}
		if !held {
			return errors.Join(failed, errDigestTaken)
		}
		failed = errors.Join(failed, d.send(ctx, slot, b))
	}
	if failed != nil {
		return fmt.Errorf("notify: daily digest: %w", failed)
	}
	return d.store.FinishDigest(ctx, slot, d.node)
}

// slot is the latest digest time that has come: today's at the digest hour in the newsroom's
// zone, or yesterday's before that hour.
func (d *Digest) slot(ctx context.Context) (time.Time, error) {
	hour, err := d.store.DigestHour(ctx)
	if err != nil {
		return time.Time{}, err
	}
	loc, err := d.store.TimeZone(ctx)
	if err != nil {
		return time.Time{}, err
	}
	now := d.clock.Now().In(loc)
	slot := time.Date(now.Year(), now.Month(), now.Day(), hour, 0, 0, 0, loc)
	if now.Before(slot) {
		slot = time.Date(now.Year(), now.Month(), now.Day()-1, hour, 0, 0, 0, loc)
	}
	return slot, nil
}

// send emails one person their digest and records how it went.
func (d *Digest) send(ctx context.Context, slot time.Time, b store.DigestBatch) error {
	var text strings.Builder
	text.WriteString("Here is what happened for you since yesterday's digest:\n")
	ids := make([]int64, len(b.Deliveries))
	for i, dl := range b.Deliveries {
		ids[i] = dl.ID
		var p emailPayload
		if err := json.Unmarshal([]byte(dl.Payload), &p); err != nil {
			return fmt.Errorf("delivery %d: read payload: %w", dl.ID, err)
		}
		fmt.Fprintf(&text, "\n- %s\n  %s\n", p.Subject, d.email.absolute(p.Link))
	}
	status, err := d.email.Mail(ctx, Mail{To: b.To, Subject: fmt.Sprintf("%s: %s since yesterday", d.email.name(), things(len(ids))),
		Text: text.String(), Why: whyDigest, ID: fmt.Sprintf("digest-%d-%s", b.UserID, slot.Format("20060102"))})
	return errors.Join(err, d.store.RecordDigest(ctx, ids, store.DigestAttempt{Node: d.node, Status: status, Err: err}))
}

// things counts in words: "1 thing", "5 things".
func things(n int) string {
	if n == 1 {
		return "1 thing"
	}
	return fmt.Sprintf("%d things", n)
}
