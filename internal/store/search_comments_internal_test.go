package store

import (
	"context"
	"io/fs"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/pressly/goose/v3"
	"gorm.io/gorm"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/migrations"
)

// TestCommentsIndexOffTheWriter checks that a new piece, a comment on it and a reply do not
// index the piece for search in their own transactions: FTS4 tokenizes a whole row
// again on any change to it, so each of them would hold SQLite's writer as long as indexing
// the whole piece takes, a third of a second for a long one, and anyone who may comment could
// stall every write by commenting again and again. Indexing the piece is timed on its own, and
// none of them may take a third of that. The comment is found by a search all the same.
func TestCommentsIndexOffTheWriter(t *testing.T) {
	s := openStore(t, Options{})
	op := AsOperator(context.Background())
	w, err := s.CreateUser(op, NewUser{Username: "sarah", Role: newsroom.RoleWriter, Password: "pw-sarah-staple"})
	if err != nil {
		t.Fatal(err)
	}
	f, err := s.CreateUser(op, NewUser{Username: "fiona", Role: newsroom.RoleFactChecker, Password: "pw-fiona-staple"})
	if err != nil {
		t.Fatal(err)
	}
	writer, checker := newsroom.WithUser(context.Background(), w), newsroom.WithUser(context.Background(), f)
	r := rand.New(rand.NewPCG(1, 2))
	var body strings.Builder
	body.WriteString("Council")
	for body.Len() < newsroom.MaxBody-8 {
		body.WriteByte(' ')
		for range 6 {
			body.WriteByte(byte('a' + r.IntN(16)))
		}
	}
	timed := func(name string, fn func() error) time.Duration {
		t.Helper()
		began := time.Now()
		if err := fn(); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return time.Since(began)
	}
	var d *newsroom.Draft
	took := map[string]time.Duration{}
	took["a new piece"] = timed("create", func() (err error) {
		d, err = s.CreateDraft(writer, newsroom.Text{Title: "Bridge", Byline: "Sarah Johnson", Brief: "A vote.", Body: body.String()})
		return err
	})
	timed("submit", func() error {
		_, err := s.Transition(writer, d.ID, newsroom.TransitionRequest{Action: newsroom.ActionSubmit})
		return err
	})
	indexing := timed("index", func() error {
		return s.transact(context.Background(), func(tx *gorm.DB) error {
			_, err := indexDrafts(tx, []int64{d.ID})
			return err
		})
	})
	var c *newsroom.Comment
	took["a comment"] = timed("comment", func() (err error) {
		c, err = s.CreateComment(checker, d.ID, newsroom.NewComment{Field: "body", Quote: &newsroom.TextQuote{Exact: "Council"}, Body: "Which okapi said so?"})
		return err
	})
	took["a reply"] = timed("reply", func() error {
		_, err := s.Reply(writer, c.ID, newsroom.NewReply{Body: "The chamois."})
		return err
	})
	for what, d := range took {
		if d >= indexing/3 {
			t.Errorf("%s took %s; indexing the piece alone takes %s", what, d, indexing)
		}
	}
	page, err := s.Search(checker, newsroom.DraftFilter{Query: "okapi chamois"})
	if err != nil || len(page.Items) != 1 || page.Items[0].ID != d.ID {
		t.Errorf("search for words of the comment and its reply = %+v, %v; want the piece", page, err)
	}
}

// TestCommentsSearchLaterDown takes the schema back below migration 00036 with a piece and its
// comment still waiting to be indexed, as `goose down` would: the piece is indexed on the way
// down, a comment made then is indexed at once by the earlier triggers, and both are found
// once the schema is up again.
func TestCommentsSearchLaterDown(t *testing.T) {
	s := openStore(t, Options{})
	ctx := context.Background()
	w, err := s.CreateUser(AsOperator(ctx), NewUser{Username: "sarah", Role: newsroom.RoleWriter, Password: "pw-sarah-staple"})
	if err != nil {
		t.Fatal(err)
	}
	e, err := s.CreateUser(AsOperator(ctx), NewUser{Username: "ed", Role: newsroom.RoleEditor, Password: "pw-ed-staple-horse"})
	if err != nil {
		t.Fatal(err)
	}
	editor := newsroom.WithUser(ctx, e)
	d, err := s.CreateDraft(newsroom.WithUser(ctx, w), newsroom.Text{Title: "Bridge", Body: "Council numbers rose."})
	if err != nil {
		t.Fatal(err)
	}
	comment := func(body string) {
		t.Helper()
		if _, err := s.CreateComment(editor, d.ID, newsroom.NewComment{Field: "body", Quote: &newsroom.TextQuote{Exact: "Council"}, Body: body}); err != nil {
			t.Fatal(err)
		}
	}
	comment("Which okapi?")
	files, _ := fs.Sub(migrations.FS, "sqlite")
	p, err := goose.NewProvider(goose.DialectSQLite3, s.DB(), files)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.DownTo(ctx, 35); err != nil {
		t.Fatal(err)
	}
	// The store's code needs the schema it was written for (comment_totals since 00043), so the
	// comment made below 00036 is written as a store of that time wrote it.
	err = s.wc.Exec(`INSERT INTO comments (draft_id, author_id, field, body, quote, exact, prefix, suffix, start_pos, end_pos, anchored_version, created_at)
		VALUES (?, ?, 'body', 'The chamois.', 'Council', 'Council', '', ' numbers rose.', 0, 7, 1, ?)`, d.ID, e.ID, s.clock()).Error
	if err != nil {
		t.Fatal(err)
	}
	for _, word := range []string{"council", "okapi", "chamois"} {
		var n int
		if err := s.DB().QueryRow("SELECT count(*) FROM draft_search WHERE draft_search MATCH ?", word).Scan(&n); err != nil || n != 1 {
			t.Errorf("below 00036, the index finds %q in %d pieces (%v); want 1", word, n, err)
		}
	}
	if _, err := s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	page, err := s.Search(editor, newsroom.DraftFilter{Query: "okapi chamois"})
	if err != nil || len(page.Items) != 1 {
		t.Errorf("search after down and up = %+v, %v; want the piece", page, err)
	}
}
