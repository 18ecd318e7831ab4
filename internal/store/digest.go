package store

import (
	"context"
	"encoding/json"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// keySMTPDigestRun is the settings row through which app servers take turns at the daily
// digest (see ClaimDigest).
const keySMTPDigestRun = "smtp.digest_run"

// digestRun is the value of the digest's settings row: the slot (the day's digest time) last
// taken, which server took it and until when, and whether it went out.
type digestRun struct {
	Slot  time.Time `json:"slot"`
	Node  string    `json:"node"`
	Until time.Time `json:"until"`
	Done  bool      `json:"done"`
}

// ClaimDigest takes the digest of slot for server node until lease has passed, and says
// whether it got it: it does unless slot's digest went out already or a server holds it still
// (node itself too: a run that failed is tried again once its lease runs out). A holder whose
// lease ran out (its server died) loses it to the next to ask, which sends the digests the first
// had not marked sent. Servers asking at once take turns on the row.
func (s *Store) ClaimDigest(ctx context.Context, slot time.Time, node string, lease time.Duration) (bool, error) {
	now, got := s.clock(), false
	// Most minutes the day's digest went out already: a read says so without a write.
	v, err := s.settingsLike(ctx, keySMTPDigestRun)
	if err != nil {
		return false, internal("read the daily digest's run", err)
	}
	var seen digestRun
	if json.Unmarshal([]byte(v[keySMTPDigestRun]), &seen) == nil && seen.taken(slot, now) {
		return false, nil
	}
	err = s.tx(ctx, func(tx *gorm.DB) error {
		run, err := s.lockDigestRun(tx, now)
		if err != nil || run.taken(slot, now) {
			return err
		}
		got = true
		return writeDigestRun(tx, digestRun{Slot: slot, Node: node, Until: now.Add(lease)}, now)
	})
	return got, internal("claim the daily digest", err)
}

// taken says whether the run leaves slot's digest to nobody else at now: it went out, or its
// holder's lease still runs, or a later slot's was taken.
func (run digestRun) taken(slot, now time.Time) bool {
	return run.Slot.After(slot) || run.Slot.Equal(slot) && (run.Done || run.Until.After(now))
}

// HoldDigest extends node's hold on slot's digest until lease has passed from now, and says
// whether node still holds it: a run asks before each email, so that it keeps the digest for as
// long as it makes progress, however many people it has to write to, and stops once another
// server has taken it over. A hold that ran out with nobody taking it over is still node's.
func (s *Store) HoldDigest(ctx context.Context, slot time.Time, node string, lease time.Duration) (bool, error) {
	now, held := s.clock(), false
	err := s.tx(ctx, func(tx *gorm.DB) error {
		run, err := s.lockDigestRun(tx, now)
		if err != nil || !run.Slot.Equal(slot) || run.Node != node || run.Done {
			return err
		}
		held, run.Until = true, now.Add(lease)
		return writeDigestRun(tx, run, now)
	})
	return held, internal("hold the daily digest", err)
}

// FinishDigest records that slot's digest went out, if node still holds it.
func (s *Store) FinishDigest(ctx context.Context, slot time.Time, node string) error {
	now := s.clock()
	return internal("finish the daily digest", s.tx(ctx, func(tx *gorm.DB) error {
		run, err := s.lockDigestRun(tx, now)
		if err != nil || !run.Slot.Equal(slot) || run.Node != node {
			return err
		}
		run.Done = true
		return writeDigestRun(tx, run, now)
	}))
}

// lockDigestRun reads the digest's row inside tx, making it first, and locks it until tx ends.
func (s *Store) lockDigestRun(tx *gorm.DB, now time.Time) (digestRun, error) {
	err := tx.Clauses(clause.OnConflict{DoNothing: true}).Create(&settingRow{Key: keySMTPDigestRun, Value: "{}", UpdatedAt: now}).Error
	if err != nil {
		return digestRun{}, err
	}
	var row settingRow
	if err := s.forUpdate(tx, "settings").Where("key = ?", keySMTPDigestRun).Take(&row).Error; err != nil {
		return digestRun{}, err
	}
	var run digestRun
	if err := json.Unmarshal([]byte(row.Value), &run); err != nil {
		return digestRun{}, err
	}
	return run, nil
}

func writeDigestRun(tx *gorm.DB, run digestRun, now time.Time) error {
	v, err := json.Marshal(run)
	if err != nil {
		return err
	}
	return tx.Model(&settingRow{}).Where("key = ?", keySMTPDigestRun).Updates(map[string]any{"value": string(v), "updated_at": now}).Error
}

// DigestBatch is one person's email deliveries set aside for their daily digest, oldest first,
// and the address they have now.
type DigestBatch struct {
	UserID     int64
	To         string
	Deliveries []newsroom.Delivery
}

// PendingDigests returns each person's email deliveries waiting for the daily digest, to the
// address each has now: the one a delivery was planned with may since have been changed. Those
// who have no address now are left out, their deliveries waiting for one. A delivery whose
// person may no longer hear of its piece (see mayHear) is marked failed with a note instead.
func (s *Store) PendingDigests(ctx context.Context) ([]DigestBatch, error) {
	var rows []struct {
		newsroom.Delivery `gorm:"embedded"`
		UserID            int64
	}
	err := s.read(ctx).Table("deliveries AS d").
		Select("d.id, d.channel, d.notification_id, d.event_id, d.draft_id, u.email AS recipient, d.payload, d.attempts, d.created_at, n.user_id").
		Joins("JOIN notifications n ON n.id = d.notification_id").Joins("JOIN users u ON u.id = n.user_id").
		Where("d.status = ? AND d.channel = ? AND u.email <> ''", "digest", newsroom.ChannelEmail).Order("n.user_id, d.id").Scan(&rows).Error
	if err != nil {
		return nil, internal("read pending digests", err)
	}
	ids := make([]int64, len(rows))
	for i, r := range rows {
		ids[i] = r.ID
	}
	now, err := s.hearers(ctx, ids)
	if err != nil {
		return nil, internal("read pending digests", err)
	}
	var out []DigestBatch
	var barred []int64
	for _, r := range rows {
		if !s.mayHear(now[r.ID]) {
			barred = append(barred, r.ID)
			continue
		}
		if len(out) == 0 || out[len(out)-1].UserID != r.UserID {
			out = append(out, DigestBatch{UserID: r.UserID})
		}
		b := &out[len(out)-1]
		b.To, b.Deliveries = r.Recipient, append(b.Deliveries, r.Delivery)
	}
	if len(barred) > 0 {
		err = s.transact(ctx, func(tx *gorm.DB) error { return giveUp(tx, barred, "", notAllowed) })
	}
	return out, internal("give up digests", err)
}

// DigestAttempt is how sending one person's digest went: the mail server's status code, and
// the error when it failed.
type DigestAttempt struct {
	Node   string
	Status int
	Err    error
}

// RecordDigest records an attempt at sending a digest of the deliveries ids, in one
// transaction: each gets an attempt in its log, and on success is marked sent. A delivery marked
// sent already (by a server that took over) is left as it is. The ids go in parts (see inParts).
func (s *Store) RecordDigest(ctx context.Context, ids []int64, a DigestAttempt) error {
	now := s.clock()
	msg := ""
	if a.Err != nil {
		msg = a.Err.Error()
	}
	return internal("record a digest", s.tx(ctx, func(tx *gorm.DB) error {
		upd := map[string]any{"attempts": gorm.Expr("attempts + 1"), "last_error": msg}
		if a.Err == nil {
			upd["status"], upd["sent_at"] = "sent", now
		}
		return inParts(ids, func(part []int64) error {
			res := tx.Table("deliveries").Where("id IN ? AND status = ?", part, "digest").Updates(upd)
			if res.Error != nil || res.RowsAffected == 0 {
				return res.Error
			}
			attempts := make([]map[string]any, len(part))
			for i, id := range part {
				attempts[i] = map[string]any{"delivery_id": id, "node": a.Node, "at": now, "ok": a.Err == nil, "status_code": a.Status, "error": msg}
			}
			return tx.Table("delivery_attempts").Create(attempts).Error
		})
	}))
}
