//go:build unix

package store_test

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/cputime"
	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/store"
)

// benchNewsroom is the newsroom the inbox benchmark reads: 40 writers, 5 fact-checkers, 4
// editors and an admin; 10,000 pieces, all but about 1% of them published, 20 comments each
// (200,000; six open on a piece in hand), a reply to half the open ones addressed to the
// comment's author, 5 quotes each (unchecked until fact-check is done), assignments at
// fact-check and editing, returns, approvals and mentions.
type benchNewsroom struct {
	s                           *store.Store
	writers, checkers, editors  []*newsroom.User
	admin                       *newsroom.User
	pieces, comments, openCount int
}

// benchStage is where a piece stands, drawn by r: of every 1,000, on average three in each of
// draft, fact-check and editing, one approved and one scheduled, two spiked, and the rest
// published: a newsroom with some 130 pieces in hand and an archive of its past year or two.
func benchStage(r *rand.Rand) newsroom.Stage {
	switch n := r.IntN(1000); {
	case n < 3:
		return newsroom.StageDraft
	case n < 6:
		return newsroom.StageFactCheck
	case n < 9:
		return newsroom.StageEditing
	case n < 10:
		return newsroom.StageApproved
	case n < 11:
		return newsroom.StageScheduled
	case n < 13:
		return newsroom.StageSpiked
	}
	return newsroom.StagePublished
}

// seedBenchNewsroom writes the benchmark's newsroom in one transaction of bulk inserts.
func seedBenchNewsroom(b *testing.B, pieces, commentsEach int) *benchNewsroom {
	n := &benchNewsroom{s: mustOpen(b, store.Options{}), pieces: pieces}
	user := func(name string, role newsroom.Role) *newsroom.User {
		_, u := mustUser(b, n.s, name, role)
		return u
	}
	for i := range 40 {
		n.writers = append(n.writers, user(fmt.Sprintf("w%d", i), newsroom.RoleWriter))
	}
	for i := range 5 {
		n.checkers = append(n.checkers, user(fmt.Sprintf("f%d", i), newsroom.RoleFactChecker))
	}
	for i := range 4 {
		n.editors = append(n.editors, user(fmt.Sprintf("e%d", i), newsroom.RoleEditor))
	}
	n.admin = user("a0", newsroom.RoleAdmin)
	tx, err := n.s.DB().Begin()
	if err != nil {
		b.Fatal(err)
	}
	if err := n.fill(tx, commentsEach); err != nil {
		tx.Rollback()
		b.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
	return n
}

// fill inserts the pieces and everything on them.
func (n *benchNewsroom) fill(tx *sql.Tx, commentsEach int) error {
	now := time.Now().UTC()
	stmts := map[string]*sql.Stmt{}
	for name, q := range map[string]string{
		"draft": `INSERT INTO drafts (id, writer_id, title, byline, brief, body, stage, version, created_at, updated_at, scheduled_at)
			VALUES ($1, $2, $3, 'B', 'Brief.', 'Body.', $4, 1, $5, $5, $6)`,
		"comment": `INSERT INTO comments (id, draft_id, author_id, field, body, quote, exact, prefix, suffix, start_pos, end_pos,
			anchored_version, resolved_by, resolved_at, created_at) VALUES ($1, $2, $3, 'body', 'Is this right?', 'Body', 'Body', '', '.', 0, 4, 1, $4, $5, $6)`,
		"reply":     `INSERT INTO comment_replies (id, comment_id, author_id, body, created_at) VALUES ($1, $2, $3, 'It is.', $4)`,
		"addressee": `INSERT INTO reply_addressees (reply_id, user_id) VALUES ($1, $2)`,
		"quote": `INSERT INTO quotes (draft_id, field, text, paragraph, start_pos, end_pos, status)
			VALUES ($1, 'body', 'quoted', 0, 0, 6, $2)`,
		"assign":  `INSERT INTO assignments (draft_id, stage, user_id, assigned_by, assigned_at) VALUES ($1, $2, $3, $4, $5)`,
		"audit":   `INSERT INTO audit (draft_id, actor_id, action, from_stage, to_stage, note, at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
		"mention": `INSERT INTO mentions (draft_id, user_id, author_id, comment_id, created_at) VALUES ($1, $2, $3, $4, $5)`,
	} {
		st, err := tx.Prepare(q)
		if err != nil {
			return fmt.Errorf("prepare %s: %w", name, err)
		}
		defer st.Close()
		stmts[name] = st
	}
	exec := func(name string, args ...any) error {
		if _, err := stmts[name].Exec(args...); err != nil {
			return fmt.Errorf("insert %s: %w", name, err)
		}
		return nil
	}
	comment, reply := 0, 0
	r := rand.New(rand.NewPCG(16, 16))
	for i := range n.pieces {
		id, stage := int64(i+1), benchStage(r)
		writer, editor, checker := n.writers[i%len(n.writers)], n.editors[i%len(n.editors)], n.checkers[i%len(n.checkers)]
		var at any
		if stage == newsroom.StageScheduled {
			at = now.Add(time.Duration(i%20) * time.Hour)
		}
		if err := exec("draft", id, writer.ID, fmt.Sprintf("Piece %d", i), string(stage), now, at); err != nil {
			return err
		}
		active := stage != newsroom.StagePublished && stage != newsroom.StageSpiked
		for j := range commentsEach {
			comment++
			author := []*newsroom.User{editor, checker, writer}[j%3]
			open := active && j < 6
			var by, resolved any = editor.ID, now
			if open {
				by, resolved = nil, nil
				n.openCount++
			}
			if err := exec("comment", comment, id, author.ID, by, resolved, now); err != nil {
				return err
			}
			if open && j%2 == 0 {
				reply++
				if err := exec("reply", reply, comment, writer.ID, now); err != nil {
					return err
				}
				if author.ID != writer.ID {
					if err := exec("addressee", reply, author.ID); err != nil {
						return err
					}
				}
			}
			if open && j == 1 {
				if err := exec("mention", id, writer.ID, author.ID, comment, now); err != nil {
					return err
				}
			}
		}
		n.comments = comment
		status := "verified"
		if stage == newsroom.StageDraft || stage == newsroom.StageFactCheck {
			status = "unchecked"
		}
		for range 5 {
			if err := exec("quote", id, status); err != nil {
				return err
			}
		}
		if err := n.history(exec, id, stage, writer, editor, checker, now); err != nil {
			return err
		}
	}
	return nil
}

// history writes piece id's assignment and the steps the inbox reads: its return to the
// writer, or its approval and schedule.
func (n *benchNewsroom) history(exec func(string, ...any) error, id int64, stage newsroom.Stage, writer, editor, checker *newsroom.User, now time.Time) error {
	switch stage {
	case newsroom.StageFactCheck:
		if id%2 == 0 {
			return exec("assign", id, string(stage), checker.ID, editor.ID, now)
		}
	case newsroom.StageEditing:
		return exec("assign", id, string(stage), editor.ID, editor.ID, now)
	case newsroom.StageDraft:
		return exec("audit", id, editor.ID, "request_changes", "editing", "draft", "Tighten the lede.", now)
	case newsroom.StageScheduled:
		if err := exec("audit", id, editor.ID, "approve", "editing", "approved", "", now); err != nil {
			return err
		}
		return exec("audit", id, editor.ID, "schedule", "approved", "scheduled", "", now)
	}
	return nil
}

// BenchmarkInbox reads one person's inbox, per role, in a newsroom of 10,000 pieces and
// 200,000 comments, from 32 clients at once, and reports the 99th percentile of the time one
// read takes (p99-ms); it must stay under 20 ms.
func BenchmarkInbox(b *testing.B) {
	n := seedBenchNewsroom(b, 10000, 20)
	if n.comments != 200000 {
		b.Fatalf("seeded %d comments", n.comments)
	}
	for _, who := range []struct {
		name string
		u    *newsroom.User
	}{{"Writer", n.writers[0]}, {"FactChecker", n.checkers[0]}, {"Editor", n.editors[0]}, {"Admin", n.admin}} {
		b.Run(who.name, func(b *testing.B) {
			ctx := newsroom.WithUser(context.Background(), who.u)
			es, err := n.s.Inbox(ctx)
			if err != nil {
				b.Fatal(err)
			}
			measureParallel(b, 32, func() error {
				_, err := n.s.Inbox(ctx)
				return err
			})
			b.ReportMetric(float64(len(es)), "entries")
		})
	}
}

// measureParallel runs fn b.N times from clients goroutines at once and reports the 50th and
// 99th percentiles of the time one call took, and the CPU time of one call (on a machine other
// work loads, the percentiles include the waits for a CPU; the CPU time does not).
func measureParallel(b *testing.B, clients int, fn func() error) {
	var mu sync.Mutex
	var took []time.Duration
	b.SetParallelism((clients + runtime.GOMAXPROCS(0) - 1) / runtime.GOMAXPROCS(0))
	b.ResetTimer()
	cpu := cputime.Used(b)
	b.RunParallel(func(pb *testing.PB) {
		var mine []time.Duration
		for pb.Next() {
			start := time.Now()
			if err := fn(); err != nil {
				b.Error(err)
				return
			}
			mine = append(mine, time.Since(start))
		}
		mu.Lock()
		took = append(took, mine...)
		mu.Unlock()
	})
	b.StopTimer()
	cputime.Report(b, cputime.Used(b)-cpu)
	slices.Sort(took)
	if len(took) == 0 {
		return
	}
	at := func(p float64) float64 {
		return float64(took[min(len(took)-1, int(p*float64(len(took))))]) / float64(time.Millisecond)
	}
	b.ReportMetric(at(0.50), "p50-ms")
	b.ReportMetric(at(0.99), "p99-ms")
}
