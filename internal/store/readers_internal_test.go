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
