package store

import (
	"context"
	"errors"
	"time"

	"gorm.io/gorm"

	"github.com/copydesk/copydesk/internal/authz"
	"github.com/copydesk/copydesk/internal/newsroom"
)

type revisionRow struct {
	ID            int64
	DraftID       int64
	Version       *int
	BaseVersion   int
	AuthorID      int64
	Title         string
	Byline        string
	Brief         string
	Body          string
	Topics        []string `gorm:"serializer:json"`
	EditorComment string
	CreatedAt     time.Time
}

func (revisionRow) TableName() string { return "revisions" }

type revisionView struct {
	Row            revisionRow `gorm:"embedded"`
	AuthorUsername string
	AuthorName     string
}

func (v revisionView) text() newsroom.Text {
	r := v.Row
	return newsroom.Text{Title: r.Title, Byline: r.Byline, Brief: r.Brief, Body: r.Body, Topics: r.Topics, EditorComment: r.EditorComment}
}

// revision describes the row without its text.
func (v revisionView) revision() newsroom.Revision {
	row := v.Row
	r := newsroom.Revision{
		ID: row.ID, DraftID: row.DraftID, BaseVersion: row.BaseVersion, Unmerged: row.Version == nil,
		Author:    newsroom.Person{ID: row.AuthorID, Username: v.AuthorUsername, Name: v.AuthorName},
		CreatedAt: row.CreatedAt,
	}
	if row.Version != nil {
		r.Version = *row.Version
	}
	return r
}

func revisionsQuery(db *gorm.DB) *gorm.DB {
	return db.Table("revisions").
		Select("revisions.*, users.username AS author_username, users.name AS author_name").
		Joins("JOIN users ON users.id = revisions.author_id")
}

// insertRevision stores a whole text as a numbered revision (keepUnmerged stores unmerged saves).
func insertRevision(tx *gorm.DB, draftID int64, version, base int, authorID int64, t newsroom.Text, at time.Time) error {
	row := revisionRow{DraftID: draftID, Version: &version, BaseVersion: base, AuthorID: authorID, Title: t.Title, Byline: t.Byline,
		Brief: t.Brief, Body: t.Body, Topics: t.Topics, EditorComment: t.EditorComment, CreatedAt: at}
	return tx.Create(&row).Error
}

// UpdateDraft saves a new revision of a draft's text. A save based on a version that is no longer
// current is refused with ECONFLICT, but its text is kept as an unmerged revision so that nothing
// the writer typed is lost (the newest MaxUnmergedTexts of them per author, see keepUnmerged).
// Where the draft's comments go is worked out before the transaction (see planReanchor).
func (s *Store) UpdateDraft(ctx context.Context, id int64, upd newsroom.DraftUpdate) (*newsroom.Draft, error) {
	u, err := actor(ctx)
	if err != nil {
		return nil, err
	}
	if upd.Version <= 0 {
		return nil, newsroom.Errorf(newsroom.EINVALID, "version is required: send the version you last saw")
	}
	plan := s.planSave(ctx, u, id, upd)
	var d *newsroom.Draft
	var conflict error
	err = s.tx(ctx, func(tx *gorm.DB) error {
		v, err := s.lockDraft(tx, u, id)
		if err != nil {
			return err
		}
		cur := v.draft()
		text, err := s.checkEdit(u, cur, upd)
		if err != nil {
			return err
		}
		now := s.clock()
		if upd.Version != cur.Version {
			unmerged, err := keepUnmerged(tx, id, upd.Version, u.ID, text, now)
			if err != nil {
				return err
			}
			conflict = newsroom.Errorf(newsroom.ECONFLICT,
				"draft %d is at version %d, but this save was based on version %d; your text is kept as unmerged revision %d",
				id, cur.Version, upd.Version, unmerged).With("current_version", cur.Version).With("unmerged_revision", unmerged)
			return nil
		}
		next := cur.Version + 1
		row := draftRow{}
		row.setText(text)
		res := tx.Model(&draftRow{}).Where("id = ? AND version = ?", id, cur.Version).Updates(map[string]any{
			"title": row.Title, "byline": row.Byline, "brief": row.Brief, "body": row.Body,
			"topics": mustJSON(row.Topics), "editor_comment": row.EditorComment,
			"version": next, "updated_at": now,
		})
		if res.Error != nil {
			return res.Error
		}
		if err := insertRevision(tx, id, next, cur.Version, u.ID, text, now); err != nil {
			return err
		}
		if err := syncLedger(tx, id, next, u.ID, text, now); err != nil {
			return err
		}
		if err := reanchor(tx, id, next, cur.Text(), text, plan); err != nil {
			return err
		}
		v, err = findDraft(tx, u, id)
		if v != nil {
			d = v.draft()
		}
		return err
	})
	if err != nil {
		return nil, internal("update draft", err)
	}
	return d, conflict
}

// checkEdit applies the policy and the workflow to a save and returns the new, valid text.
func (s *Store) checkEdit(u *newsroom.User, cur *newsroom.Draft, upd newsroom.DraftUpdate) (newsroom.Text, error) {
	if err := s.authz.Check(u, authz.DraftEdit, cur.Writer.ID); err != nil {
		return newsroom.Text{}, err
	}
	if stage, ok := newsroom.EditableStage(u.Role); !ok || stage != cur.Stage {
		return newsroom.Text{}, newsroom.Errorf(newsroom.ECONFLICT, "a %s cannot edit a draft in stage %s", u.Role, cur.Stage)
	}
	text := upd.Apply(cur.Text()).Normalize()
	if text.EditorComment != cur.EditorComment {
		if err := s.authz.Check(u, authz.DraftSetEditorComment, cur.Writer.ID); err != nil {
			return newsroom.Text{}, newsroom.Errorf(newsroom.EFORBIDDEN, "only an editor may set editor_comment")
		}
	}
	return text, text.Validate()
}

// Revision returns one whole numbered revision of a draft the acting user may see.
func (s *Store) Revision(ctx context.Context, id int64, version int) (*newsroom.Revision, error) {
	u, err := actor(ctx)
	if err != nil {
		return nil, err
	}
	db := s.read(ctx)
	if _, err := findDraft(db, u, id); err != nil {
		return nil, internal("get revision", err)
	}
	var v revisionView
	err = revisionsQuery(db).Where("revisions.draft_id = ? AND revisions.version = ?", id, version).Take(&v).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, newsroom.Errorf(newsroom.ENOTFOUND, "draft %d has no version %d", id, version)
	} else if err != nil {
		return nil, internal("get revision", err)
	}
	r, t := v.revision(), v.text()
	r.Text = &t
	return &r, nil
}
