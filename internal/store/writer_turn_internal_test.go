package store

import (
	"context"
	"fmt"
	"testing"
	"time"

	"gorm.io/gorm"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// pendingDrafts writes n drafts and saves each once, which leaves them in search_pending for the
// index, and returns a function counting the drafts still pending.
func pendingDrafts(t *testing.T, f *planFixture, n int) func() int64 {
	t.Helper()
	body := "The harbour reopened after the storm."
	for i := range n {
		d, err := f.s.CreateDraft(f.writer, newsroom.Text{Title: fmt.Sprintf("Harbour %d", i), Byline: "Sarah", Body: "The harbour reopened."})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.s.UpdateDraft(f.writer, d.ID, newsroom.DraftUpdate{Body: &body, Version: d.Version}); err != nil {
			t.Fatal(err)
		}
	}
	return func() int64 {
		t.Helper()
		var left int64
		if err := f.s.r.Raw("SELECT count(*) FROM search_pending").Scan(&left).Error; err != nil {
			t.Fatal(err)
		}
		return left
	}
}

// holdWriter takes the writer as a request's transaction would and keeps it until the returned
// function is called, which waits for the transaction to have committed.
func holdWriter(t *testing.T, s *Store) (release func()) {
	t.Helper()
	held, free, done := make(chan struct{}), make(chan struct{}), make(chan error)
	go func() {
		done <- s.transact(context.Background(), func(tx *gorm.DB) error {
			close(held)
			<-free
			return nil
		})
	}()
	<-held
	return func() {
		close(free)
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
}

// TestIndexingGivesWayToRequests checks that the scheduler's search indexing lets requests
// have the writer first: it does not take the writer while a request holds it, a request that
// comes to wait for the writer after it goes before it, and once the writer is free it indexes
// one batch at once, well before its patience runs out; having waited, it leaves the rest to the
// next run, which finds the writer free and indexes everything.
func TestIndexingGivesWayToRequests(t *testing.T) {
	f := newPlanFixture(t)
	left := pendingDrafts(t, f, 5)
	if n := left(); n != 5 {
		t.Fatalf("%d drafts pending after their saves; want 5", n)
	}
	f.s.patience = 10 * time.Second
	release := holdWriter(t, f.s)
	indexed := make(chan error, 1)
	go func() { indexed <- f.s.IndexSearch(context.Background()) }()
	time.Sleep(50 * time.Millisecond)
	// A request arrives after the indexing began to wait, and notes what is still pending
	// when its turn comes.
	var seen int64
	served := make(chan error, 1)
	go func() {
		served <- f.s.transact(context.Background(), func(tx *gorm.DB) error {
			return tx.Raw("SELECT count(*) FROM search_pending").Scan(&seen).Error
		})
	}()
	time.Sleep(50 * time.Millisecond)
	select {
	case err := <-indexed:
		t.Fatalf("IndexSearch returned (%v) while a request held the writer; want it to wait", err)
	default:
	}
	freed := time.Now()
	release()
	if err := <-served; err != nil {
		t.Fatal(err)
	}
	if seen != 5 {
		t.Errorf("the request that came to wait after the indexing saw %d drafts pending; want all 5 (the request first)", seen)
	}
	if err := <-indexed; err != nil {
		t.Fatal(err)
	}
	if waited := time.Since(freed); waited > time.Second {
		t.Errorf("IndexSearch took %s after the writer was freed; want it to start at once", waited)
	}
	if n := left(); n != 5-draftIndexBatch {
		t.Errorf("%d drafts pending after a run that waited; want %d (one batch indexed)", n, 5-draftIndexBatch)
	}
	if err := f.s.IndexSearch(context.Background()); err != nil {
		t.Fatal(err)
	}
	if n := left(); n != 0 {
		t.Errorf("%d drafts pending after a run with the writer free; want none", n)
	}
}

// TestIndexingAdvancesUnderWritesThatNeverPause checks that when requests keep the writer busy
// past the indexing's patience, a run still indexes one batch, and only one, leaving the rest to
// the next run, which indexes it once the writer is free.
func TestIndexingAdvancesUnderWritesThatNeverPause(t *testing.T) {
	f := newPlanFixture(t)
	left := pendingDrafts(t, f, 5)
	f.s.patience = 20 * time.Millisecond
	release, released := holdWriter(t, f.s), make(chan struct{})
	go func() {
		time.Sleep(200 * time.Millisecond)
		release()
		close(released)
	}()
	if err := f.s.IndexSearch(context.Background()); err != nil {
		t.Fatal(err)
	}
	<-released
	if n := left(); n != 5-draftIndexBatch {
		t.Fatalf("%d drafts pending after a run that found the writer busy; want %d (one batch indexed)", n, 5-draftIndexBatch)
	}
	if err := f.s.IndexSearch(context.Background()); err != nil {
		t.Fatal(err)
	}
	if n := left(); n != 0 {
		t.Errorf("%d drafts pending after a run with the writer free; want none", n)
	}
}
