package store

import (
	"context"
	"time"

	"gorm.io/gorm"
)

// indexPatience is how long a background run of search indexing waits for the SQLite writer to
// be free of requests before it takes the writer for one batch regardless (see asideTurn).
const indexPatience = 200 * time.Millisecond

// writeTurn runs fn in a write transaction, and says whether its caller may go on to its next
// transaction now, or should leave the rest of its work for its next run.
type writeTurn func(ctx context.Context, fn func(tx *gorm.DB) error) (goOn bool, err error)

// requestTurn is the turn of work a request waits for, such as a search bringing the index up to
// date before it answers: it takes the writer in its turn and always goes on.
func (s *Store) requestTurn(ctx context.Context, fn func(tx *gorm.DB) error) (bool, error) {
	return true, s.transact(ctx, fn)
}

// asideTurn is the turn of background work nobody waits for, such as the scheduler's search
// indexing: it gives way to requests. When no request is waiting for or holding the writer it
// takes the writer and its caller goes on. Otherwise it waits, for at most s.patience, until none
// is, or until the patience runs out, and then takes the writer for this one transaction only:
// its caller stops, leaving the rest to its next run. So a run under writes goes one transaction
// at a time, however often the writer is free for a moment, and waits s.patience at most, which
// keeps the scheduler's other jobs on time.
func (s *Store) asideTurn(ctx context.Context, fn func(tx *gorm.DB) error) (bool, error) {
	free := s.writers.Load() == 0
	if !free {
		s.awaitIdleWriter(ctx, s.patience)
	}
	if err := ctx.Err(); err != nil {
		return false, err
	}
	return free, s.transact(ctx, fn)
}

// awaitIdleWriter waits until no transaction is waiting for or holding the writer, until
// patience runs out, or until ctx ends. It looks every millisecond: a request's wait for the
// writer lasts milliseconds, and a background run can wait that much longer.
func (s *Store) awaitIdleWriter(ctx context.Context, patience time.Duration) {
	tick := time.NewTicker(time.Millisecond)
	defer tick.Stop()
	giveUp := time.NewTimer(patience)
	defer giveUp.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-giveUp.C:
			return
		case <-tick.C:
			if s.writers.Load() == 0 {
				return
			}
		}
	}
}
