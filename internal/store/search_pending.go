package store

import (
	"context"

	"gorm.io/gorm"
)

// draftIndexBatch is how many pending drafts indexPending indexes in one write transaction.
// Re-indexing a draft has FTS4 tokenize its old and new text, about 2 ms for a 1,500-word piece,
// and every save waits for the writer meanwhile: a second's worth of saves indexed in one
// transaction held the writer for tens of milliseconds, which every save then waiting showed as
// its latency. A few at a time keep that wait to a few milliseconds.
const draftIndexBatch = 2

// indexPending brings the drafts' search index up to date with the writes that changed their
// text before it began, on SQLite, where a save, a new piece, a comment and a reply only file
// their draft in search_pending (see migrations 00033 and 00036): each pending draft is indexed
// once, however many times it was written, from its text as it is when it is indexed,
// draftIndexBatch drafts to a write transaction, each taken by turn (see writeTurn), which may
// stop the run early, and followed by merge steps (see mergeIndex); the run merges first if the
// index is crowded (see mergeCrowded). A draft filed again while it runs waits for the next
// run, so that saves that never stop cannot keep it going. When nothing is pending and nothing
// crowded it costs two reads. PostgreSQL indexes a save in its own transaction, so there it
// does nothing.
func (s *Store) indexPending(ctx context.Context, turn writeTurn) error {
	if s.pg {
		return nil
	}
	if goOn, err := s.mergeCrowded(ctx, turn, "draft_search"); err != nil || !goOn {
		return err
	}
	var ids []int64
	if err := s.read(ctx).Raw("SELECT draft_id FROM search_pending ORDER BY draft_id").Scan(&ids).Error; err != nil {
		return err
	}
	for len(ids) > 0 {
		batch := ids[:min(draftIndexBatch, len(ids))]
		ids = ids[len(batch):]
		goOn, err := turn(ctx, func(tx *gorm.DB) error { return indexDrafts(tx, batch) })
		if err != nil || !goOn {
			return err
		}
		if goOn, err = s.mergeIndex(ctx, turn, "draft_search"); err != nil || !goOn {
			return err
		}
	}
	return nil
}

// indexDrafts indexes the drafts ids from their text as tx sees it, and takes them out of
// search_pending.
func indexDrafts(tx *gorm.DB, ids []int64) error {
	for _, q := range []string{
		"DELETE FROM draft_search WHERE docid IN ?",
		"INSERT INTO draft_search (docid, title, brief, body, comments) SELECT * FROM draft_search_source WHERE docid IN ?",
		"DELETE FROM search_pending WHERE draft_id IN ?",
	} {
		if err := tx.Exec(q, ids).Error; err != nil {
			return err
		}
	}
	return nil
}

// IndexSearch indexes the drafts saved since the search index last caught up (see
// indexPending), and the pieces published since public search last did (see indexPublished).
// The scheduler runs it every second, so that a search seldom has to do it first. It is
// background work and gives way to requests waiting for the writer (see asideTurn): under
// writes that never pause it indexes one batch of each a run, and a search indexes what is left
// before it answers, so that it finds every piece all the same.
func (s *Store) IndexSearch(ctx context.Context) error {
	if err := s.indexPending(ctx, s.asideTurn); err != nil {
		return internal("index saved drafts for search", err)
	}
	return internal("index published pieces for search", s.indexPublished(ctx, s.asideTurn))
}
