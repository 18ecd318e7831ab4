package store

import (
	"context"
	"database/sql"
	"testing"
)

// TestReadersStayOpen takes every reader connection of a SQLite store at once, as a burst of
// requests does, and gives them back: none may be closed, or the next burst pays for opening
// them again (the pragmas, the schema, every statement prepared anew).
func TestReadersStayOpen(t *testing.T) {
	if readers <= 2 {
		t.Skipf("%d readers: database/sql's default of two idle connections would keep them all", readers)
	}
	s := openStore(t, Options{})
	ctx := context.Background()
	rdb, err := s.r.DB()
	if err != nil {
		t.Fatal(err)
	}
	for burst := 0; burst < 3; burst++ {
		conns := make([]*sql.Conn, readers)
		for i := range conns {
			if conns[i], err = rdb.Conn(ctx); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { conns[i].Close() })
			var n int
			if err := conns[i].QueryRowContext(ctx, "SELECT count(*) FROM drafts").Scan(&n); err != nil {
				t.Fatal(err)
			}
		}
		for _, c := range conns {
			if err := c.Close(); err != nil {
				t.Fatal(err)
			}
		}
		st := rdb.Stats()
		if st.MaxIdleClosed != 0 || st.OpenConnections != readers {
			t.Fatalf("after burst %d of %d readers: %d closed as idle, %d open; want 0 closed, %d open",
				burst+1, readers, st.MaxIdleClosed, st.OpenConnections, readers)
		}
	}
}

// TestReadersKeepASmallCache checks that every reader connection of a SQLite store keeps the
// page cache readerCacheKiB says, and the writer SQLite's default.
func TestReadersKeepASmallCache(t *testing.T) {
	s := openStore(t, Options{})
	ctx := context.Background()
	rdb, err := s.r.DB()
	if err != nil {
		t.Fatal(err)
	}
	conns := make([]*sql.Conn, readers)
	for i := range conns {
		if conns[i], err = rdb.Conn(ctx); err != nil {
			t.Fatal(err)
		}
		defer conns[i].Close()
		var size int
		if err := conns[i].QueryRowContext(ctx, "PRAGMA cache_size").Scan(&size); err != nil {
			t.Fatal(err)
		}
		if size != -readerCacheKiB {
			t.Fatalf("reader %d keeps a cache of %d, want %d (KiB)", i, size, -readerCacheKiB)
		}
	}
	var size int
	if err := s.wconn.QueryRowContext(ctx, "PRAGMA cache_size").Scan(&size); err != nil {
		t.Fatal(err)
	}
	if size != -2000 {
		t.Fatalf("the writer keeps a cache of %d, want SQLite's default, -2000 (KiB)", size)
	}
}
