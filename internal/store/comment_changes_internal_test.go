package store

import (
	"context"
	"slices"
	"testing"

	"gorm.io/gorm"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestReplyLooksUpEachAddresseeOnce checks that a reply addressed to one name many times, in
// any case, looks its user up once: the lookups run under the write lock, and a body of one
// name sent 85,000 times held it for 2.7 seconds, stalling every write in the newsroom. The
// names are now at most newsroom.MaxAddressees, and each is still looked up once.
func TestReplyLooksUpEachAddresseeOnce(t *testing.T) {
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
	d, err := s.CreateDraft(writer, newsroom.Text{Title: "Bridge", Body: "Council numbers rose."})
	if err != nil {
		t.Fatal(err)
	}
	c, err := s.CreateComment(editor, d.ID, newsroom.NewComment{Field: "body", Quote: &newsroom.TextQuote{Exact: "Council"}, Body: "Which council?"})
	if err != nil {
		t.Fatal(err)
	}
	lookups := 0
	count := func(db *gorm.DB) {
		if db.Statement.Table == "users" {
			lookups++
		}
	}
	if err := s.wc.Callback().Query().After("gorm:query").Register("count_user_lookups", count); err != nil {
		t.Fatal(err)
	}
	reply, err := s.Reply(writer, c.ID, newsroom.NewReply{Body: "The city's.", To: append(slices.Repeat([]string{"ed"}, newsroom.MaxAddressees-2), "ED", " Ed ")})
	if err != nil {
		t.Fatal(err)
	}
	if got := reply.Replies[0].Addressed; len(got) != 1 || got[0].Username != "ed" {
		t.Errorf("addressed = %+v; want ed once", got)
	}
	if lookups != 1 {
		t.Errorf("the reply looked users up %d times under the write lock; want once", lookups)
	}
}
