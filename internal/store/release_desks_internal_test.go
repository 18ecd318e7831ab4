package store

import (
	"context"
	"database/sql"
	"fmt"
	"testing"
	"time"

	"gorm.io/gorm"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// countingPool counts the statements run through the connection it wraps.
type countingPool struct {
	gorm.ConnPool
	n int
}

func (p *countingPool) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	p.n++
	return p.ConnPool.ExecContext(ctx, query, args...)
}

func (p *countingPool) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	p.n++
	return p.ConnPool.QueryContext(ctx, query, args...)
}

func (p *countingPool) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	p.n++
	return p.ConnPool.QueryRowContext(ctx, query, args...)
}

// TestReleaseDesksInFewStatements checks that disabling a fact-checker who holds many pieces'
// fact-check desks releases them in a few statements, not in some for each desk: one write a
// desk, in the one transaction that holds SQLite's single writer, held every other write for a
// second at 5,000 desks. Every desk is still released, each with its audit entry and event.
func TestReleaseDesksInFewStatements(t *testing.T) {
	const many = 300
	statements := map[int]int{}
	for _, desks := range []int{1, many} {
		t.Run(fmt.Sprint(desks), func(t *testing.T) {
			s := openStore(t, Options{})
			op := AsOperator(context.Background())
			user := func(name string, role newsroom.Role) *newsroom.User {
				u, err := s.CreateUser(op, NewUser{Username: name, Name: name, Role: role, Password: "pw-" + name + "-staple-battery"})
				if err != nil {
					t.Fatal(err)
				}
				return u
			}
			writer, fay, admin := user("sarah", newsroom.RoleWriter), user("fay", newsroom.RoleFactChecker), user("ada", newsroom.RoleAdmin)
			now := time.Now().UTC()
			for id := 1; id <= desks; id++ {
				if _, err := s.DB().Exec("INSERT INTO drafts (id, writer_id, title, stage, version, created_at, updated_at) VALUES (?, ?, ?, 'fact_check', 1, ?, ?)",
					id, writer.ID, fmt.Sprint("Piece ", id), now, now); err != nil {
					t.Fatal(err)
				}
				if _, err := s.DB().Exec("INSERT INTO assignments (draft_id, stage, user_id, assigned_by, assigned_at) VALUES (?, 'fact_check', ?, ?, ?)",
					id, fay.ID, fay.ID, now); err != nil {
					t.Fatal(err)
				}
			}
			var released int
			s.Subscribe(func(e newsroom.Event) {
				if e.Kind == newsroom.EventAssigned && e.Action == newsroom.StepUnassign && e.SubjectID == fay.ID && e.ID > 0 {
					released++
				}
			})
			pool := &countingPool{ConnPool: s.wc.Statement.ConnPool}
			s.wc.Statement.ConnPool = pool
			yes := true
			if _, err := s.UpdateUser(newsroom.WithUser(context.Background(), admin), fay.ID, UserChange{Disabled: &yes}); err != nil {
				t.Fatal(err)
			}
			statements[desks] = pool.n
			var held, audited int
			if err := s.DB().QueryRow("SELECT count(*) FROM assignments WHERE user_id = ?", fay.ID).Scan(&held); err != nil {
				t.Fatal(err)
			}
			if err := s.DB().QueryRow("SELECT count(*) FROM audit WHERE action = ? AND note = ?", newsroom.StepUnassign, fay.Name).Scan(&audited); err != nil {
				t.Fatal(err)
			}
			if held != 0 || audited != desks || released != desks {
				t.Fatalf("after disabling fay with %d desks: she holds %d, %d unassignments audited, %d announced", desks, held, audited, released)
			}
		})
	}
	if more := statements[many] - statements[1]; more > 3 {
		t.Fatalf("disabling a user ran %d statements for 1 desk and %d for %d: the release writes desk by desk", statements[1], statements[many], many)
	}
}
