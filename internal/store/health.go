package store

import (
	"context"
	"fmt"
)

// Ping checks that the database answers a query on the writer connection, which every change
// needs. It waits for that connection at most as long as ctx allows.
func (s *Store) Ping(ctx context.Context) error {
	var one int
	if err := s.DB().QueryRowContext(ctx, "SELECT 1").Scan(&one); err != nil {
		return fmt.Errorf("store: ping: %w", err)
	}
	return nil
}
