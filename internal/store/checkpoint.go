package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// Checkpointing on SQLite. A checkpoint copies the WAL's pages into the database file and syncs
// both to disk, two fsyncs of 5 to 50 ms each on a small cloud disk. SQLite's automatic
// checkpoint runs inside the commit that passes 1,000 pages of WAL, on the writer, so every
// request waiting for the writer waited for those fsyncs too: during the benchmark's publishes,
// one commit in twelve checkpointed, and the fsyncs took about half of the writer's time. The
// store checkpoints instead from a connection of its own, beside the writer, which WAL allows;
// the writer keeps its automatic checkpoint only as a bound should that fall behind.
const (
	// checkpointEvery is how often the store's own checkpoint runs.
	checkpointEvery = 250 * time.Millisecond
	// writerCheckpointPages is the WAL's size, in pages, past which the writer's own commit
	// checkpoints as SQLite's default does at 1,000: 32 MB of 4 kB pages.
	writerCheckpointPages = 8192
)

// startCheckpoints raises the writer's automatic checkpoint to writerCheckpointPages and starts
// checkpointing every checkpointEvery on db's other connection, PASSIVE: it copies what no reader
// still needs, never waits for a reader or the writer, and is skipped while a migration or a
// backup has that connection. The function returned stops it and waits for a checkpoint under
// way to end.
func startCheckpoints(writer *sql.Conn, db *sql.DB) (stop func(), err error) {
	if _, err := writer.ExecContext(context.Background(), fmt.Sprintf("PRAGMA wal_autocheckpoint = %d", writerCheckpointPages)); err != nil {
		return nil, err
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		tick := time.NewTicker(checkpointEvery)
		defer tick.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-tick.C:
				// A checkpoint that fails leaves the WAL to the next one, or to the writer's
				// own past writerCheckpointPages; nothing is lost.
				db.ExecContext(ctx, "PRAGMA wal_checkpoint(PASSIVE)")
			}
		}
	}()
	return func() { cancel(); <-done }, nil
}
