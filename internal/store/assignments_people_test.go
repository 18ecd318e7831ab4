package store_test

import (
	"context"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/store"
)

// TestDeskFollowsHoldersChange: a fact-checker who holds a piece at the fact-check desk and is
// then disabled, or given a role that may not hold that desk, no longer holds it. Kept, it
// would bar every other fact-checker from claiming the piece ("already holds") and keep it out
// of the desk's pool until an editor stepped in. A change that leaves the holder able to hold
// it keeps the desk theirs.
func TestDeskFollowsHoldersChange(t *testing.T) {
	disabled, enabled := true, false
	role := func(r newsroom.Role) *newsroom.Role { return &r }
	for _, tc := range []struct {
		name     string
		change   store.UserChange
		wantHeld bool
	}{
		{"Disabled", store.UserChange{Disabled: &disabled}, false},
		{"DemotedToWriter", store.UserChange{Role: role(newsroom.RoleWriter)}, false},
		{"MadeEditor", store.UserChange{Role: role(newsroom.RoleEditor)}, false},
		{"KeptEnabled", store.UserChange{Disabled: &enabled}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newNewsroom(t)
			d := f.draftIn(t, newsroom.StageFactCheck)
			fayCtx, fay := mustUser(t, f.s, "fay", newsroom.RoleFactChecker)
			claim := func(ctx context.Context) (*newsroom.Draft, error) {
				return f.s.Assign(ctx, newsroom.Assignment{DraftID: d.ID, Stage: newsroom.StageFactCheck, UserID: me(ctx).ID})
			}
			if _, err := claim(fayCtx); err != nil {
				t.Fatal(err)
			}
			if _, err := f.s.UpdateUser(f.admin, fay.ID, tc.change); err != nil {
				t.Fatal(err)
			}
			read, err := f.s.GetDraft(f.editor, d.ID)
			if err != nil {
				t.Fatal(err)
			}
			if a := read.Assignees[newsroom.StageFactCheck]; (a.ID == fay.ID) != tc.wantHeld {
				t.Fatalf("fact-check desk held by %+v, want fay holding it: %v", a, tc.wantHeld)
			}
			_, err = claim(f.checker)
			if tc.wantHeld {
				wantCode(t, err, newsroom.ECONFLICT)
				return
			}
			if err != nil {
				t.Fatalf("fiona cannot claim the piece fay no longer may hold: %v", err)
			}
			h, _ := f.s.History(f.editor, d.ID, newsroom.HistoryFilter{Limit: 2})
			if e := h.Audit[1]; e.Action != newsroom.StepUnassign || e.Note != "fay" || e.Actor.Username != "ada" {
				t.Fatalf("audit = %+v, want ada's unassigning fay", e)
			}
		})
	}
}

// TestDeskReleasedOnlyWherePieceIs: disabling a fact-checker leaves to nobody the fact-check
// desk of a piece at fact-check now, and nothing else: the fact-check desks of pieces that have
// moved on (approved, published) still say who checked them, and those pieces are not touched,
// neither their updated time nor their history.
func TestDeskReleasedOnlyWherePieceIs(t *testing.T) {
	f := newNewsroom(t)
	fayCtx, fay := mustUser(t, f.s, "fay", newsroom.RoleFactChecker)
	claimed := func() *newsroom.Draft {
		d := f.draftIn(t, newsroom.StageFactCheck)
		if _, err := f.s.Assign(fayCtx, newsroom.Assignment{DraftID: d.ID, Stage: newsroom.StageFactCheck, UserID: fay.ID}); err != nil {
			t.Fatal(err)
		}
		return d
	}
	current := claimed()
	var past []*newsroom.Draft
	for _, steps := range [][]newsroom.Action{{newsroom.ActionClear}, {newsroom.ActionClear, newsroom.ActionApprove, newsroom.ActionPublish}} {
		d := claimed()
		for _, a := range steps {
			ctx := f.editor
			if a == newsroom.ActionClear {
				ctx = fayCtx
			}
			if _, err := f.s.Transition(ctx, d.ID, newsroom.TransitionRequest{Action: a, Note: "go"}); err != nil {
				t.Fatal(a, err)
			}
		}
		read, err := f.s.GetDraft(f.editor, d.ID)
		if err != nil {
			t.Fatal(err)
		}
		past = append(past, read)
	}
	yes := true
	if _, err := f.s.UpdateUser(f.admin, fay.ID, store.UserChange{Disabled: &yes}); err != nil {
		t.Fatal(err)
	}
	read, err := f.s.GetDraft(f.editor, current.ID)
	if err != nil {
		t.Fatal(err)
	}
	if a := read.Assignees[newsroom.StageFactCheck]; a.ID == fay.ID {
		t.Fatal("disabled fay still holds the fact-check desk of a piece at fact-check")
	}
	for _, before := range past {
		after, err := f.s.GetDraft(f.editor, before.ID)
		if err != nil {
			t.Fatal(err)
		}
		if a := after.Assignees[newsroom.StageFactCheck]; a.ID != fay.ID {
			t.Fatalf("piece at %s: fact-check desk held by %+v after disabling fay, want fay still", after.Stage, a)
		}
		if !after.UpdatedAt.Equal(before.UpdatedAt) {
			t.Fatalf("piece at %s: updated %v, was %v", after.Stage, after.UpdatedAt, before.UpdatedAt)
		}
		h, err := f.s.History(f.editor, before.ID, newsroom.HistoryFilter{Limit: 1})
		if err != nil {
			t.Fatal(err)
		}
		if e := h.Audit[0]; e.Action == newsroom.StepUnassign {
			t.Fatalf("piece at %s: newest audit %+v", after.Stage, e)
		}
	}
}

// TestDeskBackInUseFreedOfFormerHolder: a piece whose fact-check desk a fact-checker held on an
// earlier pass, sent back to fact-check after they were disabled, comes back with that desk
// free: another fact-checker may claim it, and it is in the desk's pool of unheld pieces.
func TestDeskBackInUseFreedOfFormerHolder(t *testing.T) {
	f := newNewsroom(t)
	fayCtx, fay := mustUser(t, f.s, "fay", newsroom.RoleFactChecker)
	fredCtx, fred := mustUser(t, f.s, "fred", newsroom.RoleFactChecker)
	d := f.draftIn(t, newsroom.StageFactCheck)
	if _, err := f.s.Assign(fayCtx, newsroom.Assignment{DraftID: d.ID, Stage: newsroom.StageFactCheck, UserID: fay.ID}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.Transition(fayCtx, d.ID, newsroom.TransitionRequest{Action: newsroom.ActionClear, Note: "go"}); err != nil {
		t.Fatal(err)
	}
	yes := true
	if _, err := f.s.UpdateUser(f.admin, fay.ID, store.UserChange{Disabled: &yes}); err != nil {
		t.Fatal(err)
	}
	back, err := f.s.Transition(f.editor, d.ID, newsroom.TransitionRequest{Action: newsroom.ActionRecheck, Note: "check again"})
	if err != nil {
		t.Fatal(err)
	}
	if a := back.Assignees[newsroom.StageFactCheck]; a.ID == fay.ID {
		t.Fatalf("back at %s, the fact-check desk is still held by disabled %s", back.Stage, a.Username)
	}
	if _, err := f.s.Assign(fredCtx, newsroom.Assignment{DraftID: d.ID, Stage: newsroom.StageFactCheck, UserID: fred.ID}); err != nil {
		t.Fatalf("another fact-checker cannot claim the piece back at fact-check: %v", err)
	}
}
