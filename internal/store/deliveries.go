package store

import (
	"context"
	"encoding/json"
	"time"

	"gorm.io/gorm"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// attemptRow is one row of delivery_attempts.
type attemptRow struct {
	ID         int64
	DeliveryID int64
	Node       string
	At         time.Time
	OK         bool
	StatusCode int
	Error      string
}

func (attemptRow) TableName() string { return "delivery_attempts" }

// deliveryLogs turns delivery rows into their log, with every attempt of each.
func deliveryLogs(db *gorm.DB, rows []deliveryRow) ([]newsroom.DeliveryLog, error) {
	out := make([]newsroom.DeliveryLog, len(rows))
	if len(rows) == 0 {
		return out, nil
	}
	ids := make([]int64, len(rows))
	for i, r := range rows {
		ids[i] = r.ID
	}
	var attempts []attemptRow
	if err := db.Session(&gorm.Session{NewDB: true}).Where("delivery_id IN ?", ids).Order("id").Find(&attempts).Error; err != nil {
		return nil, err
	}
	byDelivery := map[int64][]newsroom.DeliveryAttempt{}
	for _, a := range attempts {
		byDelivery[a.DeliveryID] = append(byDelivery[a.DeliveryID], newsroom.DeliveryAttempt{Node: a.Node, At: a.At, OK: a.OK, StatusCode: a.StatusCode, Error: a.Error})
	}
	for i, r := range rows {
		l := newsroom.DeliveryLog{ID: r.ID, Channel: r.Channel, EventID: r.EventID, DraftID: r.DraftID, Recipient: r.Recipient,
			Subject: payloadSubject(r.Payload), Status: r.Status, LastError: r.LastError, CreatedAt: r.CreatedAt, SentAt: r.SentAt,
			Attempts: byDelivery[r.ID]}
		if r.Status == deliveryPending {
			at := r.NextAt
			l.NextAt = &at
		}
		if l.Attempts == nil {
			l.Attempts = []newsroom.DeliveryAttempt{}
		}
		out[i] = l
	}
	return out, nil
}

// payloadSubject is the line a delivery's payload says: an email's subject or a post's text.
func payloadSubject(payload string) string {
	var p struct {
		Subject string `json:"subject"`
		Text    string `json:"text"`
	}
	json.Unmarshal([]byte(payload), &p)
	if p.Subject != "" {
		return p.Subject
	}
	return p.Text
}

// leaseColumns are the columns of a leased delivery.
const leaseColumns = "id, channel, notification_id, webhook_id, event_id, draft_id, recipient, payload, attempts, created_at"

// LeaseDeliveries takes up to n due deliveries of the given channels for node, for lease: those
// pending, due, and not leased by anyone (or whose lease ran out: the node that held it died),
// but none to a paused webhook, which wait until it resumes.
// On PostgreSQL one UPDATE … RETURNING over rows locked with SKIP LOCKED, so that nodes leasing
// at once take different deliveries without waiting for each other; on SQLite the same in the
// single writer's transaction.
func (s *Store) LeaseDeliveries(ctx context.Context, node string, channels []string, n int, lease time.Duration) ([]newsroom.Delivery, error) {
	if len(channels) == 0 || n <= 0 {
		return nil, nil
	}
	now := s.clock()
	skip := ""
	if s.pg {
		skip = " FOR UPDATE SKIP LOCKED"
	}
	query := `UPDATE deliveries SET lease_until = ?, leased_by = ? WHERE id IN (SELECT id FROM deliveries
		WHERE status = ? AND next_at <= ? AND channel IN ? AND (lease_until IS NULL OR lease_until <= ?)
		AND (webhook_id IS NULL OR webhook_id IN (SELECT id FROM webhooks WHERE active))
		ORDER BY next_at, id LIMIT ?` + skip + `) RETURNING ` + leaseColumns
	var rows []deliveryRow
	lease1 := func(tx *gorm.DB) error {
		return tx.Raw(query, now.Add(lease), node, deliveryPending, now, channels, now, n).Scan(&rows).Error
	}
	var err error
	switch {
	case s.pg:
		err = lease1(s.w.WithContext(ctx))
	case s.anyPending(ctx, "channel IN ? AND next_at <= ?", channels, now):
		err = s.transact(ctx, lease1)
	}
	if err != nil {
		return nil, internal("lease deliveries", err)
	}
	if rows, err = s.toAddressesNow(ctx, node, rows); err != nil {
		return nil, internal("lease deliveries", err)
	}
	out := make([]newsroom.Delivery, len(rows))
	for i, r := range rows {
		out[i] = newsroom.Delivery{ID: r.ID, Channel: r.Channel, EventID: r.EventID, DraftID: r.DraftID, Recipient: r.Recipient,
			Payload: r.Payload, Attempts: r.Attempts, CreatedAt: r.CreatedAt}
		if r.NotificationID != nil {
			out[i].NotificationID = *r.NotificationID
		}
		if r.WebhookID != nil {
			out[i].WebhookID = *r.WebhookID
		}
	}
	return out, nil
}

// noAddress is the note on an email delivery given up because its person has no address now.
const noAddress = "not sent: they have no email address now"

// toAddressesNow sends node's leased email deliveries to the address each person has now: a
// delivery waiting for a retry was planned with the address they had then, which they may have
// changed since. One whose person has removed theirs, or may no longer hear of its piece (see
// mayHear), is marked failed with a note, using no attempt, and left out.
func (s *Store) toAddressesNow(ctx context.Context, node string, rows []deliveryRow) ([]deliveryRow, error) {
	var ids []int64
	for _, r := range rows {
		if r.Channel == newsroom.ChannelEmail && r.NotificationID != nil {
			ids = append(ids, r.ID)
		}
	}
	if len(ids) == 0 {
		return rows, nil
	}
	now, err := s.hearers(ctx, ids)
	if err != nil {
		return nil, err
	}
	kept, gone, barred := rows[:0:0], []int64{}, []int64{}
	for _, r := range rows {
		if r.Channel == newsroom.ChannelEmail && r.NotificationID != nil {
			switch h := now[r.ID]; {
			case !s.mayHear(h):
				barred = append(barred, r.ID)
				continue
			case h.Email == "":
				gone = append(gone, r.ID)
				continue
			}
			r.Recipient = now[r.ID].Email
		}
		kept = append(kept, r)
	}
	if len(gone)+len(barred) == 0 {
		return kept, nil
	}
	return kept, s.transact(ctx, func(tx *gorm.DB) error {
		if err := giveUp(tx, gone, node, noAddress); err != nil {
			return err
		}
		return giveUp(tx, barred, node, notAllowed)
	})
}

// Attempt is how one try at sending a delivery went. On failure the delivery is tried again
// after RetryIn, unless Final says it was the last try.
type Attempt struct {
	OK         bool
	StatusCode int
	Error      string
	RetryIn    time.Duration
	Final      bool
}

// maxAttemptError is the most characters of an attempt's error kept in the log.
const maxAttemptError = 500

// RecordAttempt writes node's attempt at delivery id to its log and moves the delivery on:
// sent, failed for good, or pending again after a pause, its lease given back. Only a delivery
// node still holds moves: one whose lease ran out and another node took over (or sent) keeps
// that node's lease and status, and node's attempt is only logged.
func (s *Store) RecordAttempt(ctx context.Context, id int64, node string, a Attempt) error {
	if r := []rune(a.Error); len(r) > maxAttemptError {
		a.Error = string(r[:maxAttemptError-1]) + "…"
	}
	now := s.clock()
	changes := map[string]any{"attempts": gorm.Expr("attempts + 1"), "lease_until": nil, "leased_by": "", "last_error": a.Error}
	switch {
	case a.OK:
		changes["status"], changes["sent_at"] = deliverySent, now
	case a.Final:
		changes["status"] = deliveryFailed
	default:
		changes["next_at"] = now.Add(a.RetryIn)
	}
	return internal("record delivery attempt", s.transact(ctx, func(tx *gorm.DB) error {
		row := attemptRow{DeliveryID: id, Node: node, At: now, OK: a.OK, StatusCode: a.StatusCode, Error: a.Error}
		if err := tx.Create(&row).Error; err != nil {
			return err
		}
		return tx.Model(&deliveryRow{}).Where("id = ? AND status = ? AND leased_by = ?", id, deliveryPending, node).Updates(changes).Error
	}))
}

// HoldDelivery gives back node's lease on delivery id without counting an attempt, notes why it
// waits, and makes it due again after pause: its channel could not send it for not being set up,
// which no retry limit should count.
func (s *Store) HoldDelivery(ctx context.Context, id int64, node, why string, pause time.Duration) error {
	changes := map[string]any{"lease_until": nil, "leased_by": "", "last_error": why, "next_at": s.clock().Add(pause)}
	return internal("hold delivery", s.transact(ctx, func(tx *gorm.DB) error {
		return tx.Model(&deliveryRow{}).Where("id = ? AND status = ? AND leased_by = ?", id, deliveryPending, node).Updates(changes).Error
	}))
}

// HoldUnsent notes on every pending delivery of channel why it waits (its channel is not set
// up on this server), and returns how many it newly marked; those already marked are left, so
// that the note is written once.
func (s *Store) HoldUnsent(ctx context.Context, channel, why string) (int64, error) {
	var n int64
	if !s.anyPending(ctx, "channel = ? AND last_error <> ?", channel, why) {
		return 0, nil
	}
	err := s.transact(ctx, func(tx *gorm.DB) error {
		res := tx.Model(&deliveryRow{}).Where("channel = ? AND status = ? AND last_error <> ?", channel, deliveryPending, why).
			Update("last_error", why)
		n = res.RowsAffected
		return res.Error
	})
	return n, internal("hold deliveries", err)
}

// ExpireDeliveries fails the deliveries of channel still waiting to be sent or to go in a
// digest that were written more than maxAge ago, noting why, and returns how many it failed.
// It keeps a newsroom that has no mail server from piling up email for the day it sets one up,
// which would then send notifications months old.
func (s *Store) ExpireDeliveries(ctx context.Context, channel string, maxAge time.Duration, why string) (int64, error) {
	cutoff := s.clock().Add(-maxAge)
	where := "channel = ? AND status IN ? AND created_at < ?"
	args := []any{channel, []string{deliveryPending, deliveryDigest}, cutoff}
	var ids []int64
	if err := s.read(ctx).Model(&deliveryRow{}).Where(where, args...).Limit(1).Pluck("id", &ids).Error; err != nil || len(ids) == 0 {
		return 0, internal("expire deliveries", err)
	}
	var n int64
	err := s.transact(ctx, func(tx *gorm.DB) error {
		res := tx.Model(&deliveryRow{}).Where(where, args...).Where("lease_until IS NULL OR lease_until <= ?", s.clock()).
			Updates(map[string]any{"status": deliveryFailed, "last_error": why})
		n = res.RowsAffected
		return res.Error
	})
	return n, internal("expire deliveries", err)
}

// anyPending reports, from a read, whether a pending delivery meets the condition where: the
// worker asks it every second, and on SQLite a write transaction that finds nothing would still
// take the one writer from a save. A failed read answers true, leaving the write to find out.
func (s *Store) anyPending(ctx context.Context, where string, args ...any) bool {
	var ids []int64
	err := s.read(ctx).Model(&deliveryRow{}).Where("status = ?", deliveryPending).Where(where, args...).Limit(1).Pluck("id", &ids).Error
	return err != nil || len(ids) > 0
}
