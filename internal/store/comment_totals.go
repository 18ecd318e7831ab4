package store

import (
	"unicode/utf8"

	"gorm.io/gorm"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// commentTotals reads what draft draftID's comments hold (see newsroom.CommentTotals); a piece
// with no row has never been commented on.
func commentTotals(tx *gorm.DB, draftID int64) (newsroom.CommentTotals, error) {
	var rows []struct{ Threads, CodePoints int64 }
	err := tx.Raw("SELECT threads, code_points FROM comment_totals WHERE draft_id = ?", draftID).Scan(&rows).Error
	if err != nil || len(rows) == 0 {
		return newsroom.CommentTotals{}, err
	}
	return newsroom.CommentTotals{Threads: rows[0].Threads, Text: rows[0].CodePoints}, nil
}

// addToComments checks that threads more threads and the code points of texts (less those of
// gone) fit in what draft draftID's comments may hold, and counts them. The caller holds the
// draft's lock, which every change to its comments takes, so two changes at once cannot both
// take the last place; it calls this before it writes anything else.
func addToComments(tx *gorm.DB, draftID int64, threads int64, texts []string, gone ...string) error {
	var text int64
	for _, s := range texts {
		text += int64(utf8.RuneCountInString(s))
	}
	for _, s := range gone {
		text -= int64(utf8.RuneCountInString(s))
	}
	t, err := commentTotals(tx, draftID)
	if err != nil {
		return err
	}
	if err := newsroom.CheckCommentTotals(t, threads, text); err != nil {
		return err
	}
	return tx.Exec(`INSERT INTO comment_totals (draft_id, threads, code_points) VALUES (?, ?, ?)
		ON CONFLICT (draft_id) DO UPDATE SET threads = comment_totals.threads + excluded.threads,
		code_points = comment_totals.code_points + excluded.code_points`,
		draftID, threads, text).Error
}
