package store

import (
	"maps"
	"time"

	"gorm.io/gorm"

	"github.com/copydesk/copydesk/internal/newsroom"
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

// touchDrafts is touchDraft for many drafts at once, with nothing else changed: it sets
// updated_at to now on the drafts whose ids the query ids selects (SQL with named arguments
// from args), inside tx.
func touchDrafts(tx *gorm.DB, ids string, args map[string]any, now time.Time) error {
	touched := maps.Clone(args)
	touched["touched"] = now
	return tx.Exec("UPDATE drafts SET updated_at = @touched WHERE id IN ("+ids+")", touched).Error
}

// touchDraftText is touchDraft for a save: it writes text, the draft's language, its quote
// problems (as JSON) and version base+1 to the row of draft id where it is still at version
// base, and sets its updated_at to now, inside tx. It reports whether it wrote the row. Its
// statement is written by hand rather than built by GORM from a map of the changes, which took
// a tenth of a save's transaction and about 80 of its allocations.
func touchDraftText(tx *gorm.DB, id int64, base int, text newsroom.Text, language, problems string, now time.Time) (bool, error) {
	const update = "UPDATE drafts SET title = ?, byline = ?, brief = ?, body = ?, topics = ?, editor_comment = ?, " +
		"language = ?, quote_problems = ?, version = ?, updated_at = ? WHERE id = ? AND version = ?"
	res, err := tx.Statement.ConnPool.ExecContext(rawContext(tx), rawQuery(tx, update),
		text.Title, text.Byline, text.Brief, text.Body, mustJSON(text.Topics), text.EditorComment,
		language, problems, base+1, now, id, base)
	if err != nil {
		return false, err
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// touchDraftStage is touchDraft for a step of the workflow that changes only the stage: it moves
// draft id to stage to and sets its updated_at to now, inside tx. Its statement is written by
// hand, as touchDraftText's is: GORM's building of the update from a map was a fifth of what a
// publish does while it holds the writer.
func touchDraftStage(tx *gorm.DB, id int64, to newsroom.Stage, now time.Time) error {
	return execRaw(tx, "UPDATE drafts SET stage = ?, updated_at = ? WHERE id = ?", string(to), now, id)
}
