package store

import (
	"errors"
	"fmt"
	"os"
)

// errInUse is lockDatabase's answer when another open file holds a lock that conflicts.
var errInUse = errors.New("store: the database is in use")

// lockDatabase locks the file beside the SQLite database at path named path + ".lock", shared
// or exclusive, without waiting, and returns the open lock file: closing it releases the lock,
// and so does the end of the process, however it ends, so no stale lock outlives a crash.
// Every Store on a SQLite file holds a shared lock for as long as it is open, and Restore takes
// the lock exclusively, so it can tell that a server or a command has the database open, which
// SQLite's own locks cannot tell of an idle reader in WAL mode. The lock is on a file of its
// own: a restore renames a new database over the old one, and SQLite's locks on the database
// file are dropped whenever any descriptor of that file in the process is closed.
func lockDatabase(path string, exclusive bool) (*os.File, error) {
	f, err := os.OpenFile(path+".lock", os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("store: lock %s: %w", path, err)
	}
	if err := flock(f, exclusive); err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}
