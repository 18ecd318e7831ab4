package store

import (
	"context"

	"gorm.io/gorm"
)

// indexPending brings the drafts' search index up to date with the saves that changed their
// text since it last ran, on SQLite, where a save only files its draft in search_pending (see
// migration 00033): each pending draft is indexed once, however many times it was saved, in one
// write transaction. When nothing is pending it costs one read. PostgreSQL indexes a save in
// its own transaction, so there it does nothing.
func (s *Store) indexPending(ctx context.Context) error {
	if s.pg {
		return nil
	}
	var pending bool
	if err := s.read(ctx).Raw("SELECT EXISTS (SELECT 1 FROM search_pending)").Scan(&pending).Error; err != nil {
		return err
	}
	if !pending {
		return nil
	}
	return s.transact(ctx, func(tx *gorm.DB) error {
		for _, q := range []string{
			"DELETE FROM draft_search WHERE docid IN (SELECT draft_id FROM search_pending)",
			"INSERT INTO draft_search (docid, title, brief, body, comments) " +
				"SELECT * FROM draft_search_source WHERE docid IN (SELECT draft_id FROM search_pending)",
			"DELETE FROM search_pending",
		} {
			if err := tx.Exec(q).Error; err != nil {
				return err
			}
		}
		return nil
	})
}

// IndexSearch indexes the drafts saved since the search index last caught up (see
// indexPending), and the pieces published since public search last did (see indexPublished).
// The scheduler runs it every second, so that a search seldom has to do it first.
func (s *Store) IndexSearch(ctx context.Context) error {
	if err := s.indexPending(ctx); err != nil {
		return internal("index saved drafts for search", err)
	}
	return internal("index published pieces for search", s.indexPublished(ctx))
}
