package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"gorm.io/gorm"
)

// Close closes the connection pools. On SQLite it first moves everything in the WAL into the
// database file and closes every prepared statement, so that the last connection to close
// deletes the WAL: after a clean shutdown the database file alone holds every committed write,
// ready to be copied or backed up as one file.
func (s *Store) Close() error {
	s.stmts.Range(func(_, st any) bool {
		st.(*sql.Stmt).Close()
		return true
	})
	wdb, _ := s.w.DB()
	if s.pg {
		return wdb.Close()
	}
	rdb, _ := s.r.DB()
	s.wmu.Lock()
	defer s.wmu.Unlock()
	return errors.Join(s.truncateWAL(), closeStatements(s.wc), closeStatements(s.w), closeStatements(s.r),
		s.wconn.Close(), rdb.Close(), wdb.Close(), s.lock.Close())
}

// truncateWAL copies the whole WAL into the database file and empties it, on the pinned writer
// connection (through database/sql, so that GORM caches no statement for it).
func (s *Store) truncateWAL() error {
	ctx := context.Background()
	// A connection whose copy of the schema is out of date, because another one migrated,
	// reloads it while the pragma runs, in a read transaction that the checkpoint then waits
	// for, behind itself, until the busy timeout. Reading the schema first brings it up to date.
	var tables int
	if err := s.wconn.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_master").Scan(&tables); err != nil {
		return fmt.Errorf("store: close: %w", err)
	}
	var busy, logFrames, checkpointed int
	if err := s.wconn.QueryRowContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)").Scan(&busy, &logFrames, &checkpointed); err != nil {
		return fmt.Errorf("store: close: checkpoint: %w", err)
	}
	if busy != 0 {
		return errors.New("store: close: checkpoint: a reader still holds the WAL; it stays beside the database")
	}
	return nil
}

// closeStatements closes the statements GORM prepared on db and waits until they are closed.
// This matters most on the pinned writer connection: database/sql closes the statements of a
// pooled connection along with it, but not those prepared on a sql.Conn, and SQLite keeps a
// connection with a statement left open alive after it is closed, so the WAL was never
// checkpointed and deleted. (GORM's own PreparedStmtDB.Close closes them in goroutines, which
// may run after the connection is gone.)
func closeStatements(db *gorm.DB) error {
	p, ok := db.ConnPool.(*gorm.PreparedStmtDB)
	if !ok {
		return nil
	}
	p.Mux.Lock()
	defer p.Mux.Unlock()
	var errs []error
	for _, key := range p.Stmts.Keys() {
		if st, ok := p.Stmts.Get(key); ok {
			errs = append(errs, st.Close())
		}
		p.Stmts.Delete(key)
	}
	return errors.Join(errs...)
}
