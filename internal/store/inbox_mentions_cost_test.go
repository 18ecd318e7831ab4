package store_test

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/store"
	"github.com/copydesk/copydesk/internal/store/storetest"
)

// TestInboxOfThreadsMentioningOneOften reads the inbox of an editor mentioned in every reply of
// many threads, all but full: one entry a thread, its newest mention, gone once the editor answers and
// back with a mention after that. On PostgreSQL it bounds the rows the mentions query examines
// by a small multiple of the mentions: testing each mention against the newer ones of its thread
// examined a thread's mentions times its mentions, seconds for an inbox of busy threads.
func TestInboxOfThreadsMentioningOneOften(t *testing.T) {
	const threads, replies = 10, newsroom.MaxReplies - 2
	f := newNewsroom(t)
	ed := uid(f.editor)
	// Each thread is on a piece of its own, so that seeding the replies does not re-index one
	// piece's comments with each of them; the inbox reads the threads alike wherever they are.
	var first *newsroom.Comment
	for range threads {
		d, err := f.s.CreateDraft(f.writer, sampleText("Bridge"))
		if err != nil {
			t.Fatal(err)
		}
		c, err := f.s.CreateComment(f.editor, d.ID, newsroom.NewComment{Field: "body", Quote: &newsroom.TextQuote{Exact: "Second"}, Body: "Source?"})
		if err != nil {
			t.Fatal(err)
		}
		if first == nil {
			first = c
		}
	}
	// The replies and their mentions are written in one transaction, as thousands of requests
	// would write them.
	db := f.s.DB()
	tx, err := db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []struct {
		sql  string
		args []any
	}{
		{`INSERT INTO comment_replies (comment_id, author_id, body, created_at)
			WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $1)
			SELECT comments.id, $2, 'Now, @ed?', comments.created_at FROM comments, n`, []any{replies, uid(f.writer)}},
		{`INSERT INTO mentions (draft_id, user_id, author_id, comment_id, reply_id, created_at)
			SELECT comments.draft_id, $1, comment_replies.author_id, comments.id, comment_replies.id, comment_replies.created_at
			FROM comment_replies JOIN comments ON comments.id = comment_replies.comment_id ORDER BY comment_replies.id`, []any{ed}},
	} {
		if _, err := tx.Exec(q.sql, q.args...); err != nil {
			t.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	newest := map[string]bool{}
	rows, err := db.Query(`SELECT max(id) FROM mentions WHERE user_id = $1 GROUP BY comment_id`, ed)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			t.Fatal(err)
		}
		newest[fmt.Sprintf("mention:%d", id)] = true
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	rows.Close()

	mentions := func() map[string]bool {
		t.Helper()
		es, err := f.s.Inbox(f.editor)
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]bool{}
		for _, e := range es {
			if e.Kind == newsroom.InboxMentions {
				got[e.Entry] = true
			}
		}
		return got
	}
	if got := mentions(); len(got) != threads || !sameKeys(got, newest) {
		t.Fatalf("the inbox holds %d mentions, want the newest of each of the %d threads", len(got), threads)
	}
	if storetest.Postgres() {
		if _, err := db.Exec("ANALYZE"); err != nil {
			t.Fatal(err)
		}
		var plan string
		if err := db.QueryRow("EXPLAIN (ANALYZE, FORMAT JSON) "+store.NumberPlaceholders(store.InboxMentionsSQL), ed, true, ed, true, ed, true).Scan(&plan); err != nil {
			t.Fatal(err)
		}
		n, most := examined(t, plan), 5*threads*replies
		if n > most {
			t.Fatalf("the mentions query examined %d rows for %d mentions, want at most %d:\n%s", n, threads*replies, most, plan)
		}
		t.Logf("the mentions query examined %d rows for %d mentions", n, threads*replies)
	}

	if _, err := f.s.Reply(f.editor, first.ID, newsroom.NewReply{Body: "The city's."}); err != nil {
		t.Fatal(err)
	}
	got := mentions()
	if len(got) != threads-1 {
		t.Fatalf("after the editor answered one thread the inbox holds %d mentions, want %d", len(got), threads-1)
	}
	if _, err := f.s.Reply(f.writer, first.ID, newsroom.NewReply{Body: "And the date, @ed?", To: []string{"ed"}}); err != nil {
		t.Fatal(err)
	}
	if after := mentions(); len(after) != threads || sameKeys(after, newest) {
		t.Fatalf("after a new mention in the answered thread the inbox holds %d mentions, want %d with the new one", len(after), threads)
	}
}

// sameKeys reports whether a and b hold the same keys.
func sameKeys(a, b map[string]bool) bool {
	if len(a) != len(b) {
		return false
	}
	for k := range a {
		if !b[k] {
			return false
		}
	}
	return true
}

// examined sums, over the nodes of a PostgreSQL plan explained with ANALYZE as JSON, the rows
// each node returned and the rows its filters removed, times its loops: the rows the query
// looked at, which does not depend on the machine or on what else it runs. Given tables, it
// sums only the nodes reading them.
func examined(t *testing.T, plan string, tables ...string) int {
	t.Helper()
	var root []struct{ Plan map[string]any }
	if err := json.Unmarshal([]byte(plan), &root); err != nil || len(root) != 1 {
		t.Fatalf("reading the plan %q: %v", plan, err)
	}
	var walk func(node map[string]any) float64
	walk = func(node map[string]any) float64 {
		rows := 0.0
		for k, v := range node {
			if k == "Actual Rows" || strings.HasPrefix(k, "Rows Removed by") {
				rows += v.(float64)
			}
		}
		if relation, _ := node["Relation Name"].(string); len(tables) > 0 && !slices.Contains(tables, relation) {
			rows = 0
		}
		n := rows * node["Actual Loops"].(float64)
		children, _ := node["Plans"].([]any)
		for _, c := range children {
			n += walk(c.(map[string]any))
		}
		return n
	}
	return int(walk(root[0].Plan))
}
