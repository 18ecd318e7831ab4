package store

import (
	"time"

	"gorm.io/gorm"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// burst is the unread notification a new notice folds into (see foldBursts): its id, the
// notice it then says, counting the threads with the new one, and the email of it that waits
// to go, if any, which the new one folds into as well.
type burst struct {
	id     int64
	notice newsroom.Notice
	email  *waitingEmail
	folded bool
}

// waitingEmail is an email not yet sent and the payload it takes with the new notice in it.
type waitingEmail struct {
	id      int64
	payload string
}

// foldBursts finds, for each notice of a kind that folds (newsroom.Bursts), the person's unread
// notification of the same piece by the same actor, so that a hundred new threads by one person
// make one notification that counts them and one email, not a hundred of each. It folds only
// into the person's newest notification: their list is in the order notifications were made, and
// a fold into one below others would leave the new thread under them. The email folds into the
// one still waiting (see newsroom.BurstHold); when that has gone, the new notice has an email of
// its own, which the next ones fold into, so each email tells only of what the ones before did
// not. A daily digest's rows are not folded into: the digest job reads them, sends them and marks
// them sent in steps, so a payload changed between would be marked sent unsent, and the digest
// is one email in any case. Each counts the actor's threads on the piece from the one its first event was
// about, the new one included (its row is written by now), so a thread deleted since is not
// counted. It reads inside tx before the events are written, as planOutbox does.
func foldBursts(tx *gorm.DB, o *outbox, now time.Time) error {
	for i := range o.notices {
		n := &o.notices[i]
		if n.emailKind != "" && n.email != nil {
			if err := n.findWaiting(tx, now); err != nil {
				return err
			}
		}
		if !newsroom.Bursts(newsroom.NotificationKind(n.row.Kind)) {
			continue
		}
		var prev []struct{ ID, Threads int64 }
		err := tx.Raw(`SELECT n.id, (`+threadsSinceSQL+`) AS threads FROM notifications n JOIN events e ON e.id = n.event_id
			WHERE n.user_id = ? AND n.draft_id = ? AND n.kind = ? AND n.actor_id = ? AND n.read_at IS NULL
			AND n.id = (SELECT MAX(m.id) FROM notifications m WHERE m.user_id = ?)`,
			n.row.DraftID, n.row.ActorID, n.row.UserID, n.row.DraftID, n.row.Kind, n.row.ActorID, n.row.UserID).Scan(&prev).Error
		if err != nil {
			return err
		}
		if len(prev) == 0 {
			continue
		}
		b := &burst{id: prev[0].ID, notice: newsroom.Burst(n.notice, *n.ev, n.facts, int(prev[0].Threads))}
		if n.email != nil {
			var mail []struct{ ID, Threads int64 }
			err := tx.Raw(`SELECT d.id, (`+threadsSinceSQL+`) AS threads FROM deliveries d JOIN events e ON e.id = d.event_id
				WHERE d.notification_id = ? AND d.channel = ? AND d.status = ? AND d.lease_until IS NULL ORDER BY d.id DESC LIMIT 1`,
				n.row.DraftID, n.row.ActorID, b.id, newsroom.ChannelEmail, deliveryPending).Scan(&mail).Error
			if err != nil {
				return err
			}
			if len(mail) == 1 {
				m := newsroom.Burst(n.notice, *n.ev, n.facts, int(mail[0].Threads))
				b.email = &waitingEmail{id: mail[0].ID, payload: mustJSON(emailPayload{Subject: m.Subject, Text: m.Text, Link: m.Link})}
			}
		}
		n.into = b
	}
	return nil
}

// findWaiting finds, for a notice that took the email of one dropRedundant dropped (see
// outboxNotice.emailKind), the email of the same repeat still waiting out its hold
// (newsroom.EmailHold), so that writing and deleting a thread naming a piece's writer makes one
// email that waits, as new threads without the @name do, not one each round.
func (n *outboxNotice) findWaiting(tx *gorm.DB, now time.Time) error {
	var ids []int64
	err := tx.Raw(`SELECT id FROM deliveries WHERE repeat_key = ? AND channel = ? AND status = ? AND attempts = 0
		AND lease_until IS NULL AND next_at > ? ORDER BY id DESC LIMIT 1`,
		repeatKey(n.ev), newsroom.ChannelEmail, deliveryPending, now).Scan(&ids).Error
	if len(ids) == 1 {
		n.waiting = ids[0]
	}
	return err
}

// foldIntoWaiting writes n's email over the waiting one findWaiting found and reports whether
// it did: not when there is none, nor when it was leased since, when n needs an email of its own.
func (n *outboxNotice) foldIntoWaiting(tx *gorm.DB) (bool, error) {
	if n.waiting == 0 {
		return false, nil
	}
	res := tx.Exec("UPDATE deliveries SET payload = ? WHERE id = ? AND status = ? AND lease_until IS NULL",
		n.email.Payload, n.waiting, deliveryPending)
	return res.RowsAffected == 1, res.Error
}

// threadsSinceSQL counts the threads an actor opened on a piece (the first two arguments) from
// the one event e was about.
const threadsSinceSQL = "SELECT COUNT(*) FROM comments c WHERE c.draft_id = ? AND c.author_id = ? AND c.id >= e.ref_id"

// fold writes the notification r into b, stamped with r's time, and reports whether it did: not
// when there is no b, nor when its person read it, or was told something else, since foldBursts
// found it unread and newest (on PostgreSQL that read is made before the events' lock is taken),
// when r is a notification of its own.
func (b *burst) fold(tx *gorm.DB, r *notificationRow) (bool, error) {
	if b == nil {
		return false, nil
	}
	res := tx.Exec(`UPDATE notifications SET subject = ?, link = ?, created_at = ? WHERE id = ? AND read_at IS NULL
		AND id = (SELECT MAX(m.id) FROM notifications m WHERE m.user_id = ?)`,
		b.notice.Subject, b.notice.Link, r.CreatedAt, b.id, r.UserID)
	if res.Error != nil {
		return false, res.Error
	}
	b.folded = res.RowsAffected == 1
	if b.folded {
		r.ID, r.Subject, r.Link = b.id, b.notice.Subject, b.notice.Link
	}
	return b.folded, nil
}

// foldEmail folds the new notice's email into b's waiting one and reports whether it did: not
// when the notice did not fold, nor when that email was leased or sent since foldBursts found
// it waiting, when the notice needs an email of its own.
func (b *burst) foldEmail(tx *gorm.DB) (bool, error) {
	if b == nil || !b.folded || b.email == nil {
		return false, nil
	}
	res := tx.Exec("UPDATE deliveries SET payload = ? WHERE id = ? AND status = ? AND lease_until IS NULL",
		b.email.payload, b.email.id, deliveryPending)
	return res.RowsAffected == 1, res.Error
}
