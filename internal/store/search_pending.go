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

// indexWork is how much text, in code points, a run of the search index has FTS4 tokenize in
// one write transaction at most, unless one piece alone has more: a piece's text as it was
// indexed (tokenized again to take it out) and as it is now. A draft at the body's limit with
// its comments is about a million of them, half a second or more of the writer; anyone who may
// comment can make two such drafts pending at once, and an editor's corrections four published
// pieces. Indexed together, they held every write for over a second, and each comment or
// correction made them pending again.
const indexWork = 100_000

// searchedComments is how many code points of a piece's comments the search index holds: the
// cap draft_search_source puts on them (migration 00039).
const searchedComments = 100_000

// pendingIndex is a piece waiting for the search index (a draft, or a published article), and
// the work of indexing it again: its text as indexed and as it is now, in code points (see
// indexWork).
type pendingIndex struct {
	ID   int64
	Work int64
}

// indexBatches cuts the pending pieces, in their order, into the batches a run indexes, a write
// transaction each: most pieces at most, with indexWork of text between them at most, or one
// piece alone that has more.
func indexBatches(pending []pendingIndex, most int) [][]int64 {
	var batches [][]int64
	var work int64
	for _, p := range pending {
		last := len(batches) - 1
		if last < 0 || len(batches[last]) == most || work+p.Work > indexWork {
			batches = append(batches, nil)
			last, work = last+1, 0
		}
		batches[last] = append(batches[last], p.ID)
		work += p.Work
	}
	return batches
}

// indexPending brings the drafts' search index up to date with the writes that changed their
// text before it began, on SQLite, where a save, a new piece, a comment and a reply only file
// their draft in search_pending (see migrations 00033 and 00036): each pending draft is indexed
// once, however many times it was written, from its text as it is when it is indexed, in
// batches of a few drafts and little text (see indexBatches), weighed again under the writer,
// where a draft another run took is skipped and one made long meanwhile goes apart (see
// indexDrafts), a write transaction each, taken by turn (see writeTurn), which may stop the run early, and followed by merge steps (see
// mergeIndex); the run merges first if the index is crowded (see mergeCrowded). A draft filed
// again while it runs waits for the next run, so that saves that never stop cannot keep it
// going. When nothing is pending and nothing crowded it costs two reads. PostgreSQL indexes a save in its own transaction, so there it
// does nothing.
func (s *Store) indexPending(ctx context.Context, turn writeTurn) error {
	if s.pg {
		return nil
	}
	if goOn, err := s.mergeCrowded(ctx, turn, "draft_search"); err != nil || !goOn {
		return err
	}
	var pending []pendingIndex
	if err := s.read(ctx).Raw(pendingIndexWork+" ORDER BY p.draft_id", searchedComments).Scan(&pending).Error; err != nil {
		return err
	}
	for _, batch := range indexBatches(pending, draftIndexBatch) {
		for len(batch) > 0 {
			var left []int64
			goOn, err := turn(ctx, func(tx *gorm.DB) (err error) {
				left, err = indexDrafts(tx, batch)
				return err
			})
			if err != nil || !goOn {
				return err
			}
			if goOn, err = s.mergeIndex(ctx, turn, "draft_search"); err != nil || !goOn {
				return err
			}
			batch = left
		}
	}
	return nil
}

// pendingIndexWork reads the drafts in search_pending with the work of indexing each (see
// pendingIndex): the length of its row in draft_search, and of its text and comments, these
// capped as draft_search_source caps them (the query's first argument, searchedComments). A
// caller adds its own WHERE and ORDER BY on p.draft_id.
const pendingIndexWork = `
SELECT p.draft_id AS id,
       COALESCE((SELECT length(s.title) + length(s.brief) + length(s.body) + length(s.comments)
                 FROM draft_search s WHERE s.docid = p.draft_id), 0)
       + COALESCE(length(d.title) + length(d.brief) + length(d.byline) + length(d.body), 0)
       + COALESCE(min(c.code_points, ?), 0) AS work
FROM search_pending p
LEFT JOIN drafts d ON d.id = p.draft_id
LEFT JOIN comment_totals c ON c.draft_id = p.draft_id`

// indexDrafts indexes, from their text as tx sees it, those of the drafts ids still in
// search_pending, and takes them out of it; it returns the ones it left there for lack of room.
// The run read the drafts and weighed them before it took the writer, and meanwhile another run
// may have indexed some (searches arriving together read the same drafts), and writers may have
// made some long. So indexDrafts weighs them again under the writer and indexes, in their order,
// as many as indexWork holds, at least one (see indexBatches); a draft another run took is not
// indexed again, and what it leaves waits for another transaction.
func indexDrafts(tx *gorm.DB, ids []int64) (left []int64, err error) {
	var pending []pendingIndex
	if err := tx.Raw(pendingIndexWork+" WHERE p.draft_id IN ? ORDER BY p.draft_id", searchedComments, ids).Scan(&pending).Error; err != nil {
		return nil, err
	}
	if len(pending) == 0 {
		return nil, nil
	}
	batch := indexBatches(pending, len(pending))[0]
	for _, p := range pending[len(batch):] {
		left = append(left, p.ID)
	}
	var taken []int64
	if err := tx.Raw("DELETE FROM search_pending WHERE draft_id IN ? RETURNING draft_id", batch).Scan(&taken).Error; err != nil {
		return nil, err
	}
	if len(taken) == 0 {
		return left, nil
	}
	for _, q := range []string{
		"DELETE FROM draft_search WHERE docid IN ?",
		"INSERT INTO draft_search (docid, title, brief, body, comments) SELECT * FROM draft_search_source WHERE docid IN ?",
	} {
		if err := tx.Exec(q, taken).Error; err != nil {
			return nil, err
		}
	}
	return left, nil
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
