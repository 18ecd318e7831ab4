package store

import (
	"context"
	"fmt"
	"strings"

	"gorm.io/gorm"

	"github.com/copydesk/copydesk/internal/publish"
	"github.com/copydesk/copydesk/internal/search"
)

// PublicSearch returns a page of the public pieces that match query, read as search.Parse
// reads it, best first, as readers see them (their latest publication), each with a snippet of
// its published text; offset and limit page them, and more says whether results follow. It
// needs no user. It matches, excludes and ranks in published_search, which holds the latest
// publication of each piece and nothing else, so what the newsroom has not published (a working
// text, its comments) never changes what a reader finds.
func (s *Store) PublicSearch(ctx context.Context, query string, offset, limit int) ([]publish.SearchHit, bool, error) {
	q := search.Parse(query)
	if q.Empty() {
		return nil, false, nil
	}
	if err := s.indexPublished(ctx, s.requestTurn); err != nil {
		// A search answers from the index as it stands rather than not at all: what is still
		// pending (a full disk, say) is missing from it until indexing succeeds, which the
		// scheduler tries again every second.
		s.log.Error("public search: indexing the pieces published since the last run failed; searching the index as it stands", "error", err)
	}
	var ranked []rankedID
	err := s.searchRead(ctx, func(db *gorm.DB) error {
		found := s.searchFound(db, publishedIndex, s.publicOnly, q)
		return s.searchRanked(db, found, q).Limit(limit + 1).Offset(offset).Scan(&ranked).Error
	})
	if err != nil {
		return nil, false, internal("public search", err)
	}
	more := len(ranked) > limit
	if more {
		ranked = ranked[:limit]
	}
	hits, err := s.publicHits(ctx, q, ranked)
	return hits, more, internal("public search", err)
}

// publicOnly keeps the public articles: published, with their drafts in the published stage.
func (s *Store) publicOnly(found *gorm.DB) *gorm.DB {
	return found.Where("articles.latest_publication_id IS NOT NULL").Where(s.isPublic("articles.id"))
}

// publicHits reads the articles ranked, in rank order, as readers see them, with snippets of
// their published text. An article made private since it was ranked is left out.
func (s *Store) publicHits(ctx context.Context, q search.Query, ranked []rankedID) ([]publish.SearchHit, error) {
	if len(ranked) == 0 {
		return nil, nil
	}
	ids := make([]int64, len(ranked))
	for i, r := range ranked {
		ids[i] = r.ID
	}
	arts, err := s.publicArticles(s.read(ctx).Table("articles").Where("articles.id IN ?", ids), 0, len(ids))
	if err != nil {
		return nil, err
	}
	var slugs []struct {
		ID   int64
		Slug string
	}
	if err := s.read(ctx).Table("articles").Select("id, slug").Where("id IN ?", ids).Scan(&slugs).Error; err != nil {
		return nil, err
	}
	bySlug := make(map[string]publish.Article, len(arts))
	for _, a := range arts {
		bySlug[a.Slug] = a
	}
	hits := make([]publish.SearchHit, 0, len(ranked))
	byID := make(map[int64]string, len(slugs))
	for _, r := range slugs {
		byID[r.ID] = r.Slug
	}
	for _, r := range ranked {
		a, ok := bySlug[byID[r.ID]]
		if !ok {
			continue
		}
		snippet := search.Snippet(q, snippetWords, strings.Join(a.Body, "\n"), a.Brief, a.Title, a.Byline, strings.Join(a.Topics, " "))
		hits = append(hits, publish.SearchHit{Article: a, Snippet: search.HTML(snippet)})
	}
	return hits, nil
}

// writePublishedText makes pub, the article's latest publication, what public search finds the
// article by, in place of the publication before it: on PostgreSQL at once, inside tx; on
// SQLite by filing the article in published_pending, for indexPublished to index once tx has
// committed (see migration 00035).
func writePublishedText(tx *gorm.DB, pub *publicationRow) error {
	if tx.Dialector.Name() != "postgres" {
		return execRaw(tx, "INSERT OR IGNORE INTO published_pending (article_id) VALUES (?)", pub.ArticleID)
	}
	return indexPublication(tx, publishedIndex.keyPG, textOf(pub))
}

// publishedText is a publication as public search indexes it: tokenized, one column per weight.
type publishedText struct {
	articleID, publicationID int64
	title, brief, body       string
}

// textOf tokenizes pub for public search (see search.IndexText): the title; the brief with the
// byline and topics; the body.
func textOf(pub *publicationRow) publishedText {
	brief := strings.Join(append([]string{pub.Brief, pub.Byline}, pub.Topics...), " ")
	return publishedText{articleID: pub.ArticleID, publicationID: pub.ID,
		title: search.IndexText(pub.Title), brief: search.IndexText(brief), body: search.IndexText(pub.Body)}
}

// indexPublication writes t into published_search as its article's row, in place of the row
// the article had, through tx; key is the index's key column (docid on SQLite).
func indexPublication(tx *gorm.DB, key string, t publishedText) error {
	if err := tx.Exec("DELETE FROM published_search WHERE "+key+" = ?", t.articleID).Error; err != nil {
		return err
	}
	return tx.Exec("INSERT INTO published_search ("+key+", title, brief, body) VALUES (?, ?, ?, ?)",
		t.articleID, t.title, t.brief, t.body).Error
}

// fillPublishedText writes, through tx, the published_search row of every published article
// that has none, as for the pieces published before migration 00028. Migrate runs it as a
// backfill, once per database (see backfill).
func (s *Store) fillPublishedText(tx *gorm.DB) error {
	var pubs []publicationRow
	err := tx.Table("articles").Select("publications.*").
		Joins("JOIN publications ON publications.id = articles.latest_publication_id").
		Where("NOT EXISTS (SELECT 1 FROM published_search WHERE " + s.key(publishedIndex) + " = articles.id)").
		Find(&pubs).Error
	if err != nil {
		return fmt.Errorf("find unindexed articles: %w", err)
	}
	key := "docid"
	if s.pg {
		key = publishedIndex.keyPG
	}
	for i := range pubs {
		if err := indexPublication(tx, key, textOf(&pubs[i])); err != nil {
			return fmt.Errorf("index article %d: %w", pubs[i].ArticleID, err)
		}
	}
	return nil
}
