package store

import (
	"context"
	"errors"
	"time"

	"gorm.io/gorm"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// unmergedTextRow is the text of an unmerged save. It lives apart from its revision, which is
// history and never changes, so that an author's older unmerged texts can be dropped while the
// revision stays as the record that the stale save happened.
type unmergedTextRow struct {
	RevisionID    int64 `gorm:"primaryKey;autoIncrement:false"`
	DraftID       int64
	AuthorID      int64
	Title         string
	Byline        string
	Brief         string
	Body          string
	Topics        []string `gorm:"serializer:json"`
	EditorComment string
}

func (unmergedTextRow) TableName() string { return "unmerged_texts" }

func (r unmergedTextRow) text() newsroom.Text {
	return newsroom.Text{Title: r.Title, Byline: r.Byline, Brief: r.Brief, Body: r.Body, Topics: r.Topics, EditorComment: r.EditorComment}
}

// keepUnmerged stores a stale save, inside the caller's transaction: a revision without a version
// or text, saying who saved on which base and when, and its text beside it. It returns the
// revision's id.
func keepUnmerged(tx *gorm.DB, draftID int64, base int, authorID int64, t newsroom.Text, at time.Time) (int64, error) {
	rev := revisionRow{DraftID: draftID, BaseVersion: base, AuthorID: authorID, Topics: []string{}, CreatedAt: at}
	if err := tx.Create(&rev).Error; err != nil {
		return 0, err
	}
	text := unmergedTextRow{RevisionID: rev.ID, DraftID: draftID, AuthorID: authorID, Title: t.Title, Byline: t.Byline,
		Brief: t.Brief, Body: t.Body, Topics: t.Topics, EditorComment: t.EditorComment}
	if err := tx.Create(&text).Error; err != nil {
		return 0, err
	}
	return rev.ID, pruneUnmerged(tx, draftID, authorID)
}

// pruneUnmerged drops an author's unmerged texts of a draft beyond the newest
// newsroom.MaxUnmergedTexts, so that no one's stale saves pile up without bound.
func pruneUnmerged(tx *gorm.DB, draftID, authorID int64) error {
	oldestKept := tx.Model(&unmergedTextRow{}).Select("revision_id").
		Where("draft_id = ? AND author_id = ?", draftID, authorID).
		Order("revision_id DESC").Offset(newsroom.MaxUnmergedTexts - 1).Limit(1)
	return tx.Where("draft_id = ? AND author_id = ? AND revision_id < (?)", draftID, authorID, oldestKept).
		Delete(&unmergedTextRow{}).Error
}

// withUnmergedTexts describes revisions, marking each unmerged one whose text was pruned and,
// when withText, giving the others their text.
func withUnmergedTexts(db *gorm.DB, views []revisionView, withText bool) ([]newsroom.Revision, error) {
	out := make([]newsroom.Revision, len(views))
	var ids []int64
	for i, v := range views {
		if out[i] = v.revision(); out[i].Unmerged {
			ids = append(ids, v.Row.ID)
		}
	}
	if len(ids) == 0 {
		return out, nil
	}
	q := db.Where("revision_id IN ?", ids)
	if !withText {
		q = q.Select("revision_id")
	}
	var rows []unmergedTextRow
	if err := q.Find(&rows).Error; err != nil {
		return nil, err
	}
	kept := make(map[int64]newsroom.Text, len(rows))
	for _, r := range rows {
		kept[r.RevisionID] = r.text()
	}
	for i := range out {
		t, ok := kept[out[i].ID]
		out[i].Pruned = out[i].Unmerged && !ok
		if ok && withText {
			out[i].Text = &t
		}
	}
	return out, nil
}

// UnmergedRevision returns one unmerged revision of a draft the acting user may see, with its
// text unless that was pruned.
func (s *Store) UnmergedRevision(ctx context.Context, id, revisionID int64) (*newsroom.Revision, error) {
	u, err := actor(ctx)
	if err != nil {
		return nil, err
	}
	db := s.read(ctx)
	if _, err := s.findDraft(db, u, id); err != nil {
		return nil, internal("get unmerged revision", err)
	}
	var v revisionView
	err = revisionsWithoutText(db).Where("revisions.draft_id = ? AND revisions.id = ? AND revisions.version IS NULL", id, revisionID).Take(&v).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, newsroom.Errorf(newsroom.ENOTFOUND, "draft %d has no unmerged revision %d", id, revisionID)
	} else if err != nil {
		return nil, internal("get unmerged revision", err)
	}
	revs, err := withUnmergedTexts(db, []revisionView{v}, true)
	if err != nil {
		return nil, internal("get unmerged revision", err)
	}
	return &revs[0], nil
}
