package newsroom_test

import (
	"fmt"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestNext walks every action from every stage and checks the workflow table of the foundation
// issue: the stage it leads to, or a conflict.
func TestNext(t *testing.T) {
	type want struct {
		to   newsroom.Stage
		code string
	}
	conflict := want{code: newsroom.ECONFLICT}
	table := map[newsroom.Action]map[newsroom.Stage]want{
		newsroom.ActionSubmit:         {newsroom.StageDraft: {to: newsroom.StageFactCheck}},
		newsroom.ActionReturn:         {newsroom.StageFactCheck: {to: newsroom.StageDraft}},
		newsroom.ActionClear:          {newsroom.StageFactCheck: {to: newsroom.StageEditing}},
		newsroom.ActionRequestChanges: {newsroom.StageEditing: {to: newsroom.StageDraft}},
		newsroom.ActionRecheck:        {newsroom.StageEditing: {to: newsroom.StageFactCheck}},
		newsroom.ActionApprove:        {newsroom.StageEditing: {to: newsroom.StageApproved}},
		newsroom.ActionReopen:         {newsroom.StageApproved: {to: newsroom.StageEditing}},
		newsroom.ActionSpike: {
			newsroom.StageDraft:     {to: newsroom.StageSpiked},
			newsroom.StageFactCheck: {to: newsroom.StageSpiked},
			newsroom.StageEditing:   {to: newsroom.StageSpiked},
			newsroom.StageApproved:  {to: newsroom.StageSpiked},
			newsroom.StageScheduled: {to: newsroom.StageSpiked},
		},
		newsroom.ActionPublish:    {newsroom.StageApproved: {to: newsroom.StagePublished}},
		newsroom.ActionSchedule:   {newsroom.StageApproved: {to: newsroom.StageScheduled}},
		newsroom.ActionUnschedule: {newsroom.StageScheduled: {to: newsroom.StageApproved}},
		newsroom.ActionRelease:    {newsroom.StageScheduled: {to: newsroom.StagePublished}},
	}
	if len(table) != len(newsroom.Actions) {
		t.Fatalf("table covers %d actions, the workflow has %d", len(table), len(newsroom.Actions))
	}
	for _, action := range newsroom.Actions {
		for _, from := range newsroom.Stages {
			w, ok := table[action][from]
			if !ok {
				w = conflict
			}
			t.Run(fmt.Sprintf("%s_from_%s", action, from), func(t *testing.T) {
				got, err := newsroom.Next(from, action, "a note")
				if code := newsroom.ErrorCode(err); code != w.code {
					t.Fatalf("Next(%s, %s) error code = %q (%v), want %q", from, action, code, err, w.code)
				}
				if got != w.to {
					t.Fatalf("Next(%s, %s) = %q, want %q", from, action, got, w.to)
				}
				if allowed := newsroom.Allowed(from, action); allowed != (w.code == "") {
					t.Fatalf("Allowed(%s, %s) = %v, want %v", from, action, allowed, w.code == "")
				}
			})
		}
	}
}

func TestNextNotes(t *testing.T) {
	tests := []struct {
		name     string
		from     newsroom.Stage
		action   newsroom.Action
		note     string
		wantCode string
	}{
		{"ReturnWithoutNote", newsroom.StageFactCheck, newsroom.ActionReturn, "", newsroom.EINVALID},
		{"ReturnBlankNote", newsroom.StageFactCheck, newsroom.ActionReturn, "  \n", newsroom.EINVALID},
		{"ReturnWithNote", newsroom.StageFactCheck, newsroom.ActionReturn, "second quote is wrong", ""},
		{"RequestChangesWithoutNote", newsroom.StageEditing, newsroom.ActionRequestChanges, "", newsroom.EINVALID},
		{"RequestChangesWithNote", newsroom.StageEditing, newsroom.ActionRequestChanges, "tighten the lede", ""},
		{"SubmitNeedsNoNote", newsroom.StageDraft, newsroom.ActionSubmit, "", ""},
		{"WrongStageBeatsMissingNote", newsroom.StageDraft, newsroom.ActionReturn, "", newsroom.ECONFLICT},
		{"UnknownAction", newsroom.StageDraft, newsroom.Action("bless"), "", newsroom.EINVALID},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := newsroom.Next(tt.from, tt.action, tt.note)
			if code := newsroom.ErrorCode(err); code != tt.wantCode {
				t.Fatalf("error code = %q (%v), want %q", code, err, tt.wantCode)
			}
		})
	}
}

func TestParse(t *testing.T) {
	if _, err := newsroom.ParseAction("publish"); err != nil {
		t.Fatalf("ParseAction(publish): %v", err)
	}
	if _, err := newsroom.ParseAction("Publish"); newsroom.ErrorCode(err) != newsroom.EINVALID {
		t.Fatalf("ParseAction(Publish) = %v, want EINVALID", err)
	}
	if _, err := newsroom.ParseRole("chief"); newsroom.ErrorCode(err) != newsroom.EINVALID {
		t.Fatalf("ParseRole(chief) = %v, want EINVALID", err)
	}
	if _, err := newsroom.ParseStage("fact_check"); err != nil {
		t.Fatalf("ParseStage(fact_check): %v", err)
	}
}

func TestCanSee(t *testing.T) {
	writer := &newsroom.User{ID: 1, Role: newsroom.RoleWriter}
	checker := &newsroom.User{ID: 2, Role: newsroom.RoleFactChecker}
	editor := &newsroom.User{ID: 3, Role: newsroom.RoleEditor}
	admin := &newsroom.User{ID: 4, Role: newsroom.RoleAdmin}
	for _, stage := range newsroom.Stages {
		checkerSees := stage != newsroom.StageDraft && stage != newsroom.StageSpiked
		cases := []struct {
			user   *newsroom.User
			writer int64
			want   bool
		}{
			{writer, 1, true}, {writer, 9, false},
			{checker, 1, checkerSees},
			{editor, 1, true}, {admin, 1, true},
		}
		for _, c := range cases {
			if got := newsroom.CanSee(c.user, c.writer, stage); got != c.want {
				t.Errorf("CanSee(%s #%d, writer %d, %s) = %v, want %v", c.user.Role, c.user.ID, c.writer, stage, got, c.want)
			}
		}
	}
}
