package store

import (
	"context"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// restoreSetup is a store with a writer and an editor, each as a request's context.
func restoreSetup(t *testing.T) (s *Store, writer, editor context.Context) {
	s, _, writer = loggedWriter(t)
	ed, err := s.CreateUser(AsOperator(context.Background()), NewUser{Username: "ed", Role: newsroom.RoleEditor, Password: "pw-ed-staple"})
	if err != nil {
		t.Fatal(err)
	}
	return s, writer, newsroom.WithUser(context.Background(), ed)
}

// commentAfter returns comment id of draft as the editor reads it.
func commentAfter(t *testing.T, s *Store, editor context.Context, draft, id int64) newsroom.Comment {
	t.Helper()
	cs, err := s.Comments(editor, draft)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cs {
		if c.ID == id {
			return c
		}
	}
	t.Fatalf("comment %d is gone", id)
	return newsroom.Comment{}
}

// TestRestoreOfAFieldNoCommentIsOn: a save that brings back an earlier byline matches that
// version's checksum while no field a comment is on changed on the way; it must save, with the
// comment where it was (it once failed every time on the comment's empty result).
func TestRestoreOfAFieldNoCommentIsOn(t *testing.T) {
	s, writer, editor := restoreSetup(t)
	d, err := s.CreateDraft(writer, newsroom.Text{Title: "Bridge", Byline: "Sarah", Body: "The council met. Quorum reached on Tuesday."})
	if err != nil {
		t.Fatal(err)
	}
	c, err := s.CreateComment(editor, d.ID, newsroom.NewComment{Field: "body", Quote: &newsroom.TextQuote{Exact: "Quorum reached"}, Body: "Source?"})
	if err != nil {
		t.Fatal(err)
	}
	for _, by := range []string{"Ann", "Bob", "Sarah"} {
		if d, err = s.UpdateDraft(writer, d.ID, newsroom.DraftUpdate{Byline: &by, Version: d.Version}); err != nil {
			t.Fatalf("saving the byline %q: %v", by, err)
		}
		if got := commentAfter(t, s, editor, d.ID, c.ID); got.Anchor.Exact != "Quorum reached" || got.Detached {
			t.Errorf("after the byline %q the comment is on %q, detached %v", by, got.Anchor.Exact, got.Detached)
		}
	}
}

// TestRestoreAfterWordsCutAndTypedBack: words cut in one save and typed back word for word in a
// later one, commented on then, stand where they stood in the version restored: the comment
// stays on them, not detached.
func TestRestoreAfterWordsCutAndTypedBack(t *testing.T) {
	s, writer, editor := restoreSetup(t)
	v1 := "The council met. Quorum reached on Tuesday. Vote was close."
	d, err := s.CreateDraft(writer, newsroom.Text{Title: "Bridge", Byline: "Sarah", Body: v1})
	if err != nil {
		t.Fatal(err)
	}
	save := func(b string) {
		t.Helper()
		if d, err = s.UpdateDraft(writer, d.ID, newsroom.DraftUpdate{Body: &b, Version: d.Version}); err != nil {
			t.Fatal(err)
		}
	}
	save("The council met. Vote was close.")
	save("The council met. Quorum reached on Tuesday. Vote was narrow.")
	c, err := s.CreateComment(editor, d.ID, newsroom.NewComment{Field: "body", Quote: &newsroom.TextQuote{Exact: "Quorum reached"}, Body: "Source?"})
	if err != nil {
		t.Fatal(err)
	}
	save(v1)
	if got := commentAfter(t, s, editor, d.ID, c.ID); got.Detached || got.Anchor.Exact != "Quorum reached" || got.Anchor.Start != 17 {
		t.Errorf("after restoring version 1 the comment is on %q at %d, detached %v; want its words at 17", got.Anchor.Exact, got.Anchor.Start, got.Detached)
	}
}
