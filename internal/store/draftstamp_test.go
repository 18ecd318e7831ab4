package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/clock"
	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/store"
)

// TestEveryDraftWriteMovesItsStamp takes drafts through every kind of write the store makes to
// them (saves by writer and editor, every transition, publishing now and later, taking a
// schedule back, the release, a correction) and checks that each one moves the draft's stamp
// and sets its update time to the write's own time, so that the draft list never serves a kept
// encoding of a draft that changed (see newsroom.DraftStamp).
func TestEveryDraftWriteMovesItsStamp(t *testing.T) {
	clk := clock.NewFake(time.Date(2025, 5, 7, 9, 0, 0, 0, time.UTC))
	f := newNewsroomAt(t, store.Options{Clock: clk})
	a, err := f.s.CreateDraft(f.writer, sampleText("Every write"))
	if err != nil {
		t.Fatal(err)
	}
	spiked, _ := f.s.CreateDraft(f.writer, sampleText("Spiked"))
	byTransition := f.draftIn(t, newsroom.StageApproved)
	byPublish := f.draftIn(t, newsroom.StageApproved)
	move := func(ctx context.Context, id int64, action newsroom.Action) func() error {
		return func() error {
			_, err := f.s.Transition(ctx, id, newsroom.TransitionRequest{Action: action, Note: "Because."})
			return err
		}
	}
	save := func(ctx context.Context, id int64, body string) func() error {
		return func() error {
			d, err := f.s.GetDraft(ctx, id)
			if err != nil {
				return err
			}
			_, err = f.s.UpdateDraft(ctx, id, newsroom.DraftUpdate{Body: &body, Version: d.Version})
			return err
		}
	}
	clear := func(id int64) func() error {
		return func() error {
			f.verifyAll(t, id)
			return move(f.checker, id, newsroom.ActionClear)()
		}
	}
	var slug string
	schedule := func(id int64) func() error {
		return func() error {
			pub, err := f.s.Publish(f.editor, id, clk.Now().Add(time.Hour), 0)
			if pub != nil {
				slug = pub.Slug
			}
			return err
		}
	}
	steps := []struct {
		name  string
		draft int64
		write func() error
	}{
		{"WriterSaves", a.ID, save(f.writer, a.ID, "First “quoted” paragraph.\nA second thought.")},
		{"Submit", a.ID, move(f.writer, a.ID, newsroom.ActionSubmit)},
		{"Return", a.ID, move(f.checker, a.ID, newsroom.ActionReturn)},
		{"SubmitAgain", a.ID, move(f.writer, a.ID, newsroom.ActionSubmit)},
		{"Clear", a.ID, clear(a.ID)},
		{"EditorSaves", a.ID, save(f.editor, a.ID, "First “quoted” paragraph.\nA second, edited thought.")},
		{"Recheck", a.ID, move(f.editor, a.ID, newsroom.ActionRecheck)},
		{"ClearAgain", a.ID, clear(a.ID)},
		{"RequestChanges", a.ID, move(f.editor, a.ID, newsroom.ActionRequestChanges)},
		{"SubmitOnceMore", a.ID, move(f.writer, a.ID, newsroom.ActionSubmit)},
		{"ClearOnceMore", a.ID, clear(a.ID)},
		{"Approve", a.ID, move(f.editor, a.ID, newsroom.ActionApprove)},
		{"Reopen", a.ID, move(f.editor, a.ID, newsroom.ActionReopen)},
		{"ApproveAgain", a.ID, move(f.editor, a.ID, newsroom.ActionApprove)},
		{"Schedule", a.ID, schedule(a.ID)},
		{"Unschedule", a.ID, move(f.editor, a.ID, newsroom.ActionUnschedule)},
		{"ScheduleAgain", a.ID, schedule(a.ID)},
		{"Release", a.ID, func() error {
			clk.Add(2 * time.Hour)
			n, err := f.s.ReleaseDue(context.Background())
			if err == nil && n != 1 {
				t.Fatalf("released %d drafts, want 1", n)
			}
			return err
		}},
		{"Correct", a.ID, func() error {
			body := "First “quoted” paragraph.\nA second, corrected thought."
			_, err := f.s.Correct(f.editor, slug, newsroom.CorrectionRequest{Body: &body, Note: "An earlier version got the second thought wrong."})
			return err
		}},
		{"Spike", spiked.ID, move(f.editor, spiked.ID, newsroom.ActionSpike)},
		{"PublishByTransition", byTransition.ID, move(f.editor, byTransition.ID, newsroom.ActionPublish)},
		{"PublishNow", byPublish.ID, func() error {
			_, err := f.s.Publish(f.editor, byPublish.ID, time.Time{}, 0)
			return err
		}},
	}
	for _, st := range steps {
		before := f.stamp(t, st.draft)
		clk.Add(time.Minute)
		if err := st.write(); err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		after := f.stamp(t, st.draft)
		if sameStamp(before, after) {
			t.Fatalf("%s left the stamp of draft %d as it was: %+v", st.name, st.draft, after)
		}
		if !after.UpdatedAt.Equal(clk.Now()) {
			t.Fatalf("%s: draft %d was updated at %v, want the write's time %v", st.name, st.draft, after.UpdatedAt, clk.Now())
		}
	}
}

// stamp reads the stamp of draft id as an editor, who sees every stage.
func (f *newsroomFixture) stamp(t *testing.T, id int64) newsroom.DraftStamp {
	t.Helper()
	d, err := f.s.GetDraft(f.editor, id)
	if err != nil {
		t.Fatal(err)
	}
	return d.Stamp()
}

// sameStamp reports whether a and b name the same state of a draft.
func sameStamp(a, b newsroom.DraftStamp) bool {
	return a.ID == b.ID && a.Stage == b.Stage && a.Version == b.Version && a.UpdatedAt.Equal(b.UpdatedAt) && a.Writer == b.Writer
}
