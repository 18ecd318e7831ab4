package store

import (
	"context"
	"database/sql"

	"gorm.io/gorm"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// notAllowed is the note on an email delivery given up because its person may no longer hear of
// its piece: they were disabled, or given a role that may not see it where it stands.
const notAllowed = "not sent: they may no longer see the piece"

// hearer is the person of an email delivery of a notice as they are now, with the notice's
// piece where it stands now.
type hearer struct {
	ID       int64 // the delivery's
	Email    string
	UserID   int64
	Role     string
	Disabled bool
	WriterID sql.NullInt64
	Stage    sql.NullString
}

// idsPerStatement is the most ids one statement lists: a digest can wait with more deliveries
// than a statement may have variables (32,766 on SQLite), so longer lists go in parts.
const idsPerStatement = 1000

// inParts calls f with ids idsPerStatement at a time, until one fails.
func inParts(ids []int64, f func(part []int64) error) error {
	for len(ids) > 0 {
		part := ids[:min(len(ids), idsPerStatement)]
		if err := f(part); err != nil {
			return err
		}
		ids = ids[len(part):]
	}
	return nil
}

// hearers reads the person now of each email delivery ids, by delivery.
func (s *Store) hearers(ctx context.Context, ids []int64) (map[int64]hearer, error) {
	out := make(map[int64]hearer, len(ids))
	err := inParts(ids, func(part []int64) error {
		var rows []hearer
		err := s.read(ctx).Table("deliveries AS d").
			Select("d.id, u.email, u.id AS user_id, u.role, u.disabled, dr.writer_id, dr.stage").
			Joins("JOIN notifications n ON n.id = d.notification_id").Joins("JOIN users u ON u.id = n.user_id").
			Joins("LEFT JOIN drafts dr ON dr.id = n.draft_id").
			Where("d.id IN ?", part).Scan(&rows).Error
		for _, r := range rows {
			out[r.ID] = r
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// mayHear reports whether h's person may still be told of their notice, which the outbox
// planned when they could (see notify): they may see its piece where it stands now, or, for a
// notice of no piece, they are not disabled. The policy decides, as it did then.
func (s *Store) mayHear(h hearer) bool {
	u := &newsroom.User{ID: h.UserID, Role: newsroom.Role(h.Role), Disabled: h.Disabled}
	if !h.WriterID.Valid {
		return !u.Disabled
	}
	return s.policy.CanSee(u, h.WriterID.Int64, newsroom.Stage(h.Stage.String))
}

// giveUp marks the email deliveries ids, pending or held for the digest and leased by node if
// by anyone, failed with note, using no attempt.
func giveUp(tx *gorm.DB, ids []int64, node, note string) error {
	changes := map[string]any{"status": deliveryFailed, "lease_until": nil, "leased_by": "", "last_error": note}
	return inParts(ids, func(part []int64) error {
		return tx.Model(&deliveryRow{}).Where("id IN ? AND status IN ? AND leased_by = ?", part, []string{deliveryPending, deliveryDigest}, node).
			Updates(changes).Error
	})
}
