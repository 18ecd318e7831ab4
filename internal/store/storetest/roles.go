package storetest

import (
	"context"
	"database/sql"
	"strconv"
	"strings"
	"testing"
)

// AllowAnyRole lifts the CHECK of migration 00001 that holds users.role to the default
// workflow's four roles from the migrated test database at dsn (a DSN of this package, or a
// SQLite file's path), so that users can hold the roles a custom workflow declares. The schema
// itself still carries the CHECK: a migration has to drop it before a newsroom can run such a
// workflow.
func AllowAnyRole(t testing.TB, dsn string) {
	t.Helper()
	driver, stmts := "pgx", []string{"ALTER TABLE users DROP CONSTRAINT users_role_check"}
	if !strings.HasPrefix(dsn, "postgres") {
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
