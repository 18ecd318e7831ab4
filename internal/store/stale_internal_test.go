package store

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestStaleSaveIsPlanned checks that a save made on an older version has its comments'
// re-anchoring worked out before its transaction, from the merge it will save, as a current
// save has; one that conflicts plans nothing.
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
	if plan := s.planSave(ctx, u, d.ID, newsroom.DraftUpdate{Body: &merges, Version: 1}); plan == nil || plan.anchors.text.Body != "One two three!\nFour five six seven." {
		t.Errorf("the merging save's plan = %+v, want one for the merged text", plan)
	}
	if plan := s.planSave(ctx, u, d.ID, newsroom.DraftUpdate{Body: &conflicts, Version: 1}); plan != nil {
		t.Errorf("the conflicting save's plan = %+v, want none", plan)
	}
}
