package store

import (
	"gorm.io/gorm"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/policy"
)

// passGates checks every gate action a waits for on draft v, in newsroom.Gates' order, inside
// the transaction that will take the action, and returns the first that holds it back.
func passGates(tx *gorm.DB, v *draftView, a policy.Action, note string, force bool) error {
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
			err = quoteGate(tx, v.Row.ID, a.Name, g)
		case newsroom.GateBriefMatchesBody:
			err = briefGate(tx, v, a.Name)
		case newsroom.GateCommentsResolved:
			err = commentGate(tx, v.Row.ID, a.Name, force, note)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// quoteGate refuses action while the draft's quotes hold gate back.
func quoteGate(tx *gorm.DB, draftID int64, action newsroom.Action, gate newsroom.Gate) error {
	qs, err := ledger(tx, draftID)
	if err != nil {
		return err
	}
	return newsroom.QuoteGate(action, gate, qs)
}

// briefGate refuses action while the draft's brief quotes what its body does not, or what it
// has not cleared.
func briefGate(tx *gorm.DB, v *draftView, action newsroom.Action) error {
	qs, err := ledger(tx, v.Row.ID)
	if err != nil {
		return err
	}
	return newsroom.BriefGate(action, newsroom.CheckBrief(v.draft().Text(), qs))
}

// commentGate refuses action while the draft has unresolved comments, unless forced with a note.
func commentGate(tx *gorm.DB, draftID int64, action newsroom.Action, force bool, note string) error {
	open, err := loadComments(tx, tx.Where("draft_id = ? AND resolved_at IS NULL", draftID))
	if err != nil {
		return err
	}
	return newsroom.CommentGate(action, open, force, note)
}
