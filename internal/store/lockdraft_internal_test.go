package store

import (
	"context"
	"reflect"
	"testing"

	"gorm.io/gorm"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestLockDraftReadsWithoutGORM: the draft a publish or a step of the workflow locks is read with
// the prepared planDraftSQL, not a query GORM builds with the policy's rule in it, and is found
// exactly where findDraft finds it: for whoever may see it, and not found, alike, when it is
// someone else's draft the actor may not see or no draft at all.
func TestLockDraftReadsWithoutGORM(t *testing.T) {
	f := newPlanFixture(t)
	other, err := f.s.CreateUser(AsOperator(context.Background()), NewUser{Username: "omar", Role: newsroom.RoleWriter, Password: "pw-omar-staple"})
	if err != nil {
		t.Fatal(err)
	}
	draft := f.draftIn(t, newsroom.StageDraft)
	editing := f.draftIn(t, newsroom.StageEditing)
	built := 0
	if err := f.s.wc.Callback().Row().Before("gorm:row").Register("count_draft_locks", func(db *gorm.DB) {
		if db.Statement.Table == "drafts" {
			built++
		}
	}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		actor *newsroom.User
		id    int64
		found bool
	}{
		{"WritersOwn", newsroom.UserFrom(f.writer), draft.ID, true},
		{"AnotherWriters", other, draft.ID, false},
		{"CheckerBeforeFactCheck", newsroom.UserFrom(f.checker), draft.ID, false},
		{"CheckerInEditing", newsroom.UserFrom(f.checker), editing.ID, true},
		{"Editor", newsroom.UserFrom(f.editor), editing.ID, true},
		{"NoSuchDraft", newsroom.UserFrom(f.editor), editing.ID + 100, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			built = 0
			err := f.s.tx(f.editor, func(tx *gorm.DB) error {
				want, wantErr := f.s.findDraft(tx, tt.actor, tt.id)
				built = 0
				got, err := f.s.lockDraft(tx, tt.actor, tt.id)
				if built != 0 {
					t.Errorf("locking the draft built %d reads of drafts with GORM; want none", built)
				}
				if tt.found != (err == nil) || newsroom.ErrorCode(err) != newsroom.ErrorCode(wantErr) || errText(err) != errText(wantErr) {
					t.Errorf("lockDraft: %v; findDraft: %v; want found %v", err, wantErr, tt.found)
				}
				if !reflect.DeepEqual(got, want) {
					t.Errorf("lockDraft read %+v; findDraft %+v", got, want)
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
		})
	}
}
