package store

import (
	"context"

	"gorm.io/gorm"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// RepeatToldSQL and RepeatKey let the external tests explain the repeat lookup on either
// dialect (storetest cannot be imported by the package's own tests).
const RepeatToldSQL = repeatToldSQL

func RepeatKey(e *newsroom.Event) string { return repeatKey(e) }

// PruneRepeatKeysSQL lets the external tests explain the sweep of repeat keys.
const PruneRepeatKeysSQL = pruneRepeatKeysSQL

// DeleteSharedKeysSQL lets the external tests explain a webhook's deletion of its shared keys.
const DeleteSharedKeysSQL = deleteSharedKeysSQL

// InboxMentionsSQL lets the external tests explain the inbox's mentions on either dialect.
const InboxMentionsSQL = inboxMentionsSQL

// ThreadsWaitingSQL returns the two queries ThreadsWaiting runs for the acting user on draft id,
// the threads' and the mentions', with their values in place, so that the external tests can
// explain them on either dialect.
func (s *Store) ThreadsWaitingSQL(ctx context.Context, id int64) (threads, mentions string) {
	u, sc, db := newsroom.UserFrom(ctx), inboxScope{draftID: id}, s.read(ctx)
	render := func(query string, args []any) string {
		return db.ToSQL(func(tx *gorm.DB) *gorm.DB { return tx.Raw(query, args...) })
	}
	return render(inboxThreadsSQL, s.inboxThreadsArgs(u, sc)), render(inboxMentionsSQL, s.inboxMentionsArgs(u, sc))
}
