package store

import (
	"context"
	"database/sql"
	"time"

	"gorm.io/gorm"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// summaryColumns are what a draft summary reads: the draft's own short columns (never its
// text), its writer, who holds its current desk, and its current stage's and piece's due times
// (read apart, since SQLite gives a COALESCE of two timestamps back as text).
const summaryColumns = "drafts.id, drafts.title, drafts.byline, drafts.language, drafts.stage, drafts.version, " +
	"drafts.created_at, drafts.updated_at, drafts.writer_id, users.username, users.name, " +
	"holds.user_id, holders.username, holders.name, stage_due.due_at, piece_due.due_at"

// summarized turns a query of drafts joined with their writers into one of summaryColumns: each
// join is a lookup by primary key, so a page costs one query whatever its length.
func summarized(q *gorm.DB) *gorm.DB {
	return q.Select(summaryColumns).
		Joins("LEFT JOIN assignments holds ON holds.draft_id = drafts.id AND holds.stage = drafts.stage").
		Joins("LEFT JOIN users holders ON holders.id = holds.user_id").
		Joins("LEFT JOIN deadlines stage_due ON stage_due.draft_id = drafts.id AND stage_due.stage = drafts.stage").
		Joins("LEFT JOIN deadlines piece_due ON piece_due.draft_id = drafts.id AND piece_due.stage = ''")
}

// ListDraftSummaries returns the page ListDrafts would, as summaries: the same drafts, in the
// same order, with the same cursor, read in one query that leaves the drafts' text alone.
func (s *Store) ListDraftSummaries(ctx context.Context, f newsroom.DraftFilter) (*newsroom.DraftSummaryPage, error) {
	q, err := s.draftPage(ctx, &f)
	if err != nil {
		return nil, err
	}
	rows, err := summarized(q).Rows()
	if err != nil {
		return nil, internal("list draft summaries", err)
	}
	items, err := scanSummaries(rows, f.Limit+1)
	if err != nil {
		return nil, internal("list draft summaries", err)
	}
	page := &newsroom.DraftSummaryPage{Items: items}
	if len(items) > f.Limit {
		page.Items = items[:f.Limit]
		last := page.Items[f.Limit-1]
		page.Next = encodeCursor(last.UpdatedAt, last.ID)
	}
	return page, nil
}

// scanSummaries scans rows of summaryColumns, and closes them; size is how many are expected.
func scanSummaries(rows *sql.Rows, size int) ([]newsroom.DraftSummary, error) {
	defer rows.Close()
	out := make([]newsroom.DraftSummary, 0, size)
	for rows.Next() {
		var d newsroom.DraftSummary
		var holderID sql.NullInt64
		var holderUsername, holderName sql.NullString
		var stageDue, pieceDue *time.Time
		if err := rows.Scan(&d.ID, &d.Title, &d.Byline, &d.Language, &d.Stage, &d.Version, &d.CreatedAt, &d.UpdatedAt,
			&d.Writer.ID, &d.Writer.Username, &d.Writer.Name, &holderID, &holderUsername, &holderName, &stageDue, &pieceDue); err != nil {
			return nil, err
		}
		if holderID.Valid {
			d.Assignee = &newsroom.Person{ID: holderID.Int64, Username: holderUsername.String, Name: holderName.String}
		}
		if d.DueAt = stageDue; d.DueAt == nil {
			d.DueAt = pieceDue
		}
		out = append(out, d)
	}
	return out, rows.Err()
}
