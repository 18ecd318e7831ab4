package store

import (
	"context"
	"testing"
	"time"

	"gorm.io/gorm"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestStepsWriteTheirDraftWithoutGORM: a publish and a step of the workflow that changes only the
// draft's stage write its row with touchDraftStage's own statement, not one GORM builds from a
// map of the changes (a fifth of a publish under the writer), and write all of it: the new stage
// and the step's time, which moves the draft's stamp.
func TestStepsWriteTheirDraftWithoutGORM(t *testing.T) {
	f := newPlanFixture(t)
	built := 0
	count := func(db *gorm.DB) {
		if db.Statement.Table == "drafts" {
			built++
		}
	}
	if err := f.s.wc.Callback().Update().Before("gorm:update").Register("count_draft_updates", count); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		actor context.Context
		from  newsroom.Stage
		step  func(ctx context.Context, id int64) error
		want  newsroom.Stage
	}{
		{"Publish", f.editor, newsroom.StageApproved, func(ctx context.Context, id int64) error {
			_, err := f.s.Publish(ctx, id, time.Time{}, 0)
			return err
		}, newsroom.StagePublished},
		{"PublishAsAction", f.editor, newsroom.StageApproved, func(ctx context.Context, id int64) error {
			_, err := f.s.Transition(ctx, id, newsroom.TransitionRequest{Action: newsroom.ActionPublish})
			return err
		}, newsroom.StagePublished},
		{"Submit", f.writer, newsroom.StageDraft, func(ctx context.Context, id int64) error {
			_, err := f.s.Transition(ctx, id, newsroom.TransitionRequest{Action: newsroom.ActionSubmit})
			return err
		}, newsroom.StageFactCheck},
		{"Clear", f.checker, newsroom.StageFactCheck, func(ctx context.Context, id int64) error {
			_, err := f.s.Transition(ctx, id, newsroom.TransitionRequest{Action: newsroom.ActionClear})
			return err
		}, newsroom.StageEditing},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := f.draftIn(t, tt.from)
			before := time.Now()
			built = 0
			if err := tt.step(tt.actor, d.ID); err != nil {
				t.Fatal(err)
			}
			got, err := f.s.GetDraft(f.editor, d.ID)
			if err != nil {
				t.Fatal(err)
			}
			if got.Stage != tt.want || got.UpdatedAt.Before(before) || !got.UpdatedAt.After(d.UpdatedAt) {
				t.Errorf("stored stage %s at %v; want %s, updated after %v", got.Stage, got.UpdatedAt, tt.want, before)
			}
			if got.Version != d.Version || got.Body != d.Body {
				t.Errorf("stored version %d, body %q; want them as before the step: %d, %q", got.Version, got.Body, d.Version, d.Body)
			}
			if built != 0 {
				t.Errorf("the step built %d updates of drafts with GORM; want none", built)
			}
		})
	}
}
