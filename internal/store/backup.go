package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/mattn/go-sqlite3"
	"github.com/pressly/goose/v3"

	"github.com/copydesk/copydesk/migrations"
)

// Backup writes a consistent copy of the live SQLite database to out with VACUUM INTO: one
// read transaction sees a single snapshot while writers carry on beside it (WAL), and the copy
// comes out compacted. It refuses to overwrite out, and checks the copy before returning.
// PostgreSQL databases are backed up with pg_dump instead.
func (s *Store) Backup(ctx context.Context, out string) error {
	if s.pg {
		return errors.New("store: backup: this is a PostgreSQL database; back it up with pg_dump")
	}
	// The copy is made on a connection of its own, so the single writer connection stays free
	// for the newsroom meanwhile. (The readers' query_only would refuse VACUUM INTO.)
	var seq int
	var name, file string
	if err := s.read(ctx).Raw("PRAGMA database_list").Row().Scan(&seq, &name, &file); err != nil {
		return fmt.Errorf("store: backup: %w", err)
	}
	db, err := sql.Open("sqlite3", fileURI(file, "_busy_timeout=10000"))
	if err != nil {
		return fmt.Errorf("store: backup: %w", err)
	}
	defer db.Close()
	// The copy goes into an empty file made for it, readable by its owner alone (see
	// createPrivate), which VACUUM INTO fills as it would a file of its own making.
	if err := createPrivate(out, true); errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("store: backup: %s already exists; back up to a new file", out)
	} else if err != nil {
		return fmt.Errorf("store: backup: %w", err)
	}
	if _, err := db.ExecContext(ctx, "VACUUM INTO ?", out); err != nil {
		os.Remove(out)
		return fmt.Errorf("store: backup to %s: %w", out, err)
	}
	if err := syncFile(out); err != nil {
		return fmt.Errorf("store: backup: %w", err)
	}
	if err := CheckBackup(ctx, out); err != nil {
		os.Remove(out)
		return err
	}
	return nil
}

// CheckBackup checks that path holds a sound Copydesk SQLite database: PRAGMA integrity_check
// says ok, and it has the migrations table and the drafts table. It opens the file read-only.
func CheckBackup(ctx context.Context, path string) error {
	fi, err := os.Stat(path)
	if err != nil {
		return fmt.Errorf("store: check %s: %w", path, err)
	}
	if !fi.Mode().IsRegular() {
		return fmt.Errorf("store: check %s: not a regular file", path)
	}
	db, err := sql.Open("sqlite3", fileURI(path, "mode=ro"))
	if err != nil {
		return fmt.Errorf("store: check %s: %w", path, err)
	}
	defer db.Close()
	var result string
	if err := db.QueryRowContext(ctx, "PRAGMA integrity_check").Scan(&result); err != nil {
		return fmt.Errorf("store: %s is not a readable SQLite database: %w", path, err)
	}
	if result != "ok" {
		return fmt.Errorf("store: %s fails SQLite's integrity check: %s", path, result)
	}
	var tables int
	err = db.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('goose_db_version', 'drafts')").Scan(&tables)
	if err != nil {
		return fmt.Errorf("store: check %s: %w", path, err)
	}
	if tables != 2 {
		return fmt.Errorf("store: %s is a SQLite database but not a Copydesk one (no migrations table or no drafts)", path)
	}
	return nil
}

// checkNotNewerFile refuses the Copydesk database at path when a newer Copydesk migrated it
// (see checkNotNewer): restored, it would stop every command and the server at their start.
func checkNotNewerFile(ctx context.Context, path string) error {
	db, err := sql.Open("sqlite3", fileURI(path, "mode=ro"))
	if err != nil {
		return fmt.Errorf("store: check %s: %w", path, err)
	}
	defer db.Close()
	var version sql.NullInt64
	if err := db.QueryRowContext(ctx, "SELECT max(version_id) FROM goose_db_version").Scan(&version); err != nil {
		return fmt.Errorf("store: check %s: %w", path, err)
	}
	if known := newestMigration(); version.Int64 > known {
		return fmt.Errorf("store: %s: %w", path, newerSchema(version.Int64, known))
	}
	return nil
}

// newestMigration is the version of the last SQLite migration this Copydesk has.
func newestMigration() int64 {
	var newest int64
	entries, _ := fs.ReadDir(migrations.FS, "sqlite")
	for _, e := range entries {
		if v, err := goose.NumericComponent(e.Name()); err == nil {
			newest = max(newest, v)
		}
	}
	return newest
}

// Restore replaces the SQLite database at dbPath with the backup in, after checking the backup
// (see CheckBackup) and that no newer Copydesk migrated it. The replacement is atomic: a checked copy is written next to dbPath,
// synced, and renamed over it, so a crash leaves either the old database or the new one, never
// a mix. It refuses while any process has the database open, since a running server would keep
// writing to the file it had open and every write after the restore would vanish; and it holds
// the database's lock throughout, so that no server opens it halfway.
func Restore(ctx context.Context, in, dbPath string) error {
	if IsPostgres(dbPath) {
		return errors.New("store: restore: this is a PostgreSQL database; restore it with pg_restore or psql")
	}
	lock, err := lockDatabase(dbPath, true)
	if errors.Is(err, errInUse) {
		return fmt.Errorf("store: restore: %s is open in another process (a running copydesk serve, or another command); stop it first; %s is left as it was", dbPath, dbPath)
	}
	if err != nil {
		return fmt.Errorf("%w; %s is left as it was", err, dbPath)
	}
	defer lock.Close()
	if err := CheckBackup(ctx, in); err != nil {
		return fmt.Errorf("%w; %s is left as it was", err, dbPath)
	}
	if err := checkNotNewerFile(ctx, in); err != nil {
		return fmt.Errorf("%w; %s is left as it was", err, dbPath)
	}
	absIn, _ := filepath.Abs(in)
	absDB, _ := filepath.Abs(dbPath)
	if absIn == absDB {
		return fmt.Errorf("store: restore: %s is the database itself", in)
	}
	tmp, err := copyChecked(ctx, in, dbPath)
	if err != nil {
		return err
	}
	defer os.Remove(tmp) // gone already once renamed
	if err := checkpoint(ctx, dbPath); err != nil {
		return err
	}
	// The old database's -wal and -shm files (empty after the checkpoint) must not outlive it,
	// or SQLite would apply them to the new file.
	for _, suffix := range []string{"-wal", "-shm"} {
		if err := os.Remove(dbPath + suffix); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("store: restore: %w", err)
		}
	}
	if err := os.Rename(tmp, dbPath); err != nil {
		return fmt.Errorf("store: restore: %w", err)
	}
	return syncDir(filepath.Dir(dbPath))
}

// copyChecked writes a copy of the backup in next to dbPath with VACUUM INTO (which also takes
// in whatever the backup's own WAL holds), syncs it and checks it, returning its name. The copy
// goes into the empty file CreateTemp makes, readable by its owner alone, which VACUUM INTO
// fills and keeps the mode of: left to make the file itself, SQLite would make it as the umask
// lets (0644 under 022), and the restored database, renamed from it, readable by everyone.
func copyChecked(ctx context.Context, in, dbPath string) (string, error) {
	f, err := os.CreateTemp(filepath.Dir(dbPath), "."+filepath.Base(dbPath)+".restore-*")
	if err != nil {
		return "", fmt.Errorf("store: restore: %w", err)
	}
	tmp := f.Name()
	f.Close()
	src, err := sql.Open("sqlite3", fileURI(in, "mode=ro"))
	if err != nil {
		os.Remove(tmp)
		return "", fmt.Errorf("store: restore: %w", err)
	}
	defer src.Close()
	if _, err := src.ExecContext(ctx, "VACUUM INTO ?", tmp); err != nil {
		os.Remove(tmp)
		return "", fmt.Errorf("store: restore: copying %s: %w", in, err)
	}
	if err := syncFile(tmp); err != nil {
		os.Remove(tmp)
		return "", fmt.Errorf("store: restore: %w", err)
	}
	if err := CheckBackup(ctx, tmp); err != nil {
		os.Remove(tmp)
		return "", err
	}
	return tmp, nil
}

// checkpoint moves everything in the WAL of the database at path into the database file, if
// the file exists, so that until the rename the old database stays whole without its WAL. A
// database too damaged to checkpoint is about to be replaced anyway, and that is no error.
func checkpoint(ctx context.Context, path string) error {
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	db, err := sql.Open("sqlite3", fileURI(path, "_busy_timeout=10000"))
	if err != nil {
		return fmt.Errorf("store: restore: %w", err)
	}
	defer db.Close()
	_, err = db.ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)")
	var se sqlite3.Error
	if errors.As(err, &se) && (se.Code == sqlite3.ErrNotADB || se.Code == sqlite3.ErrCorrupt) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("store: restore: checkpoint %s (is a server still using it?): %w", path, err)
	}
	return nil
}

// fileURI is a go-sqlite3 URI for path with the given query.
func fileURI(path, query string) string {
	return "file:" + strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(path) + "?" + query
}

func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	return errors.Join(f.Sync(), f.Close())
}

// syncDir makes a rename in dir durable.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return fmt.Errorf("store: restore: %w", err)
	}
	err = d.Sync()
	d.Close()
	if err != nil {
		return fmt.Errorf("store: restore: sync %s: %w", dir, err)
	}
	return nil
}
