package server

import (
	"context"
	"time"

	"github.com/copydesk/copydesk/internal/policy"
)

// ReleaseScheduled publishes every scheduled piece whose time has come, counts the releases in
// the metrics and drops the cached front page and feed, which now list them.
func (s *Server) ReleaseScheduled(ctx context.Context) (int, error) {
	n, err := s.store.ReleaseDue(ctx)
	for range n {
		s.metrics.transitioned(policy.ActionRelease)
	}
	if n > 0 {
		s.cache.clear()
		s.log.InfoContext(ctx, "released scheduled pieces", "count", n)
	}
	return n, err
}

// pruneEvery is how often the scheduler deletes expired sessions, tokens and old sign-in
// failures.
const pruneEvery = 10 * time.Minute

// StartScheduler runs the scheduler (see runScheduler) in the background. The function it
// returns stops the scheduler and waits until it has returned; a release under way finishes
// first, so the store can be closed after it.
func (s *Server) StartScheduler(every time.Duration) (stop func()) {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		s.runScheduler(ctx, every)
	}()
	return func() {
		cancel()
		<-done
	}
}

// runScheduler releases scheduled pieces every interval, and prunes what has expired every
// pruneEvery, until ctx ends. Every server of a newsroom runs it; the store makes sure each
// piece is released once.
func (s *Server) runScheduler(ctx context.Context, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	var pruned time.Time
	for {
		select {
		case <-ctx.Done():
			return
		case now := <-t.C:
			if _, err := s.ReleaseScheduled(ctx); err != nil && ctx.Err() == nil {
				s.log.ErrorContext(ctx, "releasing scheduled pieces", "err", err)
			}
			if now.Sub(pruned) >= pruneEvery {
				pruned = now
				if err := s.store.Prune(ctx); err != nil && ctx.Err() == nil {
					s.log.ErrorContext(ctx, "pruning expired sessions and tokens", "err", err)
				}
			}
		}
	}
}
