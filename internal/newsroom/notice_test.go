package newsroom_test

import (
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestPendingNote holds the rule for the note shown at the top of a piece: the newest transition
// into its stage, with a note, by someone else, and nothing done since.
func TestPendingNote(t *testing.T) {
	t0 := time.Date(2025, 5, 7, 9, 0, 0, 0, time.UTC)
	at := func(min int) time.Time { return t0.Add(time.Duration(min) * time.Minute) }
	const writer, editor = 1, 2
	ed := newsroom.Person{ID: editor, Name: "Ed"}
	sarah := newsroom.Person{ID: writer, Name: "Sarah"}
	created := newsroom.AuditEntry{ID: 1, Actor: sarah, Action: "create", To: "draft", At: at(0)}
	submitted := newsroom.AuditEntry{ID: 2, Actor: sarah, Action: "submit", From: "draft", To: "editing", At: at(1)}
	returned := newsroom.AuditEntry{ID: 3, Actor: ed, Action: "request_changes", From: "editing", To: "draft", Note: "Name the source.", At: at(2)}
	silent := newsroom.AuditEntry{ID: 3, Actor: ed, Action: "request_changes", From: "editing", To: "draft", At: at(2)}
	resolved := newsroom.AuditEntry{ID: 4, Actor: ed, Action: "resolve_comment", From: "draft", To: "draft", Note: "comment 1", At: at(3)}
	resubmitted := newsroom.AuditEntry{ID: 5, Actor: sarah, Action: "submit", From: "draft", To: "editing", At: at(4)}
	firstVersion := newsroom.Revision{Version: 1, CreatedAt: at(0)}
	saved := newsroom.Revision{Version: 2, CreatedAt: at(5)}
	lostRace := newsroom.Revision{Unmerged: true, CreatedAt: at(5)}
	tests := []struct {
		name      string
		audit     []newsroom.AuditEntry
		revisions []newsroom.Revision
		stage     newsroom.Stage
		viewer    int64
		want      int64 // the id of the entry shown; 0 for none
	}{
		{"ReturnedWithNote", []newsroom.AuditEntry{returned, submitted, created}, []newsroom.Revision{firstVersion}, "draft", writer, 3},
		{"InAnyOrder", []newsroom.AuditEntry{created, returned, submitted}, []newsroom.Revision{firstVersion}, "draft", writer, 3},
		{"CommentActionsAreNoTransition", []newsroom.AuditEntry{resolved, returned, submitted, created}, []newsroom.Revision{firstVersion}, "draft", writer, 3},
		{"NotToTheOneWhoWroteIt", []newsroom.AuditEntry{returned, submitted, created}, []newsroom.Revision{firstVersion}, "draft", editor, 0},
		{"NoNote", []newsroom.AuditEntry{silent, submitted, created}, []newsroom.Revision{firstVersion}, "draft", writer, 0},
		{"SavedSince", []newsroom.AuditEntry{returned, submitted, created}, []newsroom.Revision{saved, firstVersion}, "draft", writer, 0},
		{"UnmergedSaveIsNoVersion", []newsroom.AuditEntry{returned, submitted, created}, []newsroom.Revision{lostRace, firstVersion}, "draft", writer, 3},
		{"MovedOnSince", []newsroom.AuditEntry{resubmitted, returned, submitted, created}, []newsroom.Revision{firstVersion}, "editing", writer, 0},
		{"NotIntoThisStage", []newsroom.AuditEntry{returned, submitted, created}, []newsroom.Revision{firstVersion}, "editing", writer, 0},
		{"NoTransition", []newsroom.AuditEntry{created}, []newsroom.Revision{firstVersion}, "draft", editor, 0},
		{"Nothing", nil, nil, "draft", writer, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := newsroom.PendingNote(tt.audit, tt.revisions, tt.stage, tt.viewer)
			var id int64
			if got != nil {
				id = got.ID
			}
			if id != tt.want {
				t.Fatalf("PendingNote = %+v, want entry %d", got, tt.want)
			}
		})
	}
}
