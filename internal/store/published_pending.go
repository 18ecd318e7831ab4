package store

import (
	"context"
	"errors"
	"unicode/utf8"

	"gorm.io/gorm"
)

// pendingBatch is how many pending articles indexPublished indexes in one write transaction at
// most: few enough that a publish waiting for the writer meanwhile waits a few milliseconds (a
// 1,500-word piece takes FTS4 about 1.5 ms), not the time of a whole backlog. Long ones go
// fewer to a transaction (see indexBatches).
const pendingBatch = 4

// indexPublished brings public search up to date with the publications made since it last ran,
// on SQLite, where a publication only files its article in published_pending (see migration
// 00035): each pending article is indexed once, from its latest publication, however many times
// it was published or corrected meanwhile. The texts are read and tokenized before the writer is
// taken, pendingBatch articles at a time, and indexed a few articles and little text to a
// transaction (see indexBatches); under the writer an article another run took is skipped, and
// one corrected since the read is indexed from its latest publication, weighed again, so that
// one corrected long meanwhile goes apart (see indexPendingTexts). Each batch's write transaction is taken by turn (see writeTurn), which may
// stop the run early, and is followed by merge steps (see mergeIndex); the run merges first if
// the index is crowded (see mergeCrowded). When nothing is pending and nothing crowded it costs
// two reads. PostgreSQL indexes a publication in its own transaction, so there it does nothing.
func (s *Store) indexPublished(ctx context.Context, turn writeTurn) error {
	if s.pg {
		return nil
	}
	if goOn, err := s.mergeCrowded(ctx, turn, "published_search"); err != nil || !goOn {
		return err
	}
	var after int64
	for {
		pubs, err := s.pendingPublications(ctx, after)
		if err != nil || len(pubs) == 0 {
			return err
		}
		texts := make([]publishedText, len(pubs))
		for i := range pubs {
			texts[i] = textOf(&pubs[i])
		}
		pending, err := s.publishedWork(ctx, texts)
		if err != nil {
			return err
		}
		for _, batch := range indexBatches(pending, pendingBatch) {
			todo := texts[:len(batch)]
			texts = texts[len(batch):]
			for len(todo) > 0 {
				var left []publishedText
				goOn, err := turn(ctx, func(tx *gorm.DB) (err error) {
					left, err = indexPendingTexts(tx, todo)
					return err
				})
				if err != nil || !goOn {
					return err
				}
				if goOn, err = s.mergeIndex(ctx, turn, "published_search"); err != nil || !goOn {
					return err
				}
				todo = left
			}
		}
		after = pubs[len(pubs)-1].ArticleID
	}
}

// pendingPublications reads, on the read pool, the latest publications of the next pendingBatch
// articles in published_pending after article after, in article order.
func (s *Store) pendingPublications(ctx context.Context, after int64) ([]publicationRow, error) {
	var pubs []publicationRow
	err := s.read(ctx).Table("published_pending").Select("publications.*").
		Joins("JOIN articles ON articles.id = published_pending.article_id").
		Joins("JOIN publications ON publications.id = articles.latest_publication_id").
		Where("published_pending.article_id > ?", after).Order("published_pending.article_id").
		Limit(pendingBatch).Find(&pubs).Error
	return pubs, err
}

// publishedWork is the work of indexing each of texts (see pendingIndex), in their order: the
// length of its article's row in published_search, read on the read pool, and of the text.
func (s *Store) publishedWork(ctx context.Context, texts []publishedText) ([]pendingIndex, error) {
	ids := make([]int64, len(texts))
	for i, t := range texts {
		ids[i] = t.articleID
	}
	var indexed []pendingIndex
	err := s.read(ctx).Raw("SELECT docid AS id, length(title) + length(brief) + length(body) AS work FROM published_search WHERE docid IN ?", ids).
		Scan(&indexed).Error
	if err != nil {
		return nil, err
	}
	was := make(map[int64]int64, len(indexed))
	for _, p := range indexed {
		was[p.ID] = p.Work
	}
	out := make([]pendingIndex, len(texts))
	for i, t := range texts {
		now := utf8.RuneCountInString(t.title) + utf8.RuneCountInString(t.brief) + utf8.RuneCountInString(t.body)
		out[i] = pendingIndex{ID: t.articleID, Work: was[t.articleID] + int64(now)}
	}
	return out, nil
}

// indexPendingTexts indexes, through tx, each of texts whose article is still pending, in their
// order, and takes the article out of published_pending: from the text read when the article
// still has that publication as its latest, else from its latest publication, read and tokenized
// now (a correction committed meanwhile; seldom). An article another run took out meanwhile is
// skipped, so that searches arriving together do not index the same pieces over again. The run
// weighed texts before it took the writer, and a correction since may have made them long, so
// indexPendingTexts weighs each again as it goes, its row in published_search as tx sees it and
// the text it would index, and stops before the one that would take the transaction past
// indexWork (never before the first it indexes): it returns the texts it left, still pending.
func indexPendingTexts(tx *gorm.DB, texts []publishedText) ([]publishedText, error) {
	var work int64
	indexed := false
	for i, t := range texts {
		var was []int64
		err := tx.Raw(`SELECT COALESCE((SELECT length(s.title) + length(s.brief) + length(s.body)
		                                FROM published_search s WHERE s.docid = p.article_id), 0)
		               FROM published_pending p WHERE p.article_id = ?`, t.articleID).Scan(&was).Error
		if err != nil {
			return nil, err
		}
		if len(was) == 0 {
			continue // another run took it
		}
		var latest publicationRow
		err = tx.Table("publications").Joins("JOIN articles ON articles.latest_publication_id = publications.id").
			Where("articles.id = ?", t.articleID).Select("publications.id").Take(&latest).Error
		if errors.Is(err, gorm.ErrRecordNotFound) {
			// No longer published: public search leaves it out (see publicOnly).
			if err := tx.Exec("DELETE FROM published_pending WHERE article_id = ?", t.articleID).Error; err != nil {
				return nil, err
			}
			continue
		}
		if err != nil {
			return nil, err
		}
		if latest.ID != t.publicationID {
			if err := tx.Take(&latest, latest.ID).Error; err != nil {
				return nil, err
			}
			t = textOf(&latest)
		}
		w := was[0] + int64(utf8.RuneCountInString(t.title)+utf8.RuneCountInString(t.brief)+utf8.RuneCountInString(t.body))
		if indexed && work+w > indexWork {
			return texts[i:], nil
		}
		if err := tx.Exec("DELETE FROM published_pending WHERE article_id = ?", t.articleID).Error; err != nil {
			return nil, err
		}
		if err := indexPublication(tx, "docid", t); err != nil {
			return nil, err
		}
		work += w
		indexed = true
	}
	return nil, nil
}
