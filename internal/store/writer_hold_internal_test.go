package store

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"gorm.io/gorm"
)

// openStore opens a store on a new SQLite file with opt and a low password cost, and
// migrates it.
func openStore(t *testing.T, opt Options) *Store {
	t.Helper()
	return openAt(t, filepath.Join(t.TempDir(), "store.db"), opt)
}

// openAt opens and migrates the SQLite store at path with opt (passwords hashed at the least
// cost), closed when t ends.
func openAt(t *testing.T, path string, opt Options) *Store {
	t.Helper()
	opt.PasswordCost = 4
	s, err := Open(path, opt)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if _, err := s.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	return s
}

// openLogged opens a store as openStore does, logging as JSON to w.
func openLogged(t *testing.T, w io.Writer) *Store {
	t.Helper()
	return openStore(t, Options{Logger: slog.New(slog.NewJSONHandler(w, nil))})
}

// TestSlowHoldIsLogged checks that a transaction holding SQLite's writer for slowHold or longer
// is logged, with its statements' time, its commit's and the function that asked for it; that a
// quick one is not; and that within holdLogEvery of a line the next slow ones are left out and
// counted in the line after; that one which fails and rolls back is logged as well (every
// write waited for it all the same, and a request refused after long work under the writer
// can be sent again and again); all of it in the store's own logger (Options.Logger).
func TestSlowHoldIsLogged(t *testing.T) {
	var logged bytes.Buffer
	s := openLogged(t, &logged)
	ctx := context.Background()
	quick := func(tx *gorm.DB) error { return tx.Exec("UPDATE users SET name = name WHERE id = 0").Error }
	slow := func(tx *gorm.DB) error {
		time.Sleep(slowHold + 10*time.Millisecond)
		return quick(tx)
	}
	type record struct {
		Level            string
		Msg              string
		Held             time.Duration
		Statements       time.Duration
		Commit           time.Duration
		Transactions     int
		By               string
		LeftOutSinceLast int `json:"left_out_since_last"`
	}
	lines := func() []record {
		t.Helper()
		var recs []record
		for line := range strings.Lines(logged.String()) {
			var r record
			if err := json.Unmarshal([]byte(line), &r); err != nil {
				t.Fatal(err)
			}
			recs = append(recs, r)
		}
		return recs
	}
	for _, fn := range []func(*gorm.DB) error{quick, slow, quick, slow} {
		if err := s.transact(ctx, fn); err != nil {
			t.Fatal(err)
		}
	}
	recs := lines()
	if len(recs) != 1 {
		t.Fatalf("%d lines for two slow transactions within %s; want 1: %s", len(recs), holdLogEvery, logged.String())
	}
	if r := recs[0]; r.Level != "WARN" || r.Msg != "a transaction held the database's writer" || r.Statements < slowHold ||
		r.Held < r.Statements || r.Commit < 0 || r.Transactions != 1 || !strings.Contains(r.By, "TestSlowHoldIsLogged") || r.LeftOutSinceLast != 0 {
		t.Fatalf("logged %+v; want a warning of a hold of %s or more, most of it statements, by this test", r, slowHold)
	}
	s.slowHolds.every = 0
	if err := s.transact(ctx, slow); err != nil {
		t.Fatal(err)
	}
	if recs = lines(); len(recs) != 2 || recs[1].LeftOutSinceLast != 1 {
		t.Fatalf("after the interval, logged %+v; want a second line counting the one left out", recs)
	}
	refused := errors.New("refused")
	failing := func(tx *gorm.DB) error {
		if err := slow(tx); err != nil {
			return err
		}
		return refused
	}
	if err := s.transact(ctx, failing); !errors.Is(err, refused) {
		t.Fatalf("a failing transaction: %v, want %v", err, refused)
	}
	if recs = lines(); len(recs) != 3 || recs[2].Statements < slowHold || !strings.Contains(recs[2].By, "TestSlowHoldIsLogged") {
		t.Fatalf("after a slow transaction that failed, logged %+v; want a third line: it held the writer as long", recs)
	}
}
