package main

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" database/sql driver, for creating and dropping the schema

	"github.com/copydesk/copydesk/internal/store"
)

// schemaPrefix starts the name of every schema the benchmark creates.
const schemaPrefix = "copydesk_bench_"

// applicationName is what the app servers' connections call themselves, unless the URL names
// one: in pg_stat_activity it tells them from other clients of a shared server, to see what
// they wait for during a run.
const applicationName = "copydesk-bench"

// pgSchema is a throwaway schema the benchmark made on a PostgreSQL server for one setup.
type pgSchema struct {
	admin *sql.DB
	Name  string
	// DSN is the server's URL with the search path set to the schema (and applicationName), for
	// store.Open.
	DSN string
}

// newSchema creates an empty schema of its own on the PostgreSQL server at server, after
// checking that the URL does not name a newsroom: if the schema it would be served from (its
// search_path, or public) holds Copydesk's tables, it is somebody's newsroom and the benchmark
// refuses it. Nothing is written outside the new schema, which drop removes with everything in it.
func newSchema(ctx context.Context, server string) (*pgSchema, error) {
	u, err := url.Parse(server)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", store.Redact(server), err)
	}
	admin, err := sql.Open("pgx", server)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", store.Redact(server), err)
	}
	var holds bool
	var current sql.NullString
	err = admin.QueryRowContext(ctx, "SELECT current_schema(), to_regclass('goose_db_version') IS NOT NULL OR to_regclass('drafts') IS NOT NULL").
		Scan(&current, &holds)
	if err == nil && holds {
		err = fmt.Errorf("schema %s already holds a Copydesk newsroom, and the benchmark refuses to run on one: "+
			"give it a URL whose schema (search_path, or public) is not a newsroom; it seeds and drops a schema of its own", current.String)
	}
	b := make([]byte, 8)
	rand.Read(b)
	s := &pgSchema{admin: admin, Name: schemaPrefix + hex.EncodeToString(b)}
	if err == nil {
		_, err = admin.ExecContext(ctx, "CREATE SCHEMA "+s.Name)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", store.Redact(server), errors.Join(err, admin.Close()))
	}
	q := u.Query()
	q.Set("search_path", s.Name)
	if q.Get("application_name") == "" {
		q.Set("application_name", applicationName) // so that pg_stat_activity tells the run's connections apart
	}
	u.RawQuery = q.Encode()
	s.DSN = u.String()
	return s, nil
}

// drop removes the schema and everything in it.
func (s *pgSchema) drop() error {
	defer s.admin.Close()
	if _, err := s.admin.Exec("DROP SCHEMA " + s.Name + " CASCADE"); err != nil {
		return fmt.Errorf("dropping schema %s: %w", s.Name, err)
	}
	return nil
}

// size is the disk the schema's tables take, indexes and TOAST included.
func (s *pgSchema) size(ctx context.Context) int64 {
	var n sql.NullInt64
	s.admin.QueryRowContext(ctx, `SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c
		JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind = 'r'`, s.Name).Scan(&n)
	return n.Int64
}

// version is the server's version, such as "15.8".
func (s *pgSchema) version(ctx context.Context) string {
	var v string
	s.admin.QueryRowContext(ctx, "SHOW server_version").Scan(&v)
	return v
}

// close lets go of the schema without dropping it (-keep).
func (s *pgSchema) close() error { return s.admin.Close() }
