// Package storetest gives tests a fresh, empty database: a SQLite file in a temp dir, or, when
// the tests run on PostgreSQL, a new schema on the server COPYDESK_TEST_POSTGRES names, dropped
// when the test ends. With Main as a package's TestMain, `go test` runs the package's tests on
// SQLite and then again on PostgreSQL whenever that variable holds a URL.
package storetest

import (
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" database/sql driver, for creating schemas

	"github.com/copydesk/copydesk/internal/store"
)

// Env names the environment variable holding the URL of the PostgreSQL database tests may use,
// such as postgres://copydesk:copydesk@127.0.0.1:5432/copydesk_test?sslmode=disable. The role
// needs the right to create schemas in it.
const Env = "COPYDESK_TEST_POSTGRES"

// postgres is true during Main's second run, on PostgreSQL.
var postgres bool

// Main runs the tests on SQLite and then, when Env holds a URL, once more on PostgreSQL, and
// returns the exit code: use it as func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }.
// Under CI=true a missing Env fails the package, so that a run which covered SQLite alone is
// never taken for a full one.
func Main(m *testing.M) int {
	code := m.Run()
	base := os.Getenv(Env)
	if base == "" {
		if ci() {
			fmt.Fprintf(os.Stderr, "storetest: FAIL: CI=true, but %s is not set, so the PostgreSQL run of these tests was skipped\n", Env)
			return 1
		}
		fmt.Printf("storetest: PostgreSQL run skipped: %s is not set\n", Env)
		return code
	}
	fmt.Printf("storetest: running the tests again on PostgreSQL at %s\n", store.Redact(base))
	postgres = true
	if pg := m.Run(); code == 0 {
		code = pg
	}
	return code
}

// ci reports whether the tests run under CI, where every suite must run.
func ci() bool { return os.Getenv("CI") == "true" }

// Postgres reports whether the tests are running on PostgreSQL.
func Postgres() bool { return postgres }

// DSN returns where a test's database lives, for store.Open: a new SQLite file, or a new
// PostgreSQL schema during the PostgreSQL run.
func DSN(t testing.TB) string {
	t.Helper()
	if postgres {
		return PostgresDSN(t)
	}
	return filepath.Join(t.TempDir(), "copydesk.db")
}

// PostgresDSN returns the URL of a new, empty schema on the PostgreSQL server Env names (the
// URL sets search_path to it), dropped with everything in it when the test ends. It skips the
// test when Env is unset, and fails it under CI=true.
func PostgresDSN(t testing.TB) string {
	t.Helper()
	base := os.Getenv(Env)
	if base == "" && ci() {
		t.Fatalf("CI=true, but %s is not set: this test needs PostgreSQL", Env)
	} else if base == "" {
		t.Skipf("PostgreSQL test skipped: %s is not set", Env)
	}
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("%s: %v", Env, err)
	}
	b := make([]byte, 8)
	rand.Read(b)
	schema := "test_" + hex.EncodeToString(b)
	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := admin.Exec("CREATE SCHEMA " + schema); err != nil {
		admin.Close()
		t.Fatalf("creating schema on %s: %v", store.Redact(base), err)
	}
	t.Cleanup(func() {
		defer admin.Close()
		if _, err := admin.Exec("DROP SCHEMA " + schema + " CASCADE"); err != nil {
			t.Errorf("dropping schema %s: %v", schema, err)
		}
	})
	t.Logf("database: PostgreSQL schema %s", schema)
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}
