package store_test

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/store"
)

// openSQLiteAt opens and migrates a store on the SQLite file at path: backups are SQLite's, so
// these tests use SQLite whatever database the rest of the suite runs on.
func openSQLiteAt(t *testing.T, path string) *store.Store {
	t.Helper()
	s, err := store.Open(path, store.Options{PasswordCost: bcrypt.MinCost})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Migrate(context.Background()); err != nil {
		s.Close()
		t.Fatal(err)
	}
	return s
}

// writerOf adds a writer to s and returns a context acting as them.
func writerOf(t *testing.T, s *store.Store, name string) context.Context {
	t.Helper()
	u, err := s.CreateUser(store.AsOperator(context.Background()), store.NewUser{Username: name, Name: name, Role: newsroom.RoleWriter, Password: "pw-" + name + "-staple"})
	if err != nil {
		t.Fatal(err)
	}
	return newsroom.WithUser(context.Background(), u)
}

func count(t *testing.T, db *sql.DB, query string) int {
	t.Helper()
	var n int
	if err := db.QueryRow(query).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}

// TestBackup copies a database while writers keep saving, and checks that the copy is sound
// and holds a consistent snapshot: every draft with its revisions and nothing half-written.
func TestBackup(t *testing.T) {
	dir := t.TempDir()
	s := openSQLiteAt(t, filepath.Join(dir, "live.db"))
	defer s.Close()
	ctx := writerOf(t, s, "sarah")
	for i := range 20 {
		if _, err := s.CreateDraft(ctx, newsroom.Text{Title: fmt.Sprintf("Before %d", i), Body: strings.Repeat("Words. ", 200)}); err != nil {
			t.Fatal(err)
		}
	}
	var stop atomic.Bool
	var created atomic.Int64
	var wg sync.WaitGroup
	errs := make(chan error, 4)
	for w := range 2 {
		wg.Go(func() {
			for i := 0; !stop.Load(); i++ {
				d, err := s.CreateDraft(ctx, newsroom.Text{Title: fmt.Sprintf("During %d-%d", w, i), Body: "One."})
				if err == nil {
					title := "Saved"
					_, err = s.UpdateDraft(ctx, d.ID, newsroom.DraftUpdate{Title: &title, Version: 1})
				}
				if err != nil {
					errs <- err
					return
				}
				created.Add(1)
			}
		})
	}
	for created.Load() < 5 { // the writers are under way
		time.Sleep(time.Millisecond)
	}
	out := filepath.Join(dir, "backup.db")
	err := s.Backup(context.Background(), out)
	during := created.Load()
	stop.Store(true)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatalf("a writer failed during the backup: %v", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	if during == created.Load() {
		t.Log("the writers made no progress while the backup ran")
	}
	if err := store.CheckBackup(context.Background(), out); err != nil {
		t.Fatal(err)
	}
	b, err := sql.Open("sqlite3", "file:"+out+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	n := count(t, b, "SELECT count(*) FROM drafts")
	if n < 20 || n > 20+int(created.Load()) {
		t.Fatalf("backup holds %d drafts, want 20 to %d", n, 20+created.Load())
	}
	if bad := count(t, b, "SELECT count(*) FROM drafts d WHERE d.version != (SELECT count(*) FROM revisions r WHERE r.draft_id = d.id AND r.version IS NOT NULL)"); bad != 0 {
		t.Fatalf("%d drafts in the backup disagree with their revisions", bad)
	}
	if bad := count(t, b, "SELECT count(*) FROM drafts d WHERE NOT EXISTS (SELECT 1 FROM audit a WHERE a.draft_id = d.id)"); bad != 0 {
		t.Fatalf("%d drafts in the backup lack their audit entry", bad)
	}

	t.Run("ErrExists", func(t *testing.T) {
		before, _ := os.ReadFile(out)
		err := s.Backup(context.Background(), out)
		if err == nil || !strings.Contains(err.Error(), "already exists") {
			t.Fatalf("Backup over an existing file = %v", err)
		}
		if after, _ := os.ReadFile(out); !bytes.Equal(before, after) {
			t.Fatal("the existing file was changed")
		}
	})
}

// TestCloseLeavesOneFile closes a store, having used every connection or only migrated (when
// the writer's copy of the schema is out of date): Close succeeds, the -wal and -shm files are
// gone, and a copy of the database file alone holds everything.
func TestCloseLeavesOneFile(t *testing.T) {
	tests := []struct {
		name      string
		use       func(t *testing.T, s *store.Store)
		query     string
		wantCount int
	}{
		{"AfterMigrating", func(*testing.T, *store.Store) {}, "SELECT count(*) FROM sqlite_master WHERE name IN ('goose_db_version', 'drafts')", 2},
		{"AfterWritesAndReads", func(t *testing.T, s *store.Store) {
			ctx := writerOf(t, s, "sarah")
			for i := range 3 {
				d, err := s.CreateDraft(ctx, newsroom.Text{Title: fmt.Sprintf("Draft %d", i+1), Body: "Words."})
				if err != nil {
					t.Fatal(err)
				}
				if _, err := s.GetDraft(ctx, d.ID); err != nil {
					t.Fatal(err)
				}
			}
			if _, err := s.ListDrafts(ctx, newsroom.DraftFilter{}); err != nil {
				t.Fatal(err)
			}
		}, "SELECT count(*) FROM drafts WHERE title LIKE 'Draft _'", 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "copydesk.db")
			s := openSQLiteAt(t, path)
			tt.use(t, s)
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			for _, suffix := range []string{"-wal", "-shm"} {
				if fi, err := os.Stat(path + suffix); err == nil {
					t.Errorf("%s outlived the store: %d bytes", suffix, fi.Size())
				}
			}
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			alone := filepath.Join(t.TempDir(), "alone.db")
			if err := os.WriteFile(alone, data, 0o600); err != nil {
				t.Fatal(err)
			}
			db, err := sql.Open("sqlite3", "file:"+alone+"?mode=ro")
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			if n := count(t, db, tt.query); n != tt.wantCount {
				t.Fatalf("the database file alone: %s = %d, want %d", tt.query, n, tt.wantCount)
			}
		})
	}
}

// TestRestoreRefusesOpenDatabase refuses to restore over a database a store has open, which
// keeps working with every write it acknowledged, and restores once the store is closed.
func TestRestoreRefusesOpenDatabase(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "copydesk.db")
	s := openSQLiteAt(t, path)
	ctx := writerOf(t, s, "sarah")
	if _, err := s.CreateDraft(ctx, newsroom.Text{Title: "Before the backup"}); err != nil {
		t.Fatal(err)
	}
	good := filepath.Join(dir, "good.db")
	if err := s.Backup(context.Background(), good); err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateDraft(ctx, newsroom.Text{Title: "After the backup"}); err != nil {
		t.Fatal(err)
	}
	err := store.Restore(context.Background(), good, path)
	if err == nil || !strings.Contains(err.Error(), "is open in another process") || !strings.Contains(err.Error(), "is left as it was") {
		t.Fatalf("Restore over an open database = %v", err)
	}
	if _, err := s.CreateDraft(ctx, newsroom.Text{Title: "After the refusal"}); err != nil {
		t.Fatal(err)
	}
	if n := count(t, s.DB(), "SELECT count(*) FROM drafts"); n != 3 {
		t.Fatalf("%d drafts after the refused restore, want 3", n)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if err := store.Restore(context.Background(), good, path); err != nil {
		t.Fatalf("Restore once the store is closed: %v", err)
	}
	s = openSQLiteAt(t, path)
	defer s.Close()
	if n := count(t, s.DB(), "SELECT count(*) FROM drafts"); n != 1 {
		t.Fatalf("%d drafts after the restore, want the backup's 1", n)
	}
}

// TestRestore puts a backup back and refuses files that are not sound Copydesk databases,
// leaving the database as it was.
func TestRestore(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "copydesk.db")
	s := openSQLiteAt(t, path)
	ctx := writerOf(t, s, "sarah")
	kept, err := s.CreateDraft(ctx, newsroom.Text{Title: "Kept"})
	if err != nil {
		t.Fatal(err)
	}
	good := filepath.Join(dir, "good.db")
	if err := s.Backup(context.Background(), good); err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateDraft(ctx, newsroom.Text{Title: "After the backup"}); err != nil {
		t.Fatal(err)
	}
	s.Close()

	bad := map[string]func(string) error{
		"ErrGarbage": func(p string) error { return os.WriteFile(p, bytes.Repeat([]byte("not a database "), 500), 0o600) },
		"ErrEmpty":   func(p string) error { return os.WriteFile(p, nil, 0o600) },
		"ErrTruncated": func(p string) error {
			data, err := os.ReadFile(good)
			if err != nil {
				return err
			}
			return os.WriteFile(p, data[:len(data)/2], 0o600)
		},
		"ErrCorruptPage": func(p string) error {
			data, err := os.ReadFile(good)
			if err != nil {
				return err
			}
			for i := 4096; i < 4096+64 && i < len(data); i++ { // scribble over the second page's b-tree header
				data[i] = 0xA5
			}
			return os.WriteFile(p, data, 0o600)
		},
		"ErrNewerCopydesk": func(p string) error {
			data, err := os.ReadFile(good)
			if err != nil {
				return err
			}
			if err := os.WriteFile(p, data, 0o600); err != nil {
				return err
			}
			return migratedPast(p)
		},
		"ErrNotCopydesk": func(p string) error {
			db, err := sql.Open("sqlite3", "file:"+p)
			if err != nil {
				return err
			}
			defer db.Close()
			_, err = db.Exec("CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT)")
			return err
		},
	}
	original, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for name, makeFile := range bad {
		t.Run(name, func(t *testing.T) {
			in := filepath.Join(t.TempDir(), "in.db")
			if err := makeFile(in); err != nil {
				t.Fatal(err)
			}
			err := store.Restore(context.Background(), in, path)
			if err == nil {
				t.Fatal("Restore accepted it")
			}
			if !strings.Contains(err.Error(), "is left as it was") {
				t.Fatalf("error does not say the database is untouched: %v", err)
			}
			if now, _ := os.ReadFile(path); !bytes.Equal(now, original) {
				t.Fatal("the database file changed")
			}
			t.Log(err)
		})
	}
	t.Run("ErrMissing", func(t *testing.T) {
		if err := store.Restore(context.Background(), filepath.Join(dir, "nope.db"), path); err == nil {
			t.Fatal("Restore of a missing file succeeded")
		}
	})
	t.Run("ErrItself", func(t *testing.T) {
		if err := store.Restore(context.Background(), path, path); err == nil {
			t.Fatal("Restore of the database onto itself succeeded")
		}
	})

	t.Run("IntoNewFile", func(t *testing.T) {
		fresh := filepath.Join(t.TempDir(), "fresh.db")
		if err := store.Restore(context.Background(), good, fresh); err != nil {
			t.Fatal(err)
		}
		if err := store.CheckBackup(context.Background(), fresh); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("RoundTrip", func(t *testing.T) {
		if err := store.Restore(context.Background(), good, path); err != nil {
			t.Fatal(err)
		}
		leftovers, _ := filepath.Glob(filepath.Join(dir, ".copydesk.db.restore-*"))
		if len(leftovers) != 0 {
			t.Fatalf("temp files left: %v", leftovers)
		}
		s := openSQLiteAt(t, path)
		defer s.Close()
		if err := store.CheckBackup(context.Background(), path); err != nil {
			t.Fatal(err)
		}
		page, err := s.ListDrafts(ctx, newsroom.DraftFilter{})
		if err != nil {
			t.Fatal(err)
		}
		if len(page.Items) != 1 || page.Items[0].ID != kept.ID || page.Items[0].Title != "Kept" {
			t.Fatalf("restored drafts = %+v, want only %q", page.Items, "Kept")
		}
		// The restored database is live again: it takes writes, and its history is still
		// append-only.
		if _, err := s.CreateDraft(ctx, newsroom.Text{Title: "After the restore"}); err != nil {
			t.Fatal(err)
		}
		if _, err := s.DB().Exec("DELETE FROM audit"); err == nil || !strings.Contains(err.Error(), "append-only") {
			t.Fatalf("DELETE FROM audit after a restore = %v", err)
		}
	})
}

// TestBackupKeepsEveryRevision backs up a database whose revisions are packed in several chains,
// restores the copy in place of another, and reads every revision back from it as it was saved.
func TestBackupKeepsEveryRevision(t *testing.T) {
	dir := t.TempDir()
	s := openSQLiteAt(t, filepath.Join(dir, "live.db"))
	ctx := writerOf(t, s, "sarah")
	rng := rand.New(rand.NewPCG(7, 29))
	d, err := s.CreateDraft(ctx, newsroom.Text{Title: "Backed up", Body: unicodeProse(rng, 3000)})
	if err != nil {
		t.Fatal(err)
	}
	saved := []newsroom.Text{d.Text()}
	for range 60 {
		next := randomEdit(rng, d.Text())
		if d, err = s.UpdateDraft(ctx, d.ID, newsroom.DraftUpdate{Title: &next.Title, Brief: &next.Brief, Body: &next.Body, Topics: &next.Topics, Version: d.Version}); err != nil {
			t.Fatal(err)
		}
		saved = append(saved, d.Text())
	}
	backup := filepath.Join(dir, "backup.db")
	if err := s.Backup(context.Background(), backup); err != nil {
		t.Fatal(err)
	}
	s.Close()
	restored := filepath.Join(dir, "restored.db")
	openSQLiteAt(t, restored).Close()
	if err := store.Restore(context.Background(), backup, restored); err != nil {
		t.Fatal(err)
	}
	r := openSQLiteAt(t, restored)
	defer r.Close()
	for i, want := range saved {
		rev, err := r.Revision(ctx, d.ID, i+1)
		if err != nil {
			t.Fatalf("version %d: %v", i+1, err)
		}
		if !reflect.DeepEqual(*rev.Text, want) {
			t.Fatalf("version %d of the restored copy:\n got %+v\nwant %+v", i+1, *rev.Text, want)
		}
	}
}

// migratedPast marks the Copydesk database at path as migrated by a later Copydesk, one with a
// migration this one does not have.
func migratedPast(path string) error {
	db, err := sql.Open("sqlite3", "file:"+path)
	if err != nil {
		return err
	}
	defer db.Close()
	_, err = db.Exec("INSERT INTO goose_db_version (version_id, is_applied) VALUES (99999, 1)")
	return err
}

// TestMigrateRefusesNewerDatabase: a database a newer Copydesk migrated (a newer version's
// backup, or a downgrade) is refused at start, saying so, rather than served by a Copydesk that
// does not know its tables.
func TestMigrateRefusesNewerDatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "copydesk.db")
	openSQLiteAt(t, path).Close()
	if err := migratedPast(path); err != nil {
		t.Fatal(err)
	}
	s, err := store.Open(path, store.Options{PasswordCost: bcrypt.MinCost})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	_, err = s.Migrate(context.Background())
	if err == nil || !strings.Contains(err.Error(), "migrated by a newer Copydesk (to migration 99999") {
		t.Fatalf("Migrate = %v, want a refusal naming the newer migration", err)
	}
}
