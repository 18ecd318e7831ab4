package store

import (
	"context"
	"fmt"
	"time"
)

// fullFor is how long Ping reports a full disk after a write failed for want of space, unless
// a write commits first. Past it Ping reports the database ready again, so that a server taken
// out of service for a full disk is not kept out forever once space is freed: the next write
// tells again.
const fullFor = time.Minute

// Ping checks that the database answers a query on the writer connection, which every change
// needs, and that the last write did not find its disk full (EFULL). It waits for that
// connection at most as long as ctx allows.
func (s *Store) Ping(ctx context.Context) error {
	var one int
	if err := s.DB().QueryRowContext(ctx, "SELECT 1").Scan(&one); err != nil {
		return internal("ping", err)
	}
	if at := s.fullAt.Load(); at != 0 && s.clk.Now().Sub(time.Unix(0, at)) < fullFor {
		return errFull
	}
	return nil
}

// noteSpace remembers, for Ping, whether the write transaction that ended with err found the
// disk full, or committed and so found room.
func (s *Store) noteSpace(err error) {
	switch {
	case err == nil:
		s.fullAt.Store(0)
	case diskFull(err):
		s.fullAt.Store(s.clk.Now().UnixNano())
	}
}

// capSize caps the SQLite database at about max bytes (see Options.MaxSize).
func (s *Store) capSize(max int64) error {
	var pageSize int64
	if err := s.wc.Raw("PRAGMA page_size").Scan(&pageSize).Error; err != nil {
		return fmt.Errorf("cap size: %w", err)
	}
	if err := s.wc.Exec(fmt.Sprintf("PRAGMA max_page_count = %d", max/pageSize)).Error; err != nil {
		return fmt.Errorf("cap size: %w", err)
	}
	return nil
}
