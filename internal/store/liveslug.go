package store

import (
	"context"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/policy"
)

// LiveSlug returns the slug under which readers see draft id, or "" while they see nothing of it
// (it was never published, or is waiting for its time). The acting user must be able to see the
// draft.
func (s *Store) LiveSlug(ctx context.Context, draftID int64) (string, error) {
	u, err := actor(ctx)
	if err != nil {
		return "", err
	}
	db := s.read(ctx)
	v, err := s.findDraft(db, u, draftID)
	if err != nil {
		return "", internal("live slug", err)
	}
	if !s.policy.IsPublished(newsroom.Stage(v.Row.Stage)) {
		return "", nil
	}
	var arts []articleRow
	if err := db.Where("draft_id = ? AND latest_publication_id IS NOT NULL", draftID).Limit(1).Find(&arts).Error; err != nil {
		return "", internal("live slug", err)
	}
	if len(arts) == 0 {
		return "", nil
	}
	return arts[0].Slug, nil
}

// MayCorrect reports whether u may publish corrections of draft d once it is live.
func (s *Store) MayCorrect(u *newsroom.User, d *newsroom.Draft) bool {
	return s.policy.Can(u, policy.ArticleCorrect, d.Writer.ID)
}
