package store

import (
	"context"
	"database/sql"
	"fmt"

	json "github.com/goccy/go-json"
	"gorm.io/gorm"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// summaryFields are the keys and values of a draft summary's JSON object (see summaryObject):
// the draft's own short columns (never its text), its dates, its writer, who holds its current
// desk, and its current stage's and piece's due times.
const summaryFields = "'id', drafts.id, 'title', drafts.title, 'byline', drafts.byline, 'language', drafts.language, " +
	"'stage', drafts.stage, 'version', drafts.version, 'created', drafts.created_at, 'updated', drafts.updated_at, " +
	"'w', drafts.writer_id, 'wu', users.username, 'wn', users.name, 'h', holds.user_id, 'hu', holders.username, 'hn', holders.name, " +
	"'sd', stage_due.due_at, 'pd', piece_due.due_at"

// summarized turns a query of drafts joined with their writers into one of summaries, each row
// one JSON object of summaryFields: go-sqlite3 pays three cgo calls for every column of every
// row, and a page of 51 rows of sixteen columns spent most of its time in them.
func (s *Store) summarized(q *gorm.DB) *gorm.DB {
	return q.Select(s.jsonObject() + "(" + summaryFields + ")").Joins(summaryJoinsSQL)
}

// summaryJoinsSQL joins drafts and their writers with who holds each draft at its stage and
// its two due times, what a summary needs beside them. Each join is a lookup by primary key, so
// a page costs one query whatever its length.
const summaryJoinsSQL = "LEFT JOIN assignments holds ON holds.draft_id = drafts.id AND holds.stage = drafts.stage " +
	"LEFT JOIN users holders ON holders.id = holds.user_id " + dueJoinsSQL

// dueJoinsSQL joins drafts with their current stage's due time (stage_due) and the piece's
// (piece_due); a draft is due when its stage is, or else when the piece is.
const dueJoinsSQL = "LEFT JOIN deadlines stage_due ON stage_due.draft_id = drafts.id AND stage_due.stage = drafts.stage " +
	"LEFT JOIN deadlines piece_due ON piece_due.draft_id = drafts.id AND piece_due.stage = ''"

// ListDraftSummaries returns the page ListDrafts would, as summaries: the same drafts, in the
// same order, with the same cursor, read in one query that leaves the drafts' text alone.
func (s *Store) ListDraftSummaries(ctx context.Context, f newsroom.DraftFilter) (*newsroom.DraftSummaryPage, error) {
	q, err := s.draftPage(ctx, &f)
	if err != nil {
		return nil, err
	}
	rows, err := s.summarized(q).Rows()
	if err != nil {
		return nil, internal("list draft summaries", err)
	}
	items, err := s.scanSummaries(rows, f.Limit+1)
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

// summaryObject is one summary as summaryFields build it, its times as the database writes them.
type summaryObject struct {
	ID             int64          `json:"id"`
	Title          string         `json:"title"`
	Byline         string         `json:"byline"`
	Language       string         `json:"language"`
	Stage          newsroom.Stage `json:"stage"`
	Version        int            `json:"version"`
	CreatedAt      string         `json:"created"`
	UpdatedAt      string         `json:"updated"`
	WriterID       int64          `json:"w"`
	WriterUsername string         `json:"wu"`
	WriterName     string         `json:"wn"`
	HolderID       *int64         `json:"h"`
	HolderUsername string         `json:"hu"`
	HolderName     string         `json:"hn"`
	StageDue       *string        `json:"sd"`
	PieceDue       *string        `json:"pd"`
}

// scanSummaries reads rows of summaries, and closes them; size is how many are expected.
func (s *Store) scanSummaries(rows *sql.Rows, size int) ([]newsroom.DraftSummary, error) {
	defer rows.Close()
	out := make([]newsroom.DraftSummary, 0, size)
	var object sql.RawBytes
	for rows.Next() {
		var o summaryObject
		if err := rows.Scan(&object); err != nil {
			return nil, err
		}
		if err := json.Unmarshal(object, &o); err != nil {
			return nil, fmt.Errorf("a summary row of %d bytes: %w", len(object), err) // not the row itself: it holds titles, for the log
		}
		d, err := s.summary(o)
		if err != nil {
			return nil, fmt.Errorf("summary of draft %d: %w", o.ID, err)
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// summary turns o into the summary it stands for.
func (s *Store) summary(o summaryObject) (d newsroom.DraftSummary, err error) {
	d = newsroom.DraftSummary{ID: o.ID, Title: o.Title, Byline: o.Byline, Language: o.Language, Stage: o.Stage, Version: o.Version,
		Writer: newsroom.Person{ID: o.WriterID, Username: o.WriterUsername, Name: o.WriterName}}
	if o.HolderID != nil {
		d.Assignee = &newsroom.Person{ID: *o.HolderID, Username: o.HolderUsername, Name: o.HolderName}
	}
	if d.CreatedAt, err = s.jsonTime(o.CreatedAt); err != nil {
		return d, err
	}
	if d.UpdatedAt, err = s.jsonTime(o.UpdatedAt); err != nil {
		return d, err
	}
	due := o.StageDue
	if due == nil {
		due = o.PieceDue
	}
	d.DueAt, err = s.jsonTimeOrNil(due)
	return d, err
}
