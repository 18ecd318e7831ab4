package store

import (
	"time"

	"gorm.io/gorm"
)

// touchDraft writes changes to the row of draft id and sets its updated_at to now (adding it to
// changes), inside tx.
// Every change to a row of drafts goes through it (a test holds the package to that), so that
// every change moves the draft's stamp (see newsroom.DraftStamp) and its place in the lists,
// which are ordered by updated_at: the draft list serves a draft's JSON kept under its stamp, and
// a change that left the stamp as it was would serve the draft as it was before. tx may carry
// conditions of the caller's, such as the version a save builds on; the result tells how many
// rows changed.
func touchDraft(tx *gorm.DB, id int64, changes map[string]any, now time.Time) *gorm.DB {
	changes["updated_at"] = now
	return tx.Model(&draftRow{}).Where("id = ?", id).Updates(changes)
}
