package store_test

import (
	"sync"
	"testing"

	"github.com/copydesk/copydesk/internal/store"
	"github.com/copydesk/copydesk/internal/store/storetest"
)

// TestPostgresPoolKeepsItsConnections holds the PostgreSQL pool to keeping, after a burst that
// used every connection, all of them for the next burst: closing the extra ones made the next
// burst start PostgreSQL backends and exchange passwords again, which cut draft reads on two
// app servers to a quarter (docs/performance.md, issue 18's PostgreSQL section).
func TestPostgresPoolKeepsItsConnections(t *testing.T) {
	if !storetest.Postgres() {
		t.Skip("the pool of connections is PostgreSQL's; SQLite's writer and readers are fixed")
	}
	s := mustOpen(t, store.Options{})
	db := s.DB()
	n := db.Stats().MaxOpenConnections
	var wg sync.WaitGroup
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := db.Exec("SELECT pg_sleep(0.2)"); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if st := db.Stats(); st.MaxIdleClosed != 0 || st.Idle != n {
		t.Fatalf("after a burst on all %d connections: %d idle, %d closed for want of idle room", n, st.Idle, st.MaxIdleClosed)
	}
}
