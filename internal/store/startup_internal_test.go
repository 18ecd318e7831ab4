package store

import (
	"context"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// statementLog is a GORM logger that keeps every statement run, with its arguments written in.
type statementLog struct {
	logger.Interface
	mu   sync.Mutex
	sqls []string
}

func (l *statementLog) Trace(_ context.Context, _ time.Time, fc func() (string, int64), _ error) {
	sql, _ := fc()
	l.mu.Lock()
	defer l.mu.Unlock()
	l.sqls = append(l.sqls, sql)
}

// logStatements has every GORM handle of s report its statements to a new statementLog.
func logStatements(s *Store) *statementLog {
	l := &statementLog{Interface: logger.Discard}
	for _, db := range []*gorm.DB{s.w, s.r, s.wc} {
		db.Config.Logger = l
	}
	return l
}

// TestMigrateScansNothing starts a store again on an up-to-date SQLite database with a draft, as copydesk serve starts (Open, Migrate, CheckWorkflow), and asks SQLite how it runs
// every statement that start-up ran: none may walk a whole table or index, so that starting
// costs the same on a newsroom of ten pieces or of a million (goose's own version table, one
// row per migration, is read outside GORM and not counted).
func TestMigrateScansNothing(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "start.db")
	s, err := Open(path, Options{PasswordCost: 4})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	seedPiece(t, s)
	s.Close()

	s, err = Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	log := logStatements(s)
	if _, err := s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	if err := s.CheckWorkflow(ctx); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(strings.Join(log.sqls, "\n"), "backfills") {
		t.Fatalf("start-up ran %q: the backfills were not asked about, so the log caught nothing", log.sqls)
	}
	tables := map[string]bool{}
	var names []string
	if err := scanNames(s, &names); err != nil {
		t.Fatal(err)
	}
	for _, n := range names {
		tables[n] = true
	}
	for _, sql := range log.sqls {
		if !strings.HasPrefix(strings.TrimSpace(strings.ToUpper(sql)), "SELECT") && !strings.HasPrefix(strings.TrimSpace(strings.ToUpper(sql)), "WITH") {
			continue
		}
		for _, step := range queryPlan(t, s, sql) {
			if strings.HasSuffix(step, "USING INDEX revisions_unpacked") {
				// The partial index of revisions not packed yet holds only what is left to pack
				// (see migration 00029): empty once a database is converted, whatever its size.
				continue
			}
			if table, _, _ := strings.Cut(strings.TrimPrefix(step, "SCAN "), " "); step != table && tables[table] {
				t.Errorf("start-up runs %s\nwhose plan has %q: it grows with the newsroom", sql, step)
			}
		}
	}
}

// seedPiece writes a user and a draft on s, so that the tables start-up might read are not
// empty. SQLite plans without statistics, so a plan is the same over one row or a million.
func seedPiece(t *testing.T, s *Store) {
	t.Helper()
	u, err := s.CreateUser(AsOperator(context.Background()), NewUser{Username: "sarah", Name: "Sarah", Role: newsroom.RoleWriter, Password: "pw-sarah-staple"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateDraft(newsroom.WithUser(context.Background(), u), newsroom.Text{Title: "Harbour reopens", Body: "The harbour reopened."}); err != nil {
		t.Fatal(err)
	}
}

// queryPlan is SQLite's plan for sql with args, a step per line.
func queryPlan(t *testing.T, s *Store, sql string, args ...any) []string {
	t.Helper()
	rows, err := s.DB().Query("EXPLAIN QUERY PLAN "+sql, args...)
	if err != nil {
		t.Fatalf("explain %s: %v", sql, err)
	}
	defer rows.Close()
	var steps []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		steps = append(steps, detail)
	}
	return steps
}

// scanNames reads the names of s's tables into names, past the statement log.
func scanNames(s *Store, names *[]string) error {
	rows, err := s.DB().Query("SELECT name FROM sqlite_master WHERE type = 'table'")
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return err
		}
		*names = append(*names, n)
	}
	return rows.Err()
}
