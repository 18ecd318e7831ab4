// Package scheduler runs the background jobs of every server process: it releases scheduled
// pieces when their time comes, reads the events other processes on the database recorded so
// that this one's caches follow their changes, indexes saved drafts for search, and prunes what
// has expired. Every server of a
// newsroom runs it; the store makes sure each piece is released once.
package scheduler

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"github.com/copydesk/copydesk/internal/clock"
	"github.com/copydesk/copydesk/internal/store"
)

// Config sets the jobs' intervals. The zero value gives production defaults.
type Config struct {
	// Clock wakes the jobs (default clock.System); tests move a clock.Fake.
	Clock clock.Clock
	// ReleaseEvery is how often due pieces are released (default a second).
	ReleaseEvery time.Duration
	// TailEvery is how often the events table is read for other processes' changes (default a
	// second): the longest a reader of this server sees a page another server has changed.
	TailEvery time.Duration
	// IndexEvery is how often drafts saved and pieces published since the last run are indexed
	// for search (default a second; see store.IndexSearch). A search indexes them itself when it
	// finds any left.
	IndexEvery time.Duration
	// PruneEvery is how often expired sessions, tokens, old sign-in failures and old repeat
	// keys are deleted (default ten minutes; see store.Prune).
	PruneEvery time.Duration
	// Logger receives the releases and every failure (default slog.Default()).
	Logger *slog.Logger
	// Digest, if set, is asked every DigestEvery (default a minute) to send the daily digest
	// when its hour has come (see notify.Digest.Run).
	Digest      func(context.Context) error
	DigestEvery time.Duration
}

// Start runs the jobs on st in the background, each on a goroutine of its own, so that a slow
// one (a digest sent through a mail server that does not answer can take minutes) delays only
// itself: the tail above all must keep its second, or this server's pages and counts lag behind
// the other servers' changes for as long. The function Start returns stops them and waits until
// they have returned; a release under way finishes first, so the store can be closed after it.
func Start(st *store.Store, cfg Config) (stop func()) {
	cfg = cfg.withDefaults()
	j := jobs{st: st, log: cfg.Logger}
	every := []periodic{
		{cfg.ReleaseEvery, j.release},
		{cfg.TailEvery, j.named("reading other servers' events", st.CatchUp)},
		{cfg.IndexEvery, j.named("indexing saved drafts and published pieces for search", st.IndexSearch)},
		{cfg.PruneEvery, j.named("pruning expired sessions, tokens and repeat keys", st.Prune)},
	}
	if cfg.Digest != nil {
		every = append(every, periodic{cfg.DigestEvery, j.named("sending the daily digest", cfg.Digest)})
	}
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	for _, e := range every {
		// The ticker starts here, not in the goroutine, so that a test's clock moved after
		// Start returns always wakes it.
		ticker := cfg.Clock.NewTicker(e.interval)
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer ticker.Stop()
			for {
				select {
				case <-ctx.Done():
					return
				case <-ticker.C():
					e.job(ctx)
				}
			}
		}()
	}
	return func() {
		cancel()
		wg.Wait()
	}
}

func (cfg Config) withDefaults() Config {
	if cfg.Clock == nil {
		cfg.Clock = clock.System
	}
	if cfg.ReleaseEvery <= 0 {
		cfg.ReleaseEvery = time.Second
	}
	if cfg.TailEvery <= 0 {
		cfg.TailEvery = time.Second
	}
	if cfg.IndexEvery <= 0 {
		cfg.IndexEvery = time.Second
	}
	if cfg.PruneEvery <= 0 {
		cfg.PruneEvery = 10 * time.Minute
	}
	if cfg.DigestEvery <= 0 {
		cfg.DigestEvery = time.Minute
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	return cfg
}

// periodic is a job and how often it runs.
type periodic struct {
	interval time.Duration
	job      func(context.Context)
}

// jobs are the scheduler's work on one store.
type jobs struct {
	st  *store.Store
	log *slog.Logger
}

// release publishes every scheduled piece whose time has come. The page cache and the metrics
// hear of each through its released event.
func (j jobs) release(ctx context.Context) {
	n, err := j.st.ReleaseDue(ctx)
	if n > 0 {
		j.log.InfoContext(ctx, "released scheduled pieces", "count", n)
	}
	if err != nil && ctx.Err() == nil {
		j.log.ErrorContext(ctx, "releasing scheduled pieces", "err", err)
	}
}

// named is job, logging a failure as what unless the scheduler is stopping.
func (j jobs) named(what string, job func(context.Context) error) func(context.Context) {
	return func(ctx context.Context) {
		if err := job(ctx); err != nil && ctx.Err() == nil {
			j.log.ErrorContext(ctx, what, "err", err)
		}
	}
}
