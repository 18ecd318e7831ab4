package store

import (
	"context"
	"strings"

	"gorm.io/gorm"

	"github.com/copydesk/copydesk/internal/publish"
	"github.com/copydesk/copydesk/internal/search"
)

// PublicSearch returns a page of the public pieces that match query, read as search.Parse
// reads it, best first, as readers see them (their latest publication), each with a snippet of
// its published text; offset and limit page them, and more says whether results follow. It
// needs no user. The search index holds a draft's current text and its comments, which readers
// do not see, so a piece whose published text holds none of the words found is left out: a
// page may then hold fewer than limit.
func (s *Store) PublicSearch(ctx context.Context, query string, offset, limit int) ([]publish.SearchHit, bool, error) {
	q := search.Parse(query)
	if q.Empty() {
		return nil, false, nil
	}
	var ranked []rankedID
	err := s.searchRead(ctx, func(db *gorm.DB) error {
		return s.searchRanked(db, s.searchFound(db, s.publicDrafts, q), q).Limit(limit + 1).Offset(offset).Scan(&ranked).Error
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

// publicDrafts keeps the drafts of public pieces: in the published stage, with a publication.
func (s *Store) publicDrafts(found *gorm.DB) *gorm.DB {
	return found.Where("drafts.stage = ?", s.policy.Published()).
		Where("EXISTS (SELECT 1 FROM articles WHERE articles.draft_id = drafts.id AND articles.latest_publication_id IS NOT NULL)")
}

// publicHits reads the pieces of the drafts ranked, in rank order, with snippets of their
// published text, leaving out those whose published text holds no word found.
func (s *Store) publicHits(ctx context.Context, q search.Query, ranked []rankedID) ([]publish.SearchHit, error) {
	if len(ranked) == 0 {
		return nil, nil
	}
	ids := make([]int64, len(ranked))
	for i, r := range ranked {
		ids[i] = r.ID
	}
	var slugs []struct {
		DraftID int64
		Slug    string
	}
	if err := s.read(ctx).Table("articles").Select("draft_id, slug").Where("draft_id IN ?", ids).Scan(&slugs).Error; err != nil {
		return nil, err
	}
	arts, err := s.publicArticles(s.read(ctx).Table("articles").Where("articles.draft_id IN ?", ids), 0, len(ids))
	if err != nil {
		return nil, err
	}
	bySlug := make(map[string]publish.Article, len(arts))
	for _, a := range arts {
		bySlug[a.Slug] = a
	}
	byDraft := make(map[int64]string, len(slugs))
	for _, r := range slugs {
		byDraft[r.DraftID] = r.Slug
	}
	var hits []publish.SearchHit
	for _, r := range ranked {
		a, ok := bySlug[byDraft[r.ID]]
		if !ok {
			continue
		}
		snippet := search.Snippet(q, snippetWords, strings.Join(a.Body, "\n"), a.Brief, a.Title, a.Byline, strings.Join(a.Topics, " "))
		if strings.Contains(snippet, search.Open) {
			hits = append(hits, publish.SearchHit{Article: a, Snippet: search.HTML(snippet)})
		}
	}
	return hits, nil
}
