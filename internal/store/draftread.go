package store

import (
	"context"
	"database/sql"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// draftReadSQL reads one draft whoever may see it, given its id, with what GET answers beside
// it in the same row: its claim, if it has one (see claimSQL), and its lead image's id. The
// caller checks with the policy's CanSee, the rule visibleTo puts into queries.
const draftReadSQL = "SELECT " + draftColumns + ", drafts.lead_image_id, " +
	"claims.claim, claims.claimed_by, claims.claimant_kind, claims.rating, claims.claim_date, claims.claim_url " +
	"FROM drafts JOIN users ON users.id = drafts.writer_id LEFT JOIN claims ON claims.draft_id = drafts.id WHERE drafts.id = ?"

// draftWorkSQL reads one draft's deadlines and assignees in one statement, deadlines first
// (SQLite takes a compound select's column types from its first select, and due_at must come
// back as a time), each row either a deadline (due_at set) or an assignee (user_id set).
const draftWorkSQL = "SELECT deadlines.stage, deadlines.due_at, NULL, NULL, NULL FROM deadlines WHERE deadlines.draft_id = ? " +
	"UNION ALL SELECT assignments.stage, NULL, assignments.user_id, users.username, users.name " +
	"FROM assignments JOIN users ON users.id = assignments.user_id WHERE assignments.draft_id = ? ORDER BY 1"

// readDraft is GetDraft with the id of the draft's lead image, if it has one: two statements
// prepared once, one for the draft with its writer and claim, one for its desks and due times.
func (s *Store) readDraft(ctx context.Context, id int64) (*newsroom.Draft, sql.NullInt64, error) {
	var image sql.NullInt64
	u, err := actor(ctx)
	if err != nil {
		return nil, image, err
	}
	rows, err := s.queryPrepared(ctx, draftReadSQL, id)
	if err != nil {
		return nil, image, internal("get draft", err)
	}
	v, claim, found, err := scanDraftRead(rows, &image)
	if err != nil {
		return nil, image, internal("get draft", err)
	}
	if !found || !s.policy.CanSee(u, v.Row.WriterID, newsroom.Stage(v.Row.Stage)) {
		return nil, image, newsroom.Errorf(newsroom.ENOTFOUND, "draft %d not found", id)
	}
	d := v.draft()
	d.Claim = claim
	if rows, err = s.queryPrepared(ctx, draftWorkSQL, id, id); err != nil {
		return nil, image, internal("get draft", err)
	}
	return d, image, internal("get draft", scanDraftWork(rows, d))
}

// scanDraftRead reads the row of draftReadSQL, if any, into a draft view, its claim and image,
// and closes rows.
func scanDraftRead(rows *sql.Rows, image *sql.NullInt64) (v draftView, claim *newsroom.Claim, found bool, err error) {
	defer rows.Close()
	if !rows.Next() {
		return v, nil, false, rows.Err()
	}
	var c [6]sql.NullString
	if err := scanDraft(rows, &v, image, &c[0], &c[1], &c[2], &c[3], &c[4], &c[5]); err != nil {
		return v, nil, false, err
	}
	if c[0].Valid {
		claim = &newsroom.Claim{Text: c[0].String, ClaimedBy: c[1].String, ClaimantKind: c[2].String,
			Rating: c[3].String, Date: c[4].String, URL: c[5].String}
	}
	return v, claim, true, rows.Close()
}

// scanDraftWork files the rows of draftWorkSQL under draft d, and closes them.
func scanDraftWork(rows *sql.Rows, d *newsroom.Draft) error {
	defer rows.Close()
	for rows.Next() {
		var stage string
		var due sql.NullTime
		var userID sql.NullInt64
		var username, name sql.NullString
		if err := rows.Scan(&stage, &due, &userID, &username, &name); err != nil {
			return err
		}
		if due.Valid {
			d.Deadlines = append(d.Deadlines, newsroom.Deadline{Stage: newsroom.Stage(stage), DueAt: due.Time})
		} else {
			d.Assignees[newsroom.Stage(stage)] = newsroom.Person{ID: userID.Int64, Username: username.String, Name: name.String}
		}
	}
	return rows.Err()
}
