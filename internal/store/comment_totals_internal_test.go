package store

import (
	"io/fs"
	"runtime"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/migrations"
)

// heldByComments works out what draft draftID's comments hold by reading them all, as the
// counter kept in comment_totals spares every new comment from doing.
func heldByComments(t *testing.T, s *Store, draftID int64) newsroom.CommentTotals {
	t.Helper()
	cs, err := loadComments(s.wc, "draft_id = ?", draftID)
	if err != nil {
		t.Fatal(err)
	}
	var held newsroom.CommentTotals
	for _, c := range cs {
		held.Threads++
		held.Text += int64(utf8.RuneCountInString(c.Body) + utf8.RuneCountInString(c.Quote))
		for _, r := range c.Replies {
			held.Text += int64(utf8.RuneCountInString(r.Body))
		}
	}
	return held
}

// wantTotals checks that the counter of draft draftID says what its comments hold.
func wantTotals(t *testing.T, s *Store, draftID int64, step string) {
	t.Helper()
	got, err := commentTotals(s.wc, draftID)
	if err != nil {
		t.Fatal(err)
	}
	if want := heldByComments(t, s, draftID); got != want {
		t.Fatalf("after %s the counter says %+v, the comments hold %+v", step, got, want)
	}
}

// TestCommentTotalsFollowChanges makes every change a piece's comments can take, with text of
// several bytes a code point, and checks after each that the counter says what they hold.
func TestCommentTotalsFollowChanges(t *testing.T) {
	s, writer, editor, d := busyPiece(t, 1, 0, "")
	wantTotals(t, s, d.ID, "a comment and a reply")
	second, err := s.CreateComment(editor, d.ID, newsroom.NewComment{Field: "body", Quote: &newsroom.TextQuote{Exact: "numbers rose"}, Body: "  Café 👍🏽 figures?  "})
	if err != nil {
		t.Fatal(err)
	}
	wantTotals(t, s, d.ID, "a second comment, spaced and with accents and emoji")
	steps := []struct {
		name   string
		change func() error
	}{
		{"an edit that lengthens it", func() error {
			_, err := s.EditComment(editor, second.ID, "Café 👍🏽 figures, from which year?")
			return err
		}},
		{"an edit that shortens it", func() error { _, err := s.EditComment(editor, second.ID, "Year?"); return err }},
		{"a reply", func() error {
			_, err := s.Reply(writer, second.ID, newsroom.NewReply{Body: "Füll year: 2025."})
			return err
		}},
		{"resolving", func() error { _, err := s.ResolveComment(editor, second.ID); return err }},
		{"reopening", func() error { _, err := s.ReopenComment(editor, second.ID); return err }},
		{"a third comment", func() error {
			_, err := s.CreateComment(editor, d.ID, newsroom.NewComment{Field: "title", Quote: &newsroom.TextQuote{Exact: "Bridge"}, Body: "Which?"})
			return err
		}},
		{"deleting the third", func() error { _, err := s.DeleteComment(editor, second.ID+1); return err }},
	}
	for _, st := range steps {
		if err := st.change(); err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		wantTotals(t, s, d.ID, st.name)
	}
}

// countAllComments runs migration 00043's count of every piece's comments, as a newsroom
// upgrading to it has its counters made.
func countAllComments(t *testing.T, s *Store) {
	t.Helper()
	dialect := "sqlite"
	if s.wc.Dialector.Name() == "postgres" {
		dialect = "postgres"
	}
	src, err := fs.ReadFile(migrations.FS, dialect+"/00043_comment_totals.sql")
	if err != nil {
		t.Fatal(err)
	}
	up := strings.Split(strings.Split(string(src), "-- +goose Up")[1], "-- +goose Down")[0]
	count := up[strings.Index(up, "INSERT INTO comment_totals"):]
	if err := s.wc.Exec("DELETE FROM comment_totals").Error; err != nil {
		t.Fatal(err)
	}
	if err := s.wc.Exec(count).Error; err != nil {
		t.Fatal(err)
	}
}

// TestCommentTotalsBound fills a piece, as thousands of requests would, to one thread short of
// newsroom.MaxThreads, open and resolved, and to within a reply of newsroom.MaxCommentText, counts
// them as migration 00043 does, and checks that the last place is taken, that past it a comment,
// a reply and a longer edit are refused with 422 before anything is written, and that replies
// and shorter edits still go through.
func TestCommentTotalsBound(t *testing.T) {
	s, writer, editor, d := busyPiece(t, 1, 0, "")
	last, err := s.CreateComment(editor, d.ID, newsroom.NewComment{Field: "body", Quote: &newsroom.TextQuote{Exact: "rose"}, Body: "When?"})
	if err != nil {
		t.Fatal(err)
	}
	long := strings.Repeat("é", newsroom.MaxComment)
	err = s.wc.Exec(`INSERT INTO comments (draft_id, author_id, field, body, quote, exact, prefix, suffix, start_pos, end_pos,
		anchored_version, resolved_by, resolved_at, created_at)
		WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
		SELECT ?, ?, 'body', CASE WHEN i <= 97 THEN ? ELSE 'Done.' END, 'Council', 'Council', '', '', 0, 7, 1, ?, ?, ? FROM n`,
		newsroom.MaxThreads-3, d.ID, d.Writer.ID, long, d.Writer.ID, s.clock(), s.clock()).Error
	if err != nil {
		t.Fatal(err)
	}
	countAllComments(t, s)
	wantTotals(t, s, d.ID, "the migration's count")
	held, err := commentTotals(s.wc, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	room := newsroom.MaxCommentText - held.Text
	if room <= 10 || room > newsroom.MaxComment {
		t.Fatalf("the piece holds %+v, leaving %d code points", held, room)
	}
	if _, err := s.Reply(writer, last.ID, newsroom.NewReply{Body: strings.Repeat("ü", int(room)-20)}); err != nil {
		t.Fatalf("a reply that fits: %v", err)
	}
	twothousandth, err := s.CreateComment(editor, d.ID, newsroom.NewComment{Field: "title", Quote: &newsroom.TextQuote{Exact: "Bridge"}, Body: "Hm."})
	if err != nil {
		t.Fatalf("the last thread: %v", err)
	}
	wantTotals(t, s, d.ID, "the last thread")
	before := heldByComments(t, s, d.ID)
	refusals := []struct {
		name    string
		change  func() error
		wantMsg string
	}{
		{"OneThreadTooMany", func() error {
			_, err := s.CreateComment(editor, d.ID, newsroom.NewComment{Field: "title", Quote: &newsroom.TextQuote{Exact: "Bridge"}, Body: "Again."})
			return err
		}, "this piece holds 2000 comments, open and resolved, the most one piece may; reply in one of its threads instead"},
		{"ReplyPastTheText", func() error {
			_, err := s.Reply(writer, last.ID, newsroom.NewReply{Body: "A reply of many words."})
			return err
		}, "this piece's comments and replies hold"},
		{"LongerEditPastTheText", func() error {
			_, err := s.EditComment(editor, twothousandth.ID, "Hm, which bridge exactly?")
			return err
		}, "this piece's comments and replies hold"},
	}
	for _, tt := range refusals {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.change()
			if newsroom.ErrorCode(err) != newsroom.EINVALID || !strings.HasPrefix(newsroom.ErrorMessage(err), tt.wantMsg) {
				t.Fatalf("%v, want %s %q", err, newsroom.EINVALID, tt.wantMsg)
			}
			if after := heldByComments(t, s, d.ID); after != before {
				t.Fatalf("refused, the comments went from %+v to %+v", before, after)
			}
			wantTotals(t, s, d.ID, "a refusal")
		})
	}
	if _, err := s.EditComment(editor, twothousandth.ID, "H"); err != nil {
		t.Fatalf("a shorter edit: %v", err)
	}
	wantTotals(t, s, d.ID, "a shorter edit")
	if _, err := s.Reply(writer, last.ID, newsroom.NewReply{Body: "OK."}); err != nil {
		t.Fatalf("a reply that fits: %v", err)
	}
	wantTotals(t, s, d.ID, "a short reply")
}

// TestCommentGateReadsNoReplies refuses to approve a piece with an open thread whose replies
// hold 2 MB, and checks that the refusal, which names the thread by its id and words, read no
// more than a fraction of them: the gate runs under the write lock on every approve, schedule
// and publish, and read every reply of every open thread.
func TestCommentGateReadsNoReplies(t *testing.T) {
	s, _, _, d := busyPiece(t, 1, 100, strings.Repeat("é", newsroom.MaxComment))
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	err := commentGate(s.wc, d.ID, newsroom.ActionApprove, false, "")
	runtime.ReadMemStats(&after)
	if newsroom.ErrorCode(err) != newsroom.ECONFLICT || !strings.Contains(newsroom.ErrorMessage(err), `1 unresolved comment, #1 on "Council"`) {
		t.Fatalf("the gate said %v", err)
	}
	const replies = 100 * 2 * newsroom.MaxComment
	if read := after.TotalAlloc - before.TotalAlloc; read > replies/8 {
		t.Fatalf("the gate allocated %d bytes, where the open thread's replies hold %d", read, replies)
	}
}
