//go:build unix

package store_test

import (
	"context"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/copydesk/copydesk/internal/store"
)

// TestDatabaseFilesPrivate: the SQLite database and a backup of it hold what no other account
// on the machine may read (password hashes, the mail server's password, webhook secrets,
// unpublished drafts), so they are made readable by their owner alone, whatever the umask
// lets files be made with: here the common 022, which leaves files readable by everyone.
func TestDatabaseFilesPrivate(t *testing.T) {
	defer syscall.Umask(syscall.Umask(0o022))
	dir := t.TempDir()
	db := filepath.Join(dir, "newsroom.db")
	s := openSQLiteAt(t, db)
	defer s.Close()
	writerOf(t, s, "sarah")
	backup := filepath.Join(dir, "backup.db")
	if err := s.Backup(context.Background(), backup); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{db, db + "-wal", backup} {
		info, err := os.Stat(f)
		if err != nil {
			t.Fatal(err)
		}
		if perm := info.Mode().Perm(); perm&0o077 != 0 {
			t.Errorf("%s is made %v, readable by others", filepath.Base(f), perm)
		}
	}
}

// TestRestoredDatabasePrivate: a restore renames its copy of the backup over the database, so
// the copy is made readable by its owner alone, whether it replaces a database or makes the
// first one at its path, and the WAL and shared memory that SQLite makes beside it follow it.
func TestRestoredDatabasePrivate(t *testing.T) {
	defer syscall.Umask(syscall.Umask(0o022))
	dir := t.TempDir()
	db := filepath.Join(dir, "newsroom.db")
	s := openSQLiteAt(t, db)
	writerOf(t, s, "sarah")
	backup := filepath.Join(dir, "backup.db")
	if err := s.Backup(context.Background(), backup); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	for name, path := range map[string]string{"OverDatabase": db, "FreshPath": filepath.Join(dir, "fresh.db")} {
		t.Run(name, func(t *testing.T) {
			if err := store.Restore(context.Background(), backup, path); err != nil {
				t.Fatal(err)
			}
			s := openSQLiteAt(t, path)
			defer s.Close()
			for _, f := range []string{path, path + "-wal", path + "-shm"} {
				info, err := os.Stat(f)
				if err != nil {
					t.Fatal(err)
				}
				if perm := info.Mode().Perm(); perm&0o077 != 0 {
					t.Errorf("%s is made %v, readable by others", filepath.Base(f), perm)
				}
			}
		})
	}
}
