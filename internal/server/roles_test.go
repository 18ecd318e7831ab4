package server_test

import (
	"context"
	"database/sql"
	"strconv"
	"strings"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib"
	_ "github.com/mattn/go-sqlite3"

	"github.com/copydesk/copydesk/internal/store/storetest"
)

// allowAnyRole lifts the CHECK of migration 00001 that holds users.role to the default
// workflow's four roles from the test database at dsn, so that users can hold the roles a
// custom workflow declares. The schema itself still carries the CHECK: a migration has to drop
// it before a newsroom can run such a workflow, and this branch was given no migration number.
func allowAnyRole(t testing.TB, dsn string) {
	t.Helper()
	driver, stmts := "pgx", []string{"ALTER TABLE users DROP CONSTRAINT users_role_check"}
	if !storetest.Postgres() {
		// SQLite cannot drop a CHECK, so the table's stored definition is edited, and the
		// schema version moved so that the store's open connections read it again.
		check := strings.ReplaceAll(` CHECK (role IN ('writer', 'factchecker', 'editor', 'admin'))`, "'", "''")
		driver, dsn = "sqlite3", "file:"+dsn+"?_busy_timeout=10000"
		stmts = []string{
			"PRAGMA writable_schema = ON",
			"UPDATE sqlite_schema SET sql = replace(sql, '" + check + "', '') WHERE type = 'table' AND name = 'users'",
			"PRAGMA writable_schema = OFF",
		}
	}
	db, err := sql.Open(driver, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	conn, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	for _, stmt := range stmts {
		if _, err := conn.ExecContext(ctx, stmt); err != nil {
			t.Fatalf("%s: %v", stmt, err)
		}
	}
	if driver == "sqlite3" {
		var version int
		if err := conn.QueryRowContext(ctx, "PRAGMA schema_version").Scan(&version); err != nil {
			t.Fatal(err)
		}
		if _, err := conn.ExecContext(ctx, "PRAGMA schema_version = "+strconv.Itoa(version+1)); err != nil {
			t.Fatal(err)
		}
	}
}
