package server

import (
	"context"
	"time"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// ReleaseScheduled publishes every scheduled piece whose time has come, counts the releases in
// the metrics and drops the cached front page and feed, which now list them.
func (s *Server) ReleaseScheduled(ctx context.Context) (int, error) {
	n, err := s.store.ReleaseDue(ctx)
	for range n {
		s.metrics.transitioned(newsroom.ActionRelease)
	}
	if n > 0 {
		s.public.clear()
		s.log.InfoContext(ctx, "released scheduled pieces", "count", n)
	}
	return n, err
}

// RunScheduler releases scheduled pieces every interval until ctx ends. Every server of a
// newsroom runs it; the store makes sure each piece is released once.
func (s *Server) RunScheduler(ctx context.Context, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if _, err := s.ReleaseScheduled(ctx); err != nil && ctx.Err() == nil {
				s.log.ErrorContext(ctx, "releasing scheduled pieces", "err", err)
			}
		}
	}
}
