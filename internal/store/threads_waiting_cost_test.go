package store_test

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/store/storetest"
)

// TestThreadsWaitingReadsOnlyThePiece counts one piece's threads waiting on an editor who is
// mentioned 3,000 times and addressed 2,000 times on 1,000 other pieces. The draft page counts
// them on every view, so its queries must find the editor's mentions and addressed replies by
// the piece: on SQLite, which plans without statistics, each search of those tables is by an
// index keyed by the piece (or by a row's id); on PostgreSQL the rows of those tables the
// queries examine stay within a bound set by the piece alone. (Two replies a thread keep the
// test quick on PostgreSQL, where each reply re-indexes its piece for search.)
func TestThreadsWaitingReadsOnlyThePiece(t *testing.T) {
	const others, replies = 1000, 2
	f := newNewsroom(t)
	ed := uid(f.editor)
	d := f.draftIn(t, newsroom.StageFactCheck)
	mentioned, err := f.s.CreateComment(f.checker, d.ID, newsroom.NewComment{Field: "body", Quote: &newsroom.TextQuote{Exact: "Second"}, Body: "@ed which source?"})
	if err != nil {
		t.Fatal(err)
	}
	addressed, err := f.s.CreateComment(f.checker, d.ID, newsroom.NewComment{Field: "body", Quote: &newsroom.TextQuote{Exact: "First"}, Body: "Source?"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.Reply(f.writer, addressed.ID, newsroom.NewReply{Body: "Ed has it.", To: []string{"ed"}}); err != nil {
		t.Fatal(err)
	}
	// The other pieces, copies of this one with a thread each whose every reply mentions and
	// addresses the editor and a step whose note mentions them, are written in one transaction,
	// as thousands of requests would write them.
	db := f.s.DB()
	tx, err := db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []struct {
		sql  string
		args []any
	}{
		{`INSERT INTO drafts (writer_id, title, byline, brief, body, stage, version, created_at, updated_at)
			WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $1)
			SELECT writer_id, title, byline, brief, body, stage, version, created_at, updated_at FROM drafts, n WHERE drafts.id = $2`, []any{others, d.ID}},
		{`INSERT INTO comments (draft_id, author_id, field, body, quote, exact, prefix, suffix, start_pos, end_pos, anchored_version, created_at)
			SELECT drafts.id, c.author_id, c.field, c.body, c.quote, c.exact, c.prefix, c.suffix, c.start_pos, c.end_pos, c.anchored_version, c.created_at
			FROM drafts JOIN comments c ON c.id = $1 WHERE drafts.id <> $2`, []any{addressed.ID, d.ID}},
		{`INSERT INTO comment_replies (comment_id, author_id, body, created_at)
			WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $1)
			SELECT comments.id, $2, 'Now, @ed?', comments.created_at FROM comments, n WHERE comments.draft_id <> $3`, []any{replies, uid(f.writer), d.ID}},
		{`INSERT INTO mentions (draft_id, user_id, author_id, comment_id, reply_id, created_at)
			SELECT comments.draft_id, $1, comment_replies.author_id, comments.id, comment_replies.id, comment_replies.created_at
			FROM comment_replies JOIN comments ON comments.id = comment_replies.comment_id WHERE comments.draft_id <> $2 ORDER BY comment_replies.id`, []any{ed, d.ID}},
		{`INSERT INTO reply_addressees (reply_id, user_id)
			SELECT comment_replies.id, $1 FROM comment_replies JOIN comments ON comments.id = comment_replies.comment_id WHERE comments.draft_id <> $2`, []any{ed, d.ID}},
		{`INSERT INTO audit (draft_id, actor_id, action, from_stage, to_stage, note, at)
			SELECT drafts.id, drafts.writer_id, 'submit', 'draft', drafts.stage, 'See the figures, @ed.', drafts.updated_at FROM drafts WHERE drafts.id <> $1`, []any{d.ID}},
		{`INSERT INTO mentions (draft_id, user_id, author_id, audit_id, created_at)
			SELECT audit.draft_id, $1, audit.actor_id, audit.id, audit.at FROM audit WHERE audit.note = 'See the figures, @ed.'`, []any{ed}},
	} {
		if _, err := tx.Exec(q.sql, q.args...); err != nil {
			t.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}

	waiting, err := f.s.ThreadsWaiting(f.editor, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := slices.Sorted(maps.Keys(waiting)), []int64{mentioned.ID, addressed.ID}; !slices.Equal(got, want) {
		t.Fatalf("the piece's threads waiting on the editor are %v, want %v", got, want)
	}
	es, err := f.s.Inbox(f.editor)
	if err != nil {
		t.Fatal(err)
	}
	if len(es) < 3*others {
		t.Fatalf("the editor's inbox holds %d entries, want a thread and two mentions on each of the %d other pieces as well", len(es), others)
	}

	// PostgreSQL plans by its statistics, which its autovacuum would have gathered by now;
	// SQLite keeps none.
	if storetest.Postgres() {
		if _, err := db.Exec("ANALYZE"); err != nil {
			t.Fatal(err)
		}
	}
	threads, mentions := f.s.ThreadsWaitingSQL(f.editor, d.ID)
	for _, q := range []struct{ name, sql string }{{"threads", threads}, {"mentions", mentions}} {
		if storetest.Postgres() {
			var plan string
			if err := db.QueryRow("EXPLAIN (ANALYZE, FORMAT JSON) " + q.sql).Scan(&plan); err != nil {
				t.Fatal(err)
			}
			n, most := examined(t, plan, "mentions", "reply_addressees"), 10
			t.Logf("the piece's %s query examined %d rows of mentions and addressees", q.name, n)
			if n > most {
				t.Errorf("the piece's %s query examined %d rows of mentions and addressees, the editor having %d elsewhere, want at most %d:\n%s", q.name, n, others*(2*replies+1), most, plan)
			}
			continue
		}
		for _, step := range strings.Split(explainPlan(t, db, q.sql), "\n") {
			reads := strings.Contains(step, " mentions ") || strings.Contains(step, " reply_addressees ")
			if reads && !strings.Contains(step, "draft_id=") && !strings.Contains(step, "reply_id=") && !strings.Contains(step, "rowid=") {
				t.Errorf("the piece's %s query reads the editor's rows of every piece: %s", q.name, step)
			}
		}
	}
}
