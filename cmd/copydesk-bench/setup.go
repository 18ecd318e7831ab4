package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/copydesk/copydesk/internal/store"
)

// setup is one way of running Copydesk that the benchmark measures: SQLite in a temp dir, or a
// throwaway schema on a PostgreSQL server shared by one or more app servers.
type setup struct {
	// DB is the PostgreSQL server's URL, or empty for SQLite.
	DB string
	// Nodes is how many app servers share the database; the clients send their requests to
	// them in turn.
	Nodes int
}

// String names the setup in the report.
func (s setup) String() string {
	switch {
	case s.DB == "":
		return "SQLite"
	case s.Nodes == 1:
		return "PostgreSQL, 1 app server"
	default:
		return fmt.Sprintf("PostgreSQL, %d app servers", s.Nodes)
	}
}

// key is a short name for the setup, for file names.
func (s setup) key() string {
	if s.DB == "" {
		return "sqlite"
	}
	return fmt.Sprintf("pg%d", s.Nodes)
}

// sqliteSetup is the setup the targets are stated for.
var sqliteSetup = setup{Nodes: 1}

// parseDB reads the -db list: "sqlite", PostgreSQL URLs, or both, comma-separated. A URL gives
// two setups, one app server and two. A PostgreSQL URL may itself hold commas (several hosts),
// so an entry runs on until the next one that starts as an entry does.
func parseDB(s string) ([]setup, error) {
	var entries []string
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		if len(entries) > 0 && part != "sqlite" && !store.IsPostgres(part) && store.IsPostgres(entries[len(entries)-1]) {
			entries[len(entries)-1] += "," + part
			continue
		}
		entries = append(entries, part)
	}
	var setups []setup
	seen := map[string]bool{}
	for _, e := range entries {
		switch {
		case e == "":
			return nil, fmt.Errorf("-db: an empty entry in %q; give sqlite, postgres://… URLs, or both, separated by commas", s)
		case seen[e]:
			return nil, fmt.Errorf("-db: %s is listed twice", store.Redact(e))
		case e == "sqlite":
			setups = append(setups, sqliteSetup)
		case store.IsPostgres(e):
			if _, err := pgx.ParseConfig(e); err != nil {
				return nil, fmt.Errorf("-db: %s is not a PostgreSQL URL the driver can use: %w", store.Redact(e), err)
			}
			setups = append(setups, setup{DB: e, Nodes: 1}, setup{DB: e, Nodes: 2})
		default:
			return nil, fmt.Errorf("-db: %q is neither sqlite nor a postgres:// or postgresql:// URL", store.Redact(e))
		}
		seen[e] = true
	}
	return setups, nil
}

// database is the fresh database a setup runs on.
type database struct {
	// dsn is what store.Open takes: a SQLite path or a PostgreSQL URL.
	dsn string
	// size describes the disk it takes.
	size func(context.Context) string
}

// freshDatabase makes an empty database for s: a SQLite file in a new temp dir, or a new schema
// on the PostgreSQL server (see newSchema). cleanup removes it, unless keep is set.
func freshDatabase(ctx context.Context, s setup, keep bool, out, errOut io.Writer) (database, func(), error) {
	if s.DB != "" {
		sc, err := newSchema(ctx, s.DB)
		if err != nil {
			return database{}, nil, err
		}
		fmt.Fprintf(out, "PostgreSQL %s, schema %s (created for this run, dropped after it)\n", sc.version(ctx), sc.Name)
		size := func(ctx context.Context) string { return fmt.Sprintf("%s (schema %s)", mb(sc.size(ctx)), sc.Name) }
		cleanup := func() {
			if keep {
				fmt.Fprintln(errOut, "keeping schema", sc.Name, "on", store.Redact(s.DB))
				sc.close()
			} else if err := sc.drop(); err != nil {
				fmt.Fprintln(errOut, "copydesk-bench:", err)
			}
		}
		return database{dsn: sc.DSN, size: size}, cleanup, nil
	}
	dir, err := os.MkdirTemp("", "copydesk-bench-")
	if err != nil {
		return database{}, nil, err
	}
	path := filepath.Join(dir, "copydesk.db")
	size := func(context.Context) string {
		db, wal := fileSize(path), fileSize(path+"-wal")
		return fmt.Sprintf("%s (db %s + wal %s)", mb(db+wal), mb(db), mb(wal))
	}
	cleanup := func() {
		if keep {
			fmt.Fprintln(errOut, "keeping", dir)
		} else {
			os.RemoveAll(dir)
		}
	}
	return database{dsn: path, size: size}, cleanup, nil
}
