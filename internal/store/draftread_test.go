package store_test

import (
	"reflect"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestGetDraftWithImage checks the API's read of one draft, which gathers the draft, its claim,
// its desks, its due times and its lead image in few statements, against what each of them
// reads on its own.
func TestGetDraftWithImage(t *testing.T) {
	f := newNewsroom(t)
	bare := f.draftIn(t, newsroom.StageFactCheck)
	full := f.draftIn(t, newsroom.StageDraft)
	if _, err := f.s.SetDraftImage(f.writer, full.ID, upload(t, 700, 400, newsroom.ImageText{Alt: "A street"}, false)); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.Transition(f.writer, full.ID, newsroom.TransitionRequest{Action: newsroom.ActionSubmit}); err != nil {
		t.Fatal(err)
	}
	claim := newsroom.Claim{Text: "Crime doubled.", ClaimedBy: "City Hall", ClaimantKind: newsroom.ClaimantOrganization, Rating: "mostly_false"}
	if _, err := f.s.SetClaim(f.editor, newsroom.ClaimChange{DraftID: full.ID, Claim: &claim}); err != nil {
		t.Fatal(err)
	}
	checker := newsroom.UserFrom(f.checker)
	if _, err := f.s.Assign(f.editor, newsroom.Assignment{DraftID: full.ID, Stage: newsroom.StageFactCheck, UserID: checker.ID}); err != nil {
		t.Fatal(err)
	}
	piece, stage := time.Date(2026, 3, 30, 16, 0, 0, 0, time.UTC), time.Date(2026, 3, 29, 9, 30, 0, 0, time.UTC)
	for _, dl := range []newsroom.DeadlineChange{{DraftID: full.ID, At: &piece}, {DraftID: full.ID, Stage: newsroom.StageFactCheck, At: &stage}} {
		if _, err := f.s.SetDeadline(f.editor, dl); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		name      string
		id        int64
		assignees int
		deadlines []time.Time
		claim     *newsroom.Claim
		image     bool
	}{
		{"Bare", bare.ID, 0, nil, nil, false},
		{"Full", full.ID, 1, []time.Time{piece, stage}, &claim, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, img, err := f.s.GetDraftWithImage(f.editor, tc.id)
			if err != nil {
				t.Fatal(err)
			}
			holder := newsroom.Person{ID: checker.ID, Username: checker.Username, Name: checker.Name}
			if len(d.Assignees) != tc.assignees || (tc.assignees > 0 && d.Assignees[newsroom.StageFactCheck] != holder) {
				t.Fatalf("assignees %+v", d.Assignees)
			}
			if len(d.Deadlines) != len(tc.deadlines) {
				t.Fatalf("deadlines %+v, want %v", d.Deadlines, tc.deadlines)
			}
			for i, want := range tc.deadlines {
				if !d.Deadlines[i].DueAt.Equal(want) {
					t.Fatalf("deadline %d = %+v, want %v", i, d.Deadlines[i], want)
				}
			}
			if !reflect.DeepEqual(d.Claim, tc.claim) {
				t.Fatalf("claim %+v, want %+v", d.Claim, tc.claim)
			}
			listed, err := f.s.DraftsByID(f.editor, []int64{tc.id})
			if err != nil || len(listed) != 1 {
				t.Fatalf("drafts by id: %+v, %v", listed, err)
			}
			read := *d
			read.Claim = nil
			if !reflect.DeepEqual(read, listed[0]) {
				t.Fatalf("read %+v\nlisted %+v", read, listed[0])
			}
			alone, err := f.s.DraftImage(f.editor, tc.id)
			if err != nil || (img != nil) != tc.image || !reflect.DeepEqual(img, alone) {
				t.Fatalf("image %+v, read alone %+v, %v", img, alone, err)
			}
		})
	}
	t.Run("NotFound", func(t *testing.T) {
		_, _, err := f.s.GetDraftWithImage(f.other, full.ID)
		wantCode(t, err, newsroom.ENOTFOUND)
		_, _, err = f.s.GetDraftWithImage(f.editor, full.ID+100)
		wantCode(t, err, newsroom.ENOTFOUND)
	})
}
