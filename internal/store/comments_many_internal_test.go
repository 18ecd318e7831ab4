package store

import (
	"context"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// busyPiece is a store holding a piece by the writer sarah with threads open threads by the
// editor ed, each of replies replies by sarah (body), the first of them reading "The city's,
// @ed." and addressed to ed: sarah's and ed's contexts, and the piece.
func busyPiece(t *testing.T, threads, replies int, body string) (*Store, context.Context, context.Context, *newsroom.Draft) {
	t.Helper()
	s := openStore(t, Options{})
	op := AsOperator(context.Background())
	w, err := s.CreateUser(op, NewUser{Username: "sarah", Role: newsroom.RoleWriter, Password: "pw-sarah-staple"})
	if err != nil {
		t.Fatal(err)
	}
	e, err := s.CreateUser(op, NewUser{Username: "ed", Role: newsroom.RoleEditor, Password: "pw-ed-staple-horse"})
	if err != nil {
		t.Fatal(err)
	}
	writer, editor := newsroom.WithUser(context.Background(), w), newsroom.WithUser(context.Background(), e)
	d, err := s.CreateDraft(writer, newsroom.Text{Title: "Bridge", Byline: "Sarah", Brief: "Figures rose.", Body: "Council numbers rose."})
	if err != nil {
		t.Fatal(err)
	}
	first, err := s.CreateComment(editor, d.ID, newsroom.NewComment{Field: "body", Quote: &newsroom.TextQuote{Exact: "Council"}, Body: "Which council?"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Reply(writer, first.ID, newsroom.NewReply{Body: "The city's, @ed.", To: []string{"ed"}}); err != nil {
		t.Fatal(err)
	}
	for range threads - 1 {
		if _, err := s.CreateComment(editor, d.ID, newsroom.NewComment{Field: "body", Quote: &newsroom.TextQuote{Exact: "numbers"}, Body: "Source?"}); err != nil {
			t.Fatal(err)
		}
	}
	// The other replies are written in one statement, as thousands of requests would write them.
	err = s.wc.Exec(`INSERT INTO comment_replies (comment_id, author_id, body, created_at)
		WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
		SELECT comments.id, ?, ?, ? FROM comments, n WHERE comments.draft_id = ? AND NOT (comments.id = ? AND n.i = 1)`,
		replies, w.ID, body, s.clock(), d.ID, first.ID).Error
	if err != nil {
		t.Fatal(err)
	}
	return s, writer, editor, d
}

// TestCommentsOfABusyPiece reads the threads of a piece holding more replies than SQLite takes
// parameters in one statement (32,766): 170 open threads of 200 replies each, within the caps of
// threads and replies. Reading them listed every reply's id in one query, which SQLite refused,
// so the piece's page, its comments and every step its comments gate holds failed for everyone
// once someone had replied that often.
func TestCommentsOfABusyPiece(t *testing.T) {
	const threads, replies = 170, newsroom.MaxReplies
	s, writer, editor, d := busyPiece(t, threads, replies, "Noted.")
	op := AsOperator(context.Background())
	cs, err := s.Comments(editor, d.ID)
	if err != nil {
		t.Fatalf("reading the comments: %v", err)
	}
	if len(cs) != threads {
		t.Fatalf("%d threads, want %d", len(cs), threads)
	}
	for _, c := range cs {
		if len(c.Replies) != replies {
			t.Fatalf("thread %d has %d replies, want %d", c.ID, len(c.Replies), replies)
		}
	}
	if got := cs[0].Replies[0]; got.Body != "The city's, @ed." || len(got.Addressed) != 1 || got.Addressed[0].Username != "ed" {
		t.Fatalf("the first reply reads %q to %+v, want the city's, to ed", got.Body, got.Addressed)
	}
	f, err := s.CreateUser(op, NewUser{Username: "fay", Role: newsroom.RoleFactChecker, Password: "pw-fay-staple-horse"})
	if err != nil {
		t.Fatal(err)
	}
	for _, step := range []struct {
		ctx    context.Context
		action newsroom.Action
	}{{writer, newsroom.ActionSubmit}, {newsroom.WithUser(context.Background(), f), newsroom.ActionClear}} {
		if _, err := s.Transition(step.ctx, d.ID, newsroom.TransitionRequest{Action: step.action}); err != nil {
			t.Fatalf("%s: %v", step.action, err)
		}
	}
	_, err = s.Transition(editor, d.ID, newsroom.TransitionRequest{Action: newsroom.ActionApprove})
	if code := newsroom.ErrorCode(err); code != newsroom.ECONFLICT {
		t.Fatalf("approving with the threads open: %v, want a conflict naming them", err)
	}
}

// TestInboxOfAMuchMentionedPerson reads the inbox of someone mentioned in more threads than
// SQLite takes parameters in one statement: the inbox listed each entry's key, and each entry's
// piece, as parameters, so once colleagues had mentioned them that often their inbox failed, and
// their bell went dark on every page. A thread is one entry however many of its replies mention
// them, and a piece holds at most MaxOpenComments open threads, so the threads are written in one
// statement, as the threads of many pieces would come.
func TestInboxOfAMuchMentionedPerson(t *testing.T) {
	const threads, body = 34000, "What now, @ed?"
	s, _, editor, d := busyPiece(t, 1, 0, "")
	err := s.wc.Exec(`INSERT INTO comments (draft_id, author_id, field, body, quote, exact, prefix, suffix, start_pos, end_pos, anchored_version, created_at)
		WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
		SELECT comments.draft_id, drafts.writer_id, comments.field, ?, comments.quote, comments.exact, comments.prefix,
			comments.suffix, comments.start_pos, comments.end_pos, comments.anchored_version, comments.created_at
		FROM comments JOIN drafts ON drafts.id = comments.draft_id, n WHERE comments.draft_id = ?`, threads, body, d.ID).Error
	if err != nil {
		t.Fatal(err)
	}
	err = s.wc.Exec(`INSERT INTO mentions (draft_id, user_id, author_id, comment_id, created_at)
		SELECT comments.draft_id, ?, comments.author_id, comments.id, comments.created_at
		FROM comments WHERE comments.draft_id = ? AND comments.body = ?`, newsroom.UserFrom(editor).ID, d.ID, body).Error
	if err != nil {
		t.Fatal(err)
	}
	es, err := s.Inbox(editor)
	if err != nil {
		t.Fatalf("reading the inbox: %v", err)
	}
	mentions := 0
	for _, e := range es {
		if e.Kind == newsroom.InboxMentions {
			mentions++
		}
	}
	if mentions < threads {
		t.Fatalf("%d mentions in the inbox, want %d or more", mentions, threads)
	}
	if err := s.MarkInboxDone(editor, es[len(es)-1].Entry); err != nil {
		t.Fatalf("marking an entry done: %v", err)
	}
	after, err := s.Inbox(editor)
	if err != nil || len(after) != len(es)-1 {
		t.Fatalf("after marking one done the inbox holds %d entries (%v), want %d", len(after), err, len(es)-1)
	}
}
