package store

import (
	"context"
	"testing"

	"gorm.io/gorm"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestMarkInboxDoneReadsOffTheWriter checks that marking an entry that is not in one's inbox
// runs nothing on SQLite's writer connection: the inbox, read to look for the entry, reads
// every piece the user sees, and read under the write lock it held every other write up for as
// long as that took, as often as anyone signed in sent it.
func TestMarkInboxDoneReadsOffTheWriter(t *testing.T) {
	s := openStore(t, Options{})
	w, err := s.CreateUser(AsOperator(context.Background()), NewUser{Username: "sarah", Role: newsroom.RoleWriter, Password: "pw-sarah-staple"})
	if err != nil {
		t.Fatal(err)
	}
	writer := newsroom.WithUser(context.Background(), w)
	if _, err := s.CreateDraft(writer, newsroom.Text{Title: "Bridge", Body: "Council numbers rose."}); err != nil {
		t.Fatal(err)
	}
	statements := 0
	count := func(*gorm.DB) { statements++ }
	cb := s.wc.Callback()
	for _, err := range []error{
		cb.Query().After("gorm:query").Register("count_query", count),
		cb.Row().After("gorm:row").Register("count_row", count),
		cb.Raw().After("gorm:raw").Register("count_raw", count),
	} {
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := s.MarkInboxDone(writer, "thread:999999@0"); newsroom.ErrorCode(err) != newsroom.ENOTFOUND {
		t.Fatalf("MarkInboxDone of an entry not in the inbox = %v; want not found", err)
	}
	if statements != 0 {
		t.Errorf("marking an entry not in the inbox ran %d statements on the writer connection; want none", statements)
	}
}
