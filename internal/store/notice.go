package store

import (
	"context"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// PendingNote returns the note sent back with draft id that the acting user should read before
// anything else, or nil (the rule is newsroom.PendingNote). Only the newest transition and the
// newest version can decide it, so only they are read.
func (s *Store) PendingNote(ctx context.Context, draftID int64) (*newsroom.AuditEntry, error) {
	u, err := actor(ctx)
	if err != nil {
		return nil, err
	}
	db := s.read(ctx)
	v, err := s.findDraft(db, u, draftID)
	if err != nil {
		return nil, internal("pending note", err)
	}
	var steps []auditView
	if err := auditQuery(db).Where("audit.draft_id = ? AND audit.from_stage <> '' AND audit.from_stage <> audit.to_stage", draftID).
		Order("audit.id DESC").Limit(1).Find(&steps).Error; err != nil {
		return nil, internal("pending note", err)
	}
	var versions []revisionView
	if err := revisionsWithoutText(db).Where("revisions.draft_id = ? AND revisions.version IS NOT NULL", draftID).
		Order("revisions.id DESC").Limit(1).Find(&versions).Error; err != nil {
		return nil, internal("pending note", err)
	}
	audit := make([]newsroom.AuditEntry, len(steps))
	for i, a := range steps {
		audit[i] = a.entry()
	}
	revisions := make([]newsroom.Revision, len(versions))
	for i, r := range versions {
		revisions[i] = r.revision()
	}
	return newsroom.PendingNote(audit, revisions, newsroom.Stage(v.Row.Stage), u.ID), nil
}
