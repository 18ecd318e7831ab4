package store_test

import (
	"context"
	"database/sql"
	"fmt"
	"io/fs"
	"strings"
	"testing"

	"github.com/pressly/goose/v3"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/store"
	"github.com/copydesk/copydesk/internal/store/storetest"
	"github.com/copydesk/copydesk/migrations"
)

// longThread is a piece with replies piled on it, written straight to the database: threads of
// newsroom.MaxReplies replies, as many as it takes, each reply's words naming its thread and
// place.
type longThread struct {
	s       *store.Store
	writer  context.Context
	checker context.Context
	draft   int64
	threads []int64
}

// newLongThread makes a piece with replies replies on it, in threads of newsroom.MaxReplies.
// On PostgreSQL the search index's reply trigger is off while they are written, so that the
// seeding does not cost what is measured, and the piece is indexed once after.
func newLongThread(t *testing.T, replies int) *longThread {
	t.Helper()
	s := openMigrated(t, storetest.DSN(t), store.Options{})
	ctx := context.Background()
	w, err := s.CreateUser(store.AsOperator(ctx), store.NewUser{Username: "sarah", Role: newsroom.RoleWriter, Password: "pw-sarah-staple"})
	if err != nil {
		t.Fatal(err)
	}
	f, err := s.CreateUser(store.AsOperator(ctx), store.NewUser{Username: "fiona", Role: newsroom.RoleFactChecker, Password: "pw-fiona-staple"})
	if err != nil {
		t.Fatal(err)
	}
	writer := newsroom.WithUser(ctx, w)
	l := &longThread{s: s, writer: writer, checker: newsroom.WithUser(ctx, f)}
	d, err := s.CreateDraft(writer, newsroom.Text{Title: "Bridge", Byline: "Sarah Johnson", Brief: "A vote.", Body: "Council numbers rose."})
	if err != nil {
		t.Fatal(err)
	}
	l.draft = d.ID
	if _, err := s.Transition(writer, d.ID, newsroom.TransitionRequest{Action: newsroom.ActionSubmit}); err != nil {
		t.Fatal(err)
	}
	pg := storetest.Postgres()
	if pg {
		l.exec(t, "ALTER TABLE comment_replies DISABLE TRIGGER draft_search_reply_write")
	}
	for left := replies; left > 0 || len(l.threads) == 0; left -= newsroom.MaxReplies {
		l.thread(t, min(left, newsroom.MaxReplies))
	}
	if pg {
		l.exec(t, "ALTER TABLE comment_replies ENABLE TRIGGER draft_search_reply_write")
		l.exec(t, "SELECT draft_search_refresh($1)", d.ID)
	}
	return l
}

// exec runs q on the store's database.
func (l *longThread) exec(t *testing.T, q string, args ...any) {
	t.Helper()
	if _, err := l.s.DB().Exec(q, args...); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
}

// thread opens another thread on the piece, with replies replies written straight after it,
// "threadT replyR" each.
func (l *longThread) thread(t *testing.T, replies int) {
	t.Helper()
	c, err := l.s.CreateComment(l.checker, l.draft, newsroom.NewComment{Field: "body", Quote: &newsroom.TextQuote{Exact: "Council"}, Body: fmt.Sprintf("thread%d opens", len(l.threads))})
	if err != nil {
		t.Fatal(err)
	}
	l.threads = append(l.threads, c.ID)
	series := "(SELECT generate_series(1, $1) AS value)"
	if !storetest.Postgres() {
		series = "(WITH RECURSIVE n(value) AS (SELECT 1 WHERE $1 > 0 UNION ALL SELECT value + 1 FROM n WHERE value < $1) SELECT value FROM n)"
	}
	l.exec(t, fmt.Sprintf(`INSERT INTO comment_replies (comment_id, author_id, body, created_at)
		SELECT id, author_id, 'thread%d reply' || g.value, created_at FROM comments, %s AS g WHERE id = $2`, len(l.threads)-1, series), replies, c.ID)
}

// replyRows is how many rows of comments and comment_replies PostgreSQL reads for one more
// reply on the piece's last thread, its triggers included: the reply is written and the counts
// read in one transaction, rolled back.
func (l *longThread) replyRows(t *testing.T) int64 {
	t.Helper()
	ctx := context.Background()
	conn, err := l.s.DB().Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	// The counts are those the connection has not yet reported, earlier transactions' among
	// them, so the reply's rows are the difference.
	read := func() int64 {
		t.Helper()
		var rows sql.NullInt64
		err := tx.QueryRow(`SELECT sum(coalesce(seq_tup_read, 0) + coalesce(idx_tup_fetch, 0))
			FROM pg_stat_xact_user_tables WHERE relname IN ('comments', 'comment_replies')`).Scan(&rows)
		if err != nil {
			t.Fatal(err)
		}
		return rows.Int64
	}
	var author int64
	if err := tx.QueryRow("SELECT author_id FROM comments WHERE id = $1", l.threads[0]).Scan(&author); err != nil {
		t.Fatal(err)
	}
	before := read()
	if _, err := tx.Exec("INSERT INTO comment_replies (comment_id, author_id, body, created_at) VALUES ($1, $2, 'one more', now())", l.threads[len(l.threads)-1], author); err != nil {
		t.Fatal(err)
	}
	return read() - before
}

// TestReplyIndexCostFlatInLongThreads checks that on PostgreSQL, where a reply indexes its piece
// for search in its own transaction, the rows it reads do not grow with the replies the piece
// already has: the index keeps a piece's first 500 texts, and gathering them read every comment
// and reply of the piece and sorted them, so that each reply on a long discussion cost more
// than the one before (50 threads of 198 replies on one piece took three times as long to
// write as on 50 pieces), holding the piece's locks meanwhile. SQLite files the piece for the
// background indexing instead (migration 00036), so there is nothing to measure there.
func TestReplyIndexCostFlatInLongThreads(t *testing.T) {
	if !storetest.Postgres() {
		t.Skip("SQLite indexes a reply's piece after its transaction (migration 00036)")
	}
	rows := map[int]int64{}
	for _, n := range []int{10, 1000, 4000} {
		rows[n] = newLongThread(t, n).replyRows(t)
		t.Logf("a reply beside %d replies reads %d rows", n, rows[n])
	}
	// Gathering a piece's first 500 texts reads them, and at most a thread's replies besides.
	most := rows[10] + 500 + newsroom.MaxReplies
	for _, n := range []int{1000, 4000} {
		if rows[n] > most {
			t.Errorf("a reply beside %d replies reads %d rows; beside 10, %d (want at most %d)", n, rows[n], rows[10], most)
		}
	}
	if rows[4000] > rows[1000]+newsroom.MaxReplies {
		t.Errorf("a reply beside 4000 replies reads %d rows, beside 1000 %d: it grows with the thread", rows[4000], rows[1000])
	}
}

// searchedCommentsBefore is the comments column draft_search_source gave before migration
// 00053: the piece's first 500 texts, thread by thread in the order they were written, each
// thread's replies in theirs, joined by spaces and cut at 100,000 code points.
const searchedCommentsBefore = `SELECT copydesk_search_text(substr(coalesce((SELECT string_agg(t, ' ' ORDER BY thread, reply) FROM (
    SELECT c.id AS thread, 0 AS reply, c.body AS t FROM comments c WHERE c.draft_id = $1
    UNION ALL
    SELECT c.id, r.id, r.body FROM comment_replies r JOIN comments c ON c.id = r.comment_id WHERE c.draft_id = $1
    ORDER BY thread, reply
    LIMIT 500) AS texts), ''), 1, 100000))`

// TestLongThreadSearchFindsTheSame checks that the comments a piece's search index holds are
// the ones it held before the reply's indexing stopped reading whole discussions (migration
// 00053), written by the triggers as replies come in, in any order between threads, past the
// 500 texts and the 100,000 code points the index keeps; and that a search finds a word a late
// reply on the first thread brought, and not one past the 500th text.
func TestLongThreadSearchFindsTheSame(t *testing.T) {
	type reply struct {
		thread int
		words  string
	}
	words := func(n int) string { return strings.Repeat("word ", n/5) }
	spread := func(threads, replies int, text string) []reply {
		var out []reply
		for i := range replies {
			out = append(out, reply{i % threads, fmt.Sprintf("%s%d", text, i)})
		}
		return out
	}
	for _, c := range []struct {
		name    string
		threads int
		replies []reply
	}{
		{"no comments", 0, nil},
		{"a thread without replies", 1, nil},
		{"one thread", 1, []reply{{0, "first"}, {0, "second"}, {0, "third"}}},
		{"threads answered out of turn", 3, []reply{{2, "late"}, {0, "early"}, {1, "middle"}, {0, "again"}}},
		{"past 500 texts", 4, spread(4, 640, "r")},
		{"past 100,000 code points", 3, spread(3, 40, words(4000))},
		{"threads at their cap", 3, spread(3, 3*newsroom.MaxReplies, "x")},
	} {
		t.Run(c.name, func(t *testing.T) {
			l := newLongThread(t, 0)
			for len(l.threads) < c.threads {
				l.thread(t, 0)
			}
			threads := l.threads
			piece := l.draft
			if c.threads == 0 {
				d, err := l.s.CreateDraft(l.writer, newsroom.Text{Title: "Ferry", Body: "Fares rose."})
				if err != nil {
					t.Fatal(err)
				}
				piece = d.ID
			}
			for _, r := range c.replies {
				_, err := l.s.DB().Exec(`INSERT INTO comment_replies (comment_id, author_id, body, created_at)
					SELECT id, author_id, $2, created_at FROM comments WHERE id = $1`, threads[r.thread], r.words)
				if err != nil {
					t.Fatal(err)
				}
			}
			if !storetest.Postgres() {
				return
			}
			var held, want string
			if err := l.s.DB().QueryRow("SELECT comments FROM draft_search WHERE draft_id = $1", piece).Scan(&held); err != nil {
				t.Fatal(err)
			}
			if err := l.s.DB().QueryRow(searchedCommentsBefore, piece).Scan(&want); err != nil {
				t.Fatal(err)
			}
			if held != want {
				t.Errorf("the index holds %d code points of comments, %.80q…; before, %d, %.80q…", len([]rune(held)), held, len([]rune(want)), want)
			}
		})
	}
	t.Run("search", func(t *testing.T) {
		// Texts: thread0 and 150 replies, the reply below (152), thread1 and 200 (353), thread2
		// and its first 146 replies (500); the rest of thread2 is past what the index keeps.
		l := newLongThread(t, 150)
		l.thread(t, newsroom.MaxReplies)
		l.thread(t, newsroom.MaxReplies)
		if _, err := l.s.Reply(l.checker, l.threads[0], newsroom.NewReply{Body: "Which okapi said so?"}); err != nil {
			t.Fatal(err)
		}
		found := func(q string) bool {
			t.Helper()
			page, err := l.s.Search(l.checker, newsroom.DraftFilter{Query: q})
			if err != nil {
				t.Fatal(err)
			}
			return len(page.Items) == 1 && page.Items[0].ID == l.draft
		}
		for q, want := range map[string]bool{
			"okapi":              true,
			`"thread0 reply150"`: true,
			`"thread1 reply200"`: true,
			`"thread2 reply146"`: true,
			`"thread2 reply147"`: false,
		} {
			if got := found(q); got != want {
				t.Errorf("search %q finds the piece: %v, want %v", q, got, want)
			}
		}
	})
}

// TestThreadSearchBoundedDown takes the schema back below migration 00053, as `goose down`
// would, and up again: a reply written in between is indexed by the earlier view (on PostgreSQL,
// whose trigger indexes it at once, the index then holds what that view gives), and found once
// the schema is up again.
func TestThreadSearchBoundedDown(t *testing.T) {
	l := newLongThread(t, 3)
	dialect, dir := goose.DialectSQLite3, "sqlite"
	if storetest.Postgres() {
		dialect, dir = goose.DialectPostgres, "postgres"
	}
	files, _ := fs.Sub(migrations.FS, dir)
	p, err := goose.NewProvider(dialect, l.s.DB(), files)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if _, err := p.DownTo(ctx, 52); err != nil {
		t.Fatal(err)
	}
	l.exec(t, `INSERT INTO comment_replies (comment_id, author_id, body, created_at)
		SELECT id, author_id, 'Which okapi said so?', created_at FROM comments WHERE id = $1`, l.threads[0])
	if storetest.Postgres() {
		var held, want string
		if err := l.s.DB().QueryRow("SELECT comments FROM draft_search WHERE draft_id = $1", l.draft).Scan(&held); err != nil {
			t.Fatal(err)
		}
		if err := l.s.DB().QueryRow(searchedCommentsBefore, l.draft).Scan(&want); err != nil {
			t.Fatal(err)
		}
		if held != want || !strings.Contains(held, "okapi") {
			t.Errorf("below 00053 the index holds %.80q…, want the earlier view's %.80q…, okapi in it", held, want)
		}
	}
	if _, err := l.s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := l.s.Reply(l.checker, l.threads[0], newsroom.NewReply{Body: "The chamois."}); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"okapi", "chamois", `"thread0 reply3"`} {
		page, err := l.s.Search(l.checker, newsroom.DraftFilter{Query: q})
		if err != nil || len(page.Items) != 1 || page.Items[0].ID != l.draft {
			t.Errorf("search %q after down and up = %+v, %v; want the piece", q, page, err)
		}
	}
}
