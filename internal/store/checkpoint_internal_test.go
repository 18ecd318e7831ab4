package store

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestCheckpointsBesideTheWriter checks that a write reaches the database file, out of the
// WAL, within a few of the store's own checkpoints, long before the writer's automatic
// checkpoint would copy it (its WAL is far below writerCheckpointPages), and that the writer's
// threshold is raised.
func TestCheckpointsBesideTheWriter(t *testing.T) {
	path := filepath.Join(t.TempDir(), "checkpoints.db")
	s, err := Open(path, Options{PasswordCost: 4})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	if _, err := s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	var pages int
	if err := s.wconn.QueryRowContext(ctx, "PRAGMA wal_autocheckpoint").Scan(&pages); err != nil || pages != writerCheckpointPages {
		t.Fatalf("the writer's wal_autocheckpoint = %d, %v; want %d", pages, err, writerCheckpointPages)
	}
	u, err := s.CreateUser(AsOperator(ctx), NewUser{Username: "sarah", Role: newsroom.RoleWriter, Password: "pw-sarah-staple"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateDraft(newsroom.WithUser(ctx, u), newsroom.Text{Title: "Harbour reopens", Byline: "Sarah", Body: "The harbour reopened."}); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(10 * checkpointEvery)
	for {
		n, err := inDatabaseFile(path, "SELECT count(*) FROM drafts WHERE title = 'Harbour reopens'")
		if err == nil && n == 1 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("the draft is not in the database file %s after it was written (%d rows, %v); want it checkpointed", 10*checkpointEvery, n, err)
		}
		time.Sleep(checkpointEvery / 5)
	}
}

// inDatabaseFile answers a count query from the SQLite database file at path alone, without its
// WAL (immutable=1), on a new connection, since an immutable one never reads the file again.
func inDatabaseFile(path, query string) (n int, err error) {
	file, err := sql.Open(sqliteDriver, "file:"+path+"?mode=ro&immutable=1")
	if err != nil {
		return 0, err
	}
	defer file.Close()
	err = file.QueryRow(query).Scan(&n)
	return n, err
}
