package store

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestOpenDuringRestore refuses to open a SQLite database while a restore holds its lock, and
// opens it once the lock is released.
func TestOpenDuringRestore(t *testing.T) {
	path := filepath.Join(t.TempDir(), "copydesk.db")
	restoring, err := lockDatabase(path, true)
	if err != nil {
		t.Fatal(err)
	}
	if s, err := Open(path, Options{}); err == nil || !strings.Contains(err.Error(), "a restore is replacing it") {
		if s != nil {
			s.Close()
		}
		t.Fatalf("Open during a restore = %v", err)
	}
	restoring.Close()
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatalf("Open after the restore: %v", err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
}
