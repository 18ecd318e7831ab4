package store

import (
	"errors"

	"gorm.io/gorm"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/policy"
)

// passGates checks every gate action a waits for on draft v, in newsroom.Gates' order, inside
// the transaction that will take the action, and returns what holds it back: every gate's
// refusal in one (see newsroom.JoinRefusals). The quote ledger is read once, for all the gates
// that look at it.
func passGates(tx *gorm.DB, v *draftView, a policy.Action, note string, force bool) error {
	var qs []newsroom.Quote
	read := false
	quotes := func() ([]newsroom.Quote, error) {
		if read {
			return qs, nil
		}
		var err error
		qs, err = ledger(tx, v.Row.ID)
		read = err == nil
		return qs, err
	}
	return checkGates(tx, v, a, note, force, quotes)
}

// checkGates is passGates with the draft's quote ledger given by quotes.
func checkGates(tx *gorm.DB, v *draftView, a policy.Action, note string, force bool, quotes func() ([]newsroom.Quote, error)) error {
	var refusals []*newsroom.Error
	var told []int64 // the quotes a quotes gate refused, which the brief gate need not name again
	for _, g := range newsroom.Gates {
		if !a.Has(g) {
			continue
		}
		var err error
		switch g {
		case newsroom.GateNote:
			err = newsroom.NoteGate(a.Name, note)
		case newsroom.GateRequiredFields:
			err = pieceGate(v.draft().Text())
		case newsroom.GateQuotesChecked, newsroom.GateQuotesCleared:
			err = quoteGate(quotes, a.Name, g)
		case newsroom.GateBriefMatchesBody:
			err = briefGate(quotes, v, a.Name, told)
		case newsroom.GateCommentsResolved:
			err = commentGate(tx, v.Row.ID, a.Name, force, note)
		}
		var refusal *newsroom.Error
		switch {
		case err == nil:
		case errors.As(err, &refusal) && refusal.Code != newsroom.EINTERNAL:
			refusals = append(refusals, refusal)
			if ids, ok := refusal.Details["quotes"].([]int64); ok {
				told = append(told, ids...)
			}
		default:
			return err
		}
	}
	return newsroom.JoinRefusals(refusals)
}

// quoteGate refuses action while the draft's quotes hold gate back.
func quoteGate(quotes func() ([]newsroom.Quote, error), action newsroom.Action, gate newsroom.Gate) error {
	qs, err := quotes()
	if err != nil {
		return err
	}
	return newsroom.QuoteGate(action, gate, qs)
}

// briefGate refuses action while the draft's brief quotes what its body does not, or what it
// has not cleared and is not among the quotes told already.
func briefGate(quotes func() ([]newsroom.Quote, error), v *draftView, action newsroom.Action, told []int64) error {
	qs, err := quotes()
	if err != nil {
		return err
	}
	return newsroom.BriefGate(action, newsroom.CheckBrief(v.draft().Text(), qs).Untold(told))
}

// commentGate refuses action while the draft has unresolved comments, unless forced with a note.
// The refusal names each by its id and words, so that is all it reads of them: their threads may
// hold up to newsroom.MaxCommentText code points, which it would otherwise read under the write
// lock on every approve, schedule and publish.
func commentGate(tx *gorm.DB, draftID int64, action newsroom.Action, force bool, note string) error {
	var rows []commentRow
	if err := tx.Select("id", "quote").Where("draft_id = ? AND resolved_at IS NULL", draftID).Order("id").Find(&rows).Error; err != nil {
		return err
	}
	open := make([]newsroom.Comment, len(rows))
	for i, r := range rows {
		open[i] = newsroom.Comment{ID: r.ID, Quote: r.Quote}
	}
	return newsroom.CommentGate(action, open, force, note)
}
