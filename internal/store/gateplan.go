package store

import (
	"context"
	"reflect"
	"slices"

	"gorm.io/gorm"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/policy"
)

// gatePlan is an action's gates passed on a read made before the writer is taken, so that the
// action's transaction need not run them while it holds SQLite's one writer: under the writer it
// only checks that what the gates decided on is as the plan read it (see passPlanned). The
// gates decide on the draft's row (its text and stage), the rows of its quote ledger (when a
// gate reads it) and the action's note; a plan is made only for actions whose gates read
// nothing else, so never for one that waits on comments_resolved.
type gatePlan struct {
	action newsroom.Action
	note   string
	row    draftRow
	// quotes are the ledger's rows the gates read, when readsLedger.
	quotes      []quoteRow
	readsLedger bool
}

// plannedGates are the gates worth passing before the writer is taken: those that read the
// draft's text or its ledger. The note gate costs nothing under the writer.
var plannedGates = []newsroom.Gate{newsroom.GateRequiredFields, newsroom.GateQuotesChecked, newsroom.GateQuotesCleared, newsroom.GateBriefMatchesBody}

// ledgerGates are the gates that read the quote ledger.
var ledgerGates = []newsroom.Gate{newsroom.GateQuotesChecked, newsroom.GateQuotesCleared, newsroom.GateBriefMatchesBody}

// planGates passes, on a read outside any transaction, the gates u's action on draft id waits
// for, with note. It returns nil when the action has no gate worth planning, when the policy
// refuses it, a gate holds it back or the read fails: the transaction then runs the gates
// itself and answers as it always has.
func (s *Store) planGates(ctx context.Context, u *newsroom.User, id int64, action newsroom.Action, note string) *gatePlan {
	def, ok := s.policy.Action(action)
	if !ok || !slices.ContainsFunc(plannedGates, def.Has) || def.Has(newsroom.GateCommentsResolved) {
		return nil
	}
	db := s.read(ctx)
	v := s.planView(db, u, id)
	if v == nil {
		return nil
	}
	step, err := s.policy.Step(u, v.draft(), action)
	if err != nil || step.Has(newsroom.GateCommentsResolved) {
		return nil
	}
	plan := &gatePlan{action: step.Name, note: note, row: v.Row, readsLedger: slices.ContainsFunc(ledgerGates, step.Has)}
	var qs []newsroom.Quote
	if plan.readsLedger {
		if plan.quotes, err = ledgerRows(db, id); err != nil {
			return nil
		}
		if qs, err = ledgerOf(db, plan.quotes); err != nil {
			return nil
		}
	}
	quotes := func() ([]newsroom.Quote, error) { return qs, nil }
	if checkGates(db, v, step, note, false, quotes) != nil {
		return nil
	}
	return plan
}

// passPlanned is passGates for step on draft v, locked in tx, with note and force, skipped when
// plan passed the same gates on the same draft row, quote ledger and note: a plan made from
// anything that has changed since is set aside, and the gates run as they always have.
func passPlanned(tx *gorm.DB, plan *gatePlan, v *draftView, step policy.Action, note string, force bool) error {
	if plan != nil && plan.action == step.Name && plan.note == note && reflect.DeepEqual(plan.row, v.Row) {
		if !plan.readsLedger {
			return nil
		}
		rows, err := ledgerRowsExpecting(tx, v.Row.ID, len(plan.quotes))
		if err != nil {
			return err
		}
		if reflect.DeepEqual(rows, plan.quotes) {
			return nil
		}
	}
	return passGates(tx, v, step, note, force)
}
