package store

import (
	"context"
	"fmt"
	"slices"
	"time"

	"gorm.io/gorm"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// holdRepeats takes out the immediate email and the webhook posts of a repeated mention or
// assignment (newsroom.Repeats): one whose person was emailed, or a webhook posted, of the same
// one (kind, actor, person, piece and, for an assignment, desk) within newsroom.RepeatQuiet. A
// post of several people mentioned at once keeps those the webhook was not posted of lately, and
// goes only if one is left. The notification is kept, so the person's list still shows each as it
// came, and a digest's row is kept, as a digest is one email a day. A mention that also stands
// for another notice of the same change to the same person at the same place (a new thread on
// their piece, a reply in their thread, which dropRedundant then folds into the mention) is held
// too, and marked held: dropRedundant gives it the email of the notice it drops, which goes as
// that kind's email goes, and foldBursts folds it into the one of the same repeat still waiting,
// so writing and deleting a thread naming a piece's writer neither emails them every round nor
// costs them the email of the thread. It runs before dropRedundant, inside tx, before the events
// are written, so a change's own events are not read as told.
func (s *Store) holdRepeats(tx *gorm.DB, o *outbox) error {
	told := map[*newsroom.Event]*repeatTold{}
	toldOf := func(e *newsroom.Event) (*repeatTold, error) {
		if t, ok := told[e]; ok {
			return t, nil
		}
		t, err := s.toldLately(tx, e)
		told[e] = t
		return t, err
	}
	for i := range o.notices {
		n := &o.notices[i]
		if n.email == nil || n.email.Status != deliveryPending || !newsroom.Repeats(*n.ev) || n.row.UserID != n.ev.SubjectID {
			continue
		}
		t, err := toldOf(n.ev)
		if err != nil {
			return err
		}
		if t.emailed {
			n.email, n.held = nil, true
		}
	}
	var keep []outboxPost
	for _, p := range o.posts {
		var news []*newsroom.Event
		for _, e := range append([]*newsroom.Event{p.ev}, p.more...) {
			if newsroom.Repeats(*e) {
				t, err := toldOf(e)
				if err != nil {
					return err
				}
				if slices.Contains(t.hooks, *p.row.WebhookID) {
					continue
				}
			}
			news = append(news, e)
		}
		if len(news) > 0 {
			p.ev, p.more = news[0], news[1:]
			keep = append(keep, p)
		}
	}
	o.posts = keep
	return nil
}

// repeatTold is whether the person of a repeated event was emailed of the same one lately, and
// the webhooks posted of it.
type repeatTold struct {
	emailed bool
	hooks   []int64
}

// repeatKey names the repeated event e (newsroom.Repeats) on its deliveries: its kind, person,
// piece and actor, and for an assignment its desk. A mention in any comment or reply of the
// piece is the same one.
func repeatKey(e *newsroom.Event) string {
	k := fmt.Sprintf("%s:%d:%d:%d", e.Kind, e.SubjectID, e.DraftID, e.ActorID)
	if e.Kind == newsroom.EventAssigned {
		k += ":" + string(e.Stage)
	}
	return k
}

// repeatToldSQL reads the emails and webhook posts of one repeat key within a time: those whose
// own key it is, and the posts of several people mentioned at once that hold it for a further
// person (delivery_repeat_keys, migration 00052): the posts of the key's event, every webhook's
// or the one webhook's of the row. Held rounds write no delivery, so deliveries_repeats
// (migration 00051), delivery_repeat_keys_key and deliveries_posts bound its cost by the ones
// sent.
const repeatToldSQL = `SELECT channel, webhook_id FROM deliveries
	WHERE repeat_key = ? AND created_at > ? AND created_at <= ? AND status IN (?, ?)
	UNION ALL SELECT d.channel, d.webhook_id FROM delivery_repeat_keys k
	JOIN deliveries d ON d.event_id = k.event_id AND d.channel = 'webhook' AND (k.webhook_id IS NULL OR d.webhook_id = k.webhook_id)
	WHERE k.repeat_key = ? AND k.created_at > ? AND k.created_at <= ? AND d.status IN (?, ?)`

// toldLately reads the emails and webhook posts, pending or sent, of the events the same as e
// within newsroom.RepeatQuiet of now, either side, as newsroom.DisputeToldLately allows
// another server's clock. A failed one (bounced, expired, given up) told nobody, and a
// digest's row is not an email of its own, so neither counts.
func (s *Store) toldLately(tx *gorm.DB, e *newsroom.Event) (*repeatTold, error) {
	now := s.clock()
	key, from, to := repeatKey(e), now.Add(-newsroom.RepeatQuiet), now.Add(newsroom.RepeatQuiet)
	rows, err := queryRaw(tx, repeatToldSQL, key, from, to, deliveryPending, deliverySent, key, from, to, deliveryPending, deliverySent)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	t := &repeatTold{}
	for rows.Next() {
		var channel string
		var hook *int64
		if err := rows.Scan(&channel, &hook); err != nil {
			return nil, err
		}
		switch {
		case channel == newsroom.ChannelEmail:
			t.emailed = true
		case hook != nil:
			t.hooks = append(t.hooks, *hook)
		}
	}
	return t, rows.Err()
}

// pruneRepeatKeys deletes the repeat keys written more than newsroom.RepeatQuiet before now,
// which toldLately no longer reads, pruneKeyBatch rows a transaction, so that the keys of a
// comment naming thousands of people never hold the writer for long at once.
func (s *Store) pruneRepeatKeys(ctx context.Context, now time.Time) error {
	before := now.Add(-newsroom.RepeatQuiet)
	for ctx.Err() == nil {
		var deleted int64
		err := s.transact(ctx, func(tx *gorm.DB) error {
			res := tx.Exec(pruneRepeatKeysSQL, before, pruneKeyBatch)
			deleted = res.RowsAffected
			return res.Error
		})
		if err != nil || deleted < pruneKeyBatch {
			return err
		}
	}
	return ctx.Err()
}

// pruneKeyBatch is how many repeat keys one transaction of pruneRepeatKeys deletes at most.
const pruneKeyBatch = 1000

// pruneRepeatKeysSQL deletes up to a number of the repeat keys written before a time, which
// delivery_repeat_keys_created finds.
const pruneRepeatKeysSQL = `DELETE FROM delivery_repeat_keys WHERE id IN
	(SELECT id FROM delivery_repeat_keys WHERE created_at < ? LIMIT ?)`
