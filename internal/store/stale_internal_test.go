package store

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestStaleSaveIsPlanned checks that a save made on an older version is worked out before its
// transaction, as a current save is: one that merges as the merged revision it writes, with its
// comments' re-anchoring; one that conflicts as the text it keeps.
func TestStaleSaveIsPlanned(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "plan.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	u, err := s.CreateUser(AsOperator(context.Background()), NewUser{Username: "sarah", Role: newsroom.RoleWriter, Password: "pw-sarah-staple"})
	if err != nil {
		t.Fatal(err)
	}
	ctx := newsroom.WithUser(context.Background(), u)
	d, err := s.CreateDraft(ctx, newsroom.Text{Title: "Plan", Body: "One two three.\nFour five six."})
	if err != nil {
		t.Fatal(err)
	}
	theirs := "One two three!\nFour five six."
	if _, err := s.UpdateDraft(ctx, d.ID, newsroom.DraftUpdate{Body: &theirs, Version: 1}); err != nil {
		t.Fatal(err)
	}
	merges, conflicts := "One two three.\nFour five six seven.", "One two three?\nFour five six."
	merged := "One two three!\nFour five six seven."
	if plan := s.planSave(ctx, u, d.ID, newsroom.DraftUpdate{Body: &merges, Version: 1}); plan == nil || plan.anchors.text.Body != merged ||
		plan.next == nil || plan.next.text.Body != merged || plan.mergedFrom != 1 || plan.kept != nil {
		t.Errorf("the merging save's plan = %+v, want one for the merged text", plan)
	}
	if plan := s.planSave(ctx, u, d.ID, newsroom.DraftUpdate{Body: &conflicts, Version: 1}); plan == nil || plan.next != nil ||
		plan.kept == nil || plan.kept.kept.Body != conflicts || plan.kept.res == nil || len(plan.kept.res.Conflicts) != 1 {
		t.Errorf("the conflicting save's plan = %+v, want one keeping its text", plan)
	}
}
