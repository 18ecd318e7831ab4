package store

import (
	"context"
	"database/sql"
	"errors"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// liveSQL reads a draft's place in the workflow, its version and who saved that version, through
// the primary keys and the revisions' (draft_id, version) index.
const liveSQL = "SELECT drafts.writer_id, drafts.stage, drafts.version, drafts.updated_at, users.id, users.username, users.name " +
	"FROM drafts LEFT JOIN revisions ON revisions.draft_id = drafts.id AND revisions.version = drafts.version " +
	"LEFT JOIN users ON users.id = revisions.author_id WHERE drafts.id = ?"

// editorsSQL reads who else saved a working copy of a draft lately, newest first. It reads the
// draft's working copies through their primary key, which starts with the draft: at most one
// row for each user who typed in the draft and has not saved since.
const editorsSQL = "SELECT users.id, users.username, users.name, working_copies.updated_at FROM working_copies " +
	"JOIN users ON users.id = working_copies.user_id " +
	"WHERE working_copies.draft_id = ? AND working_copies.user_id <> ? AND working_copies.updated_at > ? " +
	"ORDER BY working_copies.updated_at DESC, users.id"

// Live returns what the page of draft id polls for: its stage and version, when it last changed
// and who saved that version, whether the acting user may edit some field of it in that stage,
// and who else has saved a working copy of it within newsroom.EditingWindow. Pages poll every
// few seconds, on whichever server they reach, so it reads the database, which every server
// shares, in two indexed queries, each prepared once.
func (s *Store) Live(ctx context.Context, id int64) (*newsroom.LiveState, error) {
	u, err := actor(ctx)
	if err != nil {
		return nil, err
	}
	d := &newsroom.Draft{ID: id}
	var by struct {
		id             sql.NullInt64
		username, name sql.NullString
	}
	live := &newsroom.LiveState{Editors: []newsroom.Editor{}}
	err = s.queryRowPrepared(ctx, liveSQL, id).Scan(&d.Writer.ID, &d.Stage, &live.Version, &live.UpdatedAt, &by.id, &by.username, &by.name)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return nil, internal("live state", err)
	}
	if err != nil || !s.policy.CanSee(u, d.Writer.ID, d.Stage) {
		return nil, newsroom.Errorf(newsroom.ENOTFOUND, "draft %d not found", id)
	}
	live.Stage, live.Editable = d.Stage, len(s.policy.Fields(u, d)) > 0
	if by.id.Valid {
		live.UpdatedBy = &newsroom.Person{ID: by.id.Int64, Username: by.username.String, Name: by.name.String}
	}
	if live.Editors, err = s.editors(ctx, id, u.ID); err != nil {
		return nil, internal("live state", err)
	}
	return live, nil
}

// editors lists the users but viewerID who saved a working copy of draft id within
// newsroom.EditingWindow, by the store's clock.
func (s *Store) editors(ctx context.Context, id, viewerID int64) ([]newsroom.Editor, error) {
	rows, err := s.queryPrepared(ctx, editorsSQL, id, viewerID, s.clock().Add(-newsroom.EditingWindow))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	editors := []newsroom.Editor{}
	for rows.Next() {
		var e newsroom.Editor
		if err := rows.Scan(&e.Person.ID, &e.Person.Username, &e.Person.Name, &e.At); err != nil {
			return nil, err
		}
		editors = append(editors, e)
	}
	return editors, rows.Err()
}
