package store_test

import (
	"database/sql"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/store"
	"github.com/copydesk/copydesk/internal/store/storetest"
)

// TestUnseenDraftIsNotWaitedFor: on PostgreSQL, while one transaction holds a draft's row lock
// (a long save or publish), a step of the workflow asked by someone who may not see the draft is
// refused at once, as for a draft that does not exist: it neither waits for the lock, which would
// tell them the draft exists and is being written, nor queues for it ahead of those who may.
func TestUnseenDraftIsNotWaitedFor(t *testing.T) {
	dsn := storetest.PostgresDSN(t)
	s := openMigrated(t, dsn, store.Options{})
	writer, _ := mustUser(t, s, "sarah", newsroom.RoleWriter)
	other, _ := mustUser(t, s, "omar", newsroom.RoleWriter)
	d, err := s.CreateDraft(writer, newsroom.Text{Title: "Harbour", Body: "The harbour reopened."})
	if err != nil {
		t.Fatal(err)
	}
	holder, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Close()
	tx, err := holder.Begin()
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if _, err := tx.Exec("SELECT id FROM drafts WHERE id = $1 FOR UPDATE", d.ID); err != nil {
		t.Fatal(err)
	}
	hold := 3 * time.Second
	go func() { time.Sleep(hold); tx.Rollback() }()
	start := time.Now()
	_, err = s.Transition(other, d.ID, newsroom.TransitionRequest{Action: newsroom.ActionSubmit})
	took := time.Since(start)
	if newsroom.ErrorCode(err) != newsroom.ENOTFOUND {
		t.Fatalf("another writer's step = %v, want not found", err)
	}
	if took > hold/2 {
		t.Errorf("another writer's step was refused after %v, waiting for the lock held %v", took, hold)
	}
}
