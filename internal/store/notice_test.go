package store_test

import (
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/clock"
	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/store"
)

// TestPendingNote shows an editor's note to the writer of a piece sent back with it, not to the
// editor, and no longer once the writer has saved a new version.
func TestPendingNote(t *testing.T) {
	clk := clock.NewFake(time.Date(2025, 5, 7, 9, 0, 0, 0, time.UTC))
	f := newNewsroomAt(t, store.Options{Clock: clk})
	d := f.draftIn(t, newsroom.StageEditing)
	clk.Add(time.Minute)
	d, err := f.s.Transition(f.editor, d.ID, newsroom.TransitionRequest{Action: newsroom.ActionRequestChanges, Note: "Name the source."})
	if err != nil {
		t.Fatal(err)
	}
	note, err := f.s.PendingNote(f.writer, d.ID)
	if err != nil || note == nil || note.Note != "Name the source." || note.Actor.Username != "ed" {
		t.Fatalf("the writer's pending note = %+v, %v", note, err)
	}
	if note, err := f.s.PendingNote(f.editor, d.ID); err != nil || note != nil {
		t.Fatalf("the editor's own note is pending for them: %+v, %v", note, err)
	}
	if _, err := f.s.PendingNote(f.other, d.ID); newsroom.ErrorCode(err) != newsroom.ENOTFOUND {
		t.Fatalf("another writer asks for the note: %v", err)
	}
	clk.Add(time.Minute)
	body := "The source, named."
	if _, err := f.s.UpdateDraft(f.writer, d.ID, newsroom.DraftUpdate{Body: &body, Version: d.Version}); err != nil {
		t.Fatal(err)
	}
	if note, err := f.s.PendingNote(f.writer, d.ID); err != nil || note != nil {
		t.Fatalf("the note is still pending after a save: %+v, %v", note, err)
	}
}
