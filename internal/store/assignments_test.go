package store_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// me is the user a context acts as.
func me(ctx context.Context) *newsroom.User { return newsroom.UserFrom(ctx) }

// eventsOf collects the EventAssigned events the store delivers from now on.
func eventsOf(f *newsroomFixture) *[]newsroom.Event {
	var got []newsroom.Event
	f.s.Subscribe(func(e newsroom.Event) {
		if e.Kind == newsroom.EventAssigned {
			got = append(got, e)
		}
	})
	return &got
}

func TestAssign(t *testing.T) {
	f := newNewsroom(t)
	d := f.draftIn(t, newsroom.StageFactCheck)
	_, fay := mustUser(t, f.s, "fay", newsroom.RoleFactChecker)
	events := eventsOf(f)
	assign := func(ctx context.Context, desk newsroom.Stage, who int64) (*newsroom.Draft, error) {
		return f.s.Assign(ctx, newsroom.Assignment{DraftID: d.ID, Stage: desk, UserID: who})
	}

	t.Run("EditorAssigns", func(t *testing.T) {
		got, err := assign(f.editor, newsroom.StageFactCheck, me(f.checker).ID)
		if err != nil {
			t.Fatal(err)
		}
		if a := got.Assignee(); a == nil || a.ID != me(f.checker).ID {
			t.Fatalf("assignee = %+v, want fiona", a)
		}
		read, _ := f.s.GetDraft(f.writer, d.ID)
		if read.Assignees[newsroom.StageFactCheck].Username != "fiona" {
			t.Fatalf("GetDraft assignees = %+v", read.Assignees)
		}
		if !read.UpdatedAt.After(d.UpdatedAt) {
			t.Fatal("the draft's stamp did not change, so its cached JSON would not")
		}
		last := (*events)[len(*events)-1]
		if last.Action != newsroom.StepAssign || last.SubjectID != me(f.checker).ID || last.Stage != newsroom.StageFactCheck || last.DraftID != d.ID {
			t.Fatalf("event = %+v", last)
		}
		h, _ := f.s.History(f.editor, d.ID, newsroom.HistoryFilter{Limit: 1})
		if e := h.Audit[0]; e.Action != newsroom.StepAssign || e.Note != "fiona" || e.To != newsroom.StageFactCheck || e.Actor.Username != "ed" {
			t.Fatalf("audit = %+v", e)
		}
	})
	t.Run("ClaimTaken", func(t *testing.T) {
		_, err := assign(newsroom.WithUser(context.Background(), fay), newsroom.StageFactCheck, fay.ID)
		wantCode(t, err, newsroom.ECONFLICT)
		if msg := newsroom.ErrorMessage(err); msg != "fiona already holds this piece at Fact-check" {
			t.Fatalf("message = %q", msg)
		}
	})
	t.Run("Reassign", func(t *testing.T) {
		got, err := assign(f.editor, newsroom.StageFactCheck, fay.ID)
		if err != nil {
			t.Fatal(err)
		}
		if a := got.Assignee(); a == nil || a.ID != fay.ID {
			t.Fatalf("assignee = %+v, want fay", a)
		}
		if got, err = assign(f.editor, newsroom.StageFactCheck, me(f.checker).ID); err != nil {
			t.Fatal(err)
		}
		if a := got.Assignee(); a == nil || a.ID != me(f.checker).ID {
			t.Fatalf("assignee = %+v, want fiona again", a)
		}
	})
	t.Run("CheckerCannotUnassign", func(t *testing.T) {
		_, err := assign(f.checker, newsroom.StageFactCheck, 0)
		wantCode(t, err, newsroom.EFORBIDDEN)
	})
	t.Run("Unassign", func(t *testing.T) {
		got, err := assign(f.editor, newsroom.StageFactCheck, 0)
		if err != nil {
			t.Fatal(err)
		}
		if got.Assignee() != nil {
			t.Fatalf("assignee = %+v, want nobody", got.Assignee())
		}
		if last := (*events)[len(*events)-1]; last.Action != newsroom.StepUnassign || last.SubjectID != me(f.checker).ID {
			t.Fatalf("event = %+v", last)
		}
	})
	t.Run("Claim", func(t *testing.T) {
		got, err := assign(newsroom.WithUser(context.Background(), fay), newsroom.StageFactCheck, fay.ID)
		if err != nil {
			t.Fatal(err)
		}
		if a := got.Assignee(); a == nil || a.ID != fay.ID {
			t.Fatalf("assignee = %+v, want fay", a)
		}
		if last := (*events)[len(*events)-1]; last.Action != newsroom.StepClaim || last.SubjectID != fay.ID {
			t.Fatalf("event = %+v", last)
		}
	})
	t.Run("Refusals", func(t *testing.T) {
		tests := []struct {
			name string
			ctx  context.Context
			desk newsroom.Stage
			who  int64
			want string
		}{
			{"NotADesk", f.editor, newsroom.StageDraft, me(f.editor).ID, newsroom.EINVALID},
			{"CannotWorkDesk", f.editor, newsroom.StageEditing, me(f.checker).ID, newsroom.EINVALID},
			{"WriterAssigns", f.writer, newsroom.StageFactCheck, me(f.checker).ID, newsroom.EFORBIDDEN},
			{"NoSuchUser", f.editor, newsroom.StageFactCheck, 9999, newsroom.ENOTFOUND},
			{"UnseenDraft", f.other, newsroom.StageFactCheck, me(f.checker).ID, newsroom.ENOTFOUND},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				_, err := assign(tt.ctx, tt.desk, tt.who)
				wantCode(t, err, tt.want)
			})
		}
	})
}

// TestAssignPool shows a piece moving into a desk nobody holds staying in that desk's pool,
// and the desk filters finding it there, and mine once claimed.
func TestAssignPool(t *testing.T) {
	f := newNewsroom(t)
	held := f.draftIn(t, newsroom.StageFactCheck)
	if _, err := f.s.Assign(f.editor, newsroom.Assignment{DraftID: held.ID, Stage: newsroom.StageFactCheck, UserID: me(f.checker).ID}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.Assign(f.editor, newsroom.Assignment{DraftID: held.ID, Stage: newsroom.StageEditing, UserID: me(f.editor).ID}); err != nil {
		t.Fatal(err)
	}
	pooled := f.draftIn(t, newsroom.StageEditing)
	list := func(ctx context.Context, who int64) []int64 {
		t.Helper()
		page, err := f.s.ListDrafts(ctx, newsroom.DraftFilter{Assignee: who})
		if err != nil {
			t.Fatal(err)
		}
		var ids []int64
		for _, d := range page.Items {
			ids = append(ids, d.ID)
		}
		return ids
	}
	if got := list(f.editor, newsroom.AssigneeNone); len(got) != 1 || got[0] != pooled.ID {
		t.Fatalf("unassigned = %v, want [%d]", got, pooled.ID)
	}
	if got := list(f.checker, me(f.checker).ID); len(got) != 1 || got[0] != held.ID {
		t.Fatalf("fiona's = %v, want [%d]", got, held.ID)
	}
	d, err := f.s.Transition(f.checker, held.ID, newsroom.TransitionRequest{Action: newsroom.ActionClear})
	if err != nil {
		t.Fatal(err)
	}
	if a := d.Assignee(); a == nil || a.ID != me(f.editor).ID {
		t.Fatalf("after clear, editing is held by %+v, want ed", a)
	}
	if got := list(f.checker, me(f.checker).ID); len(got) != 0 {
		t.Fatalf("fiona's after clear = %v, want none: the piece left her desk", got)
	}
	if _, err := f.s.Assign(f.editor, newsroom.Assignment{DraftID: pooled.ID, Stage: newsroom.StageEditing, UserID: me(f.editor).ID}); err != nil {
		t.Fatal(err)
	}
	if got := list(f.editor, newsroom.AssigneeNone); len(got) != 0 {
		t.Fatalf("unassigned after the claim = %v, want none", got)
	}
}

func TestDeadline(t *testing.T) {
	f := newNewsroom(t)
	d := f.draftIn(t, newsroom.StageFactCheck)
	piece := time.Date(2026, 4, 2, 17, 0, 0, 0, time.UTC)
	check := time.Date(2026, 4, 1, 12, 0, 0, 0, time.UTC)
	set := func(ctx context.Context, stage newsroom.Stage, at *time.Time) (*newsroom.Draft, error) {
		return f.s.SetDeadline(ctx, newsroom.DeadlineChange{DraftID: d.ID, Stage: stage, At: at})
	}
	events := eventsOf(f)

	got, err := set(f.editor, "", &piece)
	if err != nil {
		t.Fatal(err)
	}
	if due := got.Due(); due == nil || !due.Equal(piece) {
		t.Fatalf("due = %v, want the piece's %v", due, piece)
	}
	piece = piece.Add(time.Hour)
	if got, err = set(f.editor, "", &piece); err != nil {
		t.Fatal(err)
	}
	if due := got.Due(); due == nil || !due.Equal(piece) || len(got.Deadlines) != 1 {
		t.Fatalf("moved: due = %v, deadlines %+v, want the one at %v", due, got.Deadlines, piece)
	}
	if got, err = set(f.editor, newsroom.StageFactCheck, &check); err != nil {
		t.Fatal(err)
	}
	if due := got.Due(); due == nil || !due.Equal(check) {
		t.Fatalf("due at fact-check = %v, want the stage's %v", due, check)
	}
	if last := (*events)[len(*events)-1]; last.Action != newsroom.StepDue || last.Stage != newsroom.StageFactCheck {
		t.Fatalf("event = %+v", last)
	}
	moved, err := f.s.Transition(f.checker, d.ID, newsroom.TransitionRequest{Action: newsroom.ActionClear})
	if err != nil {
		t.Fatal(err)
	}
	if due := moved.Due(); due == nil || !due.Equal(piece) {
		t.Fatalf("due at editing = %v, want the piece's %v again", due, piece)
	}
	if got, err = set(f.editor, "", nil); err != nil {
		t.Fatal(err)
	}
	if got.Due() != nil || len(got.Deadlines) != 1 {
		t.Fatalf("after clearing: due %v, deadlines %+v", got.Due(), got.Deadlines)
	}
	t.Run("Refusals", func(t *testing.T) {
		_, err := set(f.checker, "", &piece)
		wantCode(t, err, newsroom.EFORBIDDEN)
		_, err = set(f.editor, "limbo", &piece)
		wantCode(t, err, newsroom.EINVALID)
		_, err = set(f.other, "", &piece)
		wantCode(t, err, newsroom.ENOTFOUND)
	})
}

// TestAssignRefusesWhoMayNotAssignAlikeForEveryUser holds that someone who may not assign others learns
// nothing about the user they name: a writer who asks to assign another user id gets the same
// refusal whoever that is. A refusal naming a user who cannot hold the desk, or saying an id
// is not found, would let a writer read every account's name by walking ids.
func TestAssignRefusesWhoMayNotAssignAlikeForEveryUser(t *testing.T) {
	f := newNewsroom(t)
	_, hidden := mustUser(t, f.s, "hidden.person", newsroom.RoleWriter)
	d := f.submitted(t, f.writer, "Mine")
	cases := []struct {
		name   string
		userID int64
	}{
		{"OtherWriter", hidden.ID},
		{"FactChecker", newsroom.UserFrom(f.checker).ID},
		{"NoSuchUser", 99999},
	}
	var codes []string
	for _, tc := range cases {
		_, err := f.s.Assign(f.writer, newsroom.Assignment{DraftID: d.ID, Stage: newsroom.StageFactCheck, UserID: tc.userID})
		if err == nil {
			t.Fatalf("%s: a writer assigned someone", tc.name)
		}
		if strings.Contains(err.Error(), hidden.Name) {
			t.Errorf("%s: the refusal to a writer names another user: %v", tc.name, err)
		}
		codes = append(codes, newsroom.ErrorCode(err))
	}
	if codes[0] != codes[1] || codes[1] != codes[2] {
		t.Errorf("a writer who may not assign gets %q for another writer, a fact-checker and no one: the answers tell accounts apart", codes)
	}
}
