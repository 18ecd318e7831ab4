package store

import (
	"context"
	"fmt"
	"reflect"
	"testing"
	"time"

	"gorm.io/gorm"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// planFixture is a newsroom on a real SQLite file for the tests of gate plans, with its writer,
// fact-checker and editor.
type planFixture struct {
	s                       *Store
	writer, checker, editor context.Context
}

func newPlanFixture(t *testing.T) *planFixture {
	t.Helper()
	s := openStore(t, Options{})
	ctx := context.Background()
	as := func(name string, role newsroom.Role) context.Context {
		u, err := s.CreateUser(AsOperator(ctx), NewUser{Username: name, Role: role, Password: "pw-" + name + "-staple"})
		if err != nil {
			t.Fatal(err)
		}
		return newsroom.WithUser(ctx, u)
	}
	return &planFixture{s: s, writer: as("sarah", newsroom.RoleWriter), checker: as("fiona", newsroom.RoleFactChecker), editor: as("ed", newsroom.RoleEditor)}
}

// draftIn writes a draft with one quote, verified, and takes it to stage fact_check, editing or
// approved.
func (f *planFixture) draftIn(t *testing.T, stage newsroom.Stage) *newsroom.Draft {
	t.Helper()
	d, err := f.s.CreateDraft(f.writer, newsroom.Text{Title: "Harbour reopens", Byline: "Sarah", Brief: "The harbour is open.",
		Body: "The harbour reopened. “We are back,” said the harbour master."})
	if err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		ctx    context.Context
		action newsroom.Action
	}{{f.writer, newsroom.ActionSubmit}, {f.checker, newsroom.ActionClear}, {f.editor, newsroom.ActionApprove}}
	for _, st := range steps {
		if d.Stage == stage {
			break
		}
		if d, err = f.s.Transition(st.ctx, d.ID, newsroom.TransitionRequest{Action: st.action}); err != nil {
			t.Fatalf("%s: %v", st.action, err)
		}
		if st.action == newsroom.ActionSubmit {
			f.checkQuotes(t, d.ID, newsroom.QuoteVerified)
		}
	}
	return d
}

// checkQuotes gives every quote of draft id the status, as the editor.
func (f *planFixture) checkQuotes(t *testing.T, id int64, status newsroom.QuoteStatus) {
	t.Helper()
	qs, err := f.s.Quotes(f.editor, id)
	if err != nil || len(qs) == 0 {
		t.Fatalf("Quotes = %d, %v", len(qs), err)
	}
	for _, q := range qs {
		if _, err := f.s.CheckQuote(f.checker, id, q.ID, newsroom.QuoteCheck{Status: status, Note: "Checked with the harbour office."}); err != nil {
			if _, err := f.s.CheckQuote(f.editor, id, q.ID, newsroom.QuoteCheck{Status: status, Note: "Checked with the harbour office."}); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// errText is err's code and message, or "ok".
func errText(err error) string {
	if err == nil {
		return "ok"
	}
	return newsroom.ErrorCode(err) + ": " + newsroom.ErrorMessage(err)
}

// TestStalePublishPlan checks that a publish whose gates were planned before a change to the
// draft, its ledger or its stage answers as the publish without a plan does on the draft as it
// is then: the stale plan is set aside and the gates run under the writer.
func TestStalePublishPlan(t *testing.T) {
	f := newPlanFixture(t)
	tests := []struct {
		name   string
		change func(t *testing.T, d *newsroom.Draft)
		want   string
	}{
		{"QuoteDisputed", func(t *testing.T, d *newsroom.Draft) { f.checkQuotes(t, d.ID, newsroom.QuoteDisputed) }, newsroom.ECONFLICT},
		{"Reopened", func(t *testing.T, d *newsroom.Draft) {
			if _, err := f.s.Transition(f.editor, d.ID, newsroom.TransitionRequest{Action: newsroom.ActionReopen}); err != nil {
				t.Fatal(err)
			}
		}, newsroom.ECONFLICT},
		{"PublishedMeanwhile", func(t *testing.T, d *newsroom.Draft) {
			if _, err := f.s.Publish(f.editor, d.ID, time.Time{}, 0); err != nil {
				t.Fatal(err)
			}
		}, newsroom.ECONFLICT},
		{"NoteChanged", func(t *testing.T, d *newsroom.Draft) { f.checkQuotes(t, d.ID, newsroom.QuoteVerified) }, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := f.draftIn(t, newsroom.StageApproved)
			u := newsroom.UserFrom(f.editor)
			plan := f.s.planGates(f.editor, u, d.ID, f.s.publishing(time.Time{}), "")
			if plan == nil {
				t.Fatal("no plan for a publish whose gates pass")
			}
			tt.change(t, d)
			_, stale := f.s.publishPlanned(f.editor, u, d.ID, time.Time{}, 0, plan)
			if tt.want == "" {
				if stale != nil {
					t.Fatalf("publish with the stale plan: %v; want it published", stale)
				}
				return
			}
			_, unplanned := f.s.publishPlanned(f.editor, u, d.ID, time.Time{}, 0, nil)
			if newsroom.ErrorCode(stale) != tt.want || errText(stale) != errText(unplanned) {
				t.Fatalf("publish with the stale plan = %s; without a plan = %s; want both %s", errText(stale), errText(unplanned), tt.want)
			}
		})
	}
}

// TestStaleTransitionPlan checks the same of a transition (clear, submit) planned before its
// ledger or a save changed what its gates decide on.
func TestStaleTransitionPlan(t *testing.T) {
	f := newPlanFixture(t)
	t.Run("ClearAfterQuoteReset", func(t *testing.T) {
		d := f.draftIn(t, newsroom.StageEditing)
		if _, err := f.s.Transition(f.editor, d.ID, newsroom.TransitionRequest{Action: newsroom.ActionRecheck}); err != nil {
			t.Fatal(err)
		}
		u := newsroom.UserFrom(f.checker)
		plan := f.s.planGates(f.checker, u, d.ID, newsroom.ActionClear, "")
		if plan == nil {
			t.Fatal("no plan for a clear whose gates pass")
		}
		// In fact-check only a save sets a checked quote back to unchecked, and fact-check takes
		// no saves: the ledger row is written as a save's sync of the ledger writes it.
		if err := f.s.w.Exec("UPDATE quotes SET status = 'unchecked', checked_by = NULL, checked_at = NULL WHERE draft_id = ?", d.ID).Error; err != nil {
			t.Fatal(err)
		}
		_, stale := f.s.transitionPlanned(f.checker, u, d.ID, newsroom.TransitionRequest{Action: newsroom.ActionClear}, plan)
		_, unplanned := f.s.transitionPlanned(f.checker, u, d.ID, newsroom.TransitionRequest{Action: newsroom.ActionClear}, nil)
		if newsroom.ErrorCode(stale) != newsroom.ECONFLICT || errText(stale) != errText(unplanned) {
			t.Fatalf("clear with the stale plan = %s; without a plan = %s; want both ECONFLICT", errText(stale), errText(unplanned))
		}
	})
	t.Run("SubmitAfterSave", func(t *testing.T) {
		d, err := f.s.CreateDraft(f.writer, newsroom.Text{Title: "Harbour reopens", Byline: "Sarah", Brief: "Open.", Body: "The harbour reopened."})
		if err != nil {
			t.Fatal(err)
		}
		u := newsroom.UserFrom(f.writer)
		plan := f.s.planGates(f.writer, u, d.ID, newsroom.ActionSubmit, "")
		if plan == nil {
			t.Fatal("no plan for a submit whose gates pass")
		}
		byline := ""
		if _, err := f.s.UpdateDraft(f.writer, d.ID, newsroom.DraftUpdate{Byline: &byline, Version: d.Version}); err != nil {
			t.Fatal(err)
		}
		_, stale := f.s.transitionPlanned(f.writer, u, d.ID, newsroom.TransitionRequest{Action: newsroom.ActionSubmit}, plan)
		_, unplanned := f.s.transitionPlanned(f.writer, u, d.ID, newsroom.TransitionRequest{Action: newsroom.ActionSubmit}, nil)
		if newsroom.ErrorCode(stale) != newsroom.EINVALID || errText(stale) != errText(unplanned) {
			t.Fatalf("submit with the stale plan = %s; without a plan = %s; want both EINVALID", errText(stale), errText(unplanned))
		}
	})
}

// TestGatePlanReadsItsDraftWithoutGORM: an action's gates are planned on the draft read with
// planDraftSQL, prepared once, not with a query GORM builds with the policy's rule on every
// publish and transition, and the row they were planned on is the row the action finds under
// the lock, so the plan holds there.
func TestGatePlanReadsItsDraftWithoutGORM(t *testing.T) {
	f := newPlanFixture(t)
	built := 0
	count := func(db *gorm.DB) {
		if db.Statement.Table == "drafts" {
			built++
		}
	}
	for i, db := range []*gorm.DB{f.s.r, f.s.wc} {
		if err := db.Callback().Row().Before("gorm:row").Register(fmt.Sprintf("count_draft_reads_%d", i), count); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name   string
		actor  context.Context
		stage  newsroom.Stage
		action newsroom.Action
	}{
		{"Publish", f.editor, newsroom.StageApproved, f.s.publishing(time.Time{})},
		{"Clear", f.checker, newsroom.StageFactCheck, newsroom.ActionClear},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := f.draftIn(t, tt.stage)
			u := newsroom.UserFrom(tt.actor)
			built = 0
			plan := f.s.planGates(tt.actor, u, d.ID, tt.action, "")
			if plan == nil {
				t.Fatal("no plan for an action whose gates pass")
			}
			if built != 0 {
				t.Errorf("planning %s built %d reads of drafts with GORM; want none", tt.action, built)
			}
			err := f.s.tx(tt.actor, func(tx *gorm.DB) error {
				v, err := f.s.lockDraft(tx, u, d.ID)
				if err != nil {
					return err
				}
				if !reflect.DeepEqual(plan.row, v.Row) {
					t.Errorf("planned on %+v; the lock finds %+v", plan.row, v.Row)
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
		})
	}
}
