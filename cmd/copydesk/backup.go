package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"

	"github.com/copydesk/copydesk/internal/store"
)

func backupCmd(ctx context.Context, args []string, e env) error {
	fs := newFlags(e, "backup", "backup OUT [--db FILE]",
		"Writes a consistent copy of the SQLite database to OUT, a new file, while the server may keep running.\n"+
			"On PostgreSQL, use pg_dump instead.")
	db := dbFlag(fs, e)
	out, err := sqliteFile(fs, args, db, "usage: copydesk backup OUT [--db FILE]", "back it up with pg_dump")
	if err != nil {
		return err
	}
	if _, err := os.Stat(*db); err != nil {
		return fmt.Errorf("no database to back up: %w", err)
	}
	// Opening without migrating: a backup copies the database as it is, and writes nothing to it.
	st, err := store.Open(*db, store.Options{})
	if err != nil {
		return err
	}
	defer st.Close()
	if err := st.Backup(ctx, out); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "backed up %s to %s\n", *db, out)
	return nil
}

func restoreCmd(ctx context.Context, args []string, e env) error {
	fs := newFlags(e, "restore", "restore IN [--db FILE]",
		"Checks the backup IN (SQLite's integrity check, and that it is a Copydesk database) and then replaces\n"+
			"the database with it atomically. Stop the server first: restore refuses while any process has the\n"+
			"database open. On PostgreSQL, use pg_restore or psql instead.")
	db := dbFlag(fs, e)
	in, err := sqliteFile(fs, args, db, "usage: copydesk restore IN [--db FILE]", "restore it with pg_restore or psql")
	if err != nil {
		return err
	}
	if err := store.Restore(ctx, in, *db); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "restored %s from %s\n", *db, in)
	return nil
}

// sqliteFile parses the flags of backup and restore, which take exactly one file and work on
// SQLite only; for PostgreSQL it names the tool to use instead (how).
func sqliteFile(fs *flag.FlagSet, args []string, db *string, usage, how string) (string, error) {
	pos, err := parseArgs(fs, args)
	if err != nil {
		return "", err
	}
	if len(pos) != 1 {
		fs.Usage()
		return "", errors.New(usage)
	}
	if store.IsPostgres(*db) {
		return "", errors.New("this is a PostgreSQL database; " + how)
	}
	return pos[0], nil
}
