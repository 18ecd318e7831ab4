package store

import (
	"context"
	"slices"
	"time"

	"gorm.io/gorm"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/publish"
)

// PublishedPiece is a published article as readers see it, its id, and the draft it was
// published from, which the events of its publish, release and corrections name.
type PublishedPiece struct {
	publish.Article
	DraftID, ArticleID int64
}

// PublicArticle returns the newest snapshot of a published article with its corrections, and
// the draft it was published from. It needs no user: only what readers may see is found.
func (s *Store) PublicArticle(ctx context.Context, slug string) (PublishedPiece, error) {
	pieces, err := s.publishedPieces(s.read(ctx).Table("articles").Where("articles.slug = ?", slug), 0, 1)
	if err != nil {
		return PublishedPiece{}, err
	}
	if len(pieces) == 0 {
		return PublishedPiece{}, newsroom.Errorf(newsroom.ENOTFOUND, "no article %q", slug)
	}
	return pieces[0], nil
}

// PublicArticles returns up to limit published articles, newest first publication first.
func (s *Store) PublicArticles(ctx context.Context, limit int) ([]publish.Article, error) {
	return s.publicArticles(s.archive(ctx, ArchiveQuery{}), 0, limit)
}

type publicView struct {
	Pub              publicationRow `gorm:"embedded"`
	Slug             string
	DraftID          int64
	FirstPublishedAt *time.Time
}

// publicArticles returns the public articles of q, a query of articles (see archive), in
// q's order.
func (s *Store) publicArticles(q *gorm.DB, offset, limit int) ([]publish.Article, error) {
	pieces, err := s.publishedPieces(q, offset, limit)
	return articlesOf(pieces), err
}

// articlesOf is the articles of pieces, nil for none.
func articlesOf(pieces []PublishedPiece) []publish.Article {
	if len(pieces) == 0 {
		return nil
	}
	arts := make([]publish.Article, len(pieces))
	for i, p := range pieces {
		arts[i] = p.Article
	}
	return arts
}

// publishedPieces returns the public articles of q, as publicArticles does, each with the
// draft it was published from.
func (s *Store) publishedPieces(q *gorm.DB, offset, limit int) ([]PublishedPiece, error) {
	var rows []publicView
	err := q.
		Select("publications.*, articles.slug AS slug, articles.draft_id AS draft_id, articles.first_published_at AS first_published_at").
		Joins("JOIN publications ON publications.id = articles.latest_publication_id").
		// EXISTS rather than a join lets the database walk articles_first_published in order
		// and stop at the limit, instead of sorting every published article with its body.
		Where("EXISTS (SELECT 1 FROM drafts WHERE drafts.id = articles.draft_id AND drafts.stage = ?)", s.policy.Published()).
		Offset(offset).Limit(limit).Find(&rows).Error
	if err != nil {
		return nil, internal("public articles", err)
	}
	if len(rows) == 0 {
		return nil, nil
	}
	ids := make([]int64, len(rows))
	for i, r := range rows {
		ids[i] = r.Pub.ArticleID
	}
	var corrections []publicationRow
	err = q.Session(&gorm.Session{NewDB: true}).Model(&publicationRow{}).Select("article_id, published_at, correction_note").
		Where("article_id IN ? AND number > 1", ids).Order("number DESC").Find(&corrections).Error
	if err != nil {
		return nil, internal("corrections", err)
	}
	byArticle := map[int64][]publish.Correction{}
	for _, c := range corrections {
		byArticle[c.ArticleID] = append(byArticle[c.ArticleID], publish.Correction{At: c.PublishedAt, Note: c.CorrectionNote})
	}
	images, err := loadImages(q.Session(&gorm.Session{NewDB: true}), leadImageIDs(rows))
	if err != nil {
		return nil, internal("lead images", err)
	}
	feeds, err := readFeedIDs(q.Session(&gorm.Session{NewDB: true}))
	if err != nil {
		return nil, internal("feed ids", err)
	}
	out := make([]PublishedPiece, len(rows))
	for i, r := range rows {
		p := r.Pub
		out[i].DraftID, out[i].ArticleID = r.DraftID, p.ArticleID
		out[i].Article = publish.Article{
			Slug: r.Slug, Title: p.Title, Byline: shownByline(p.Byline), Brief: p.Brief, EditorComment: p.EditorComment,
			Body: newsroom.Text{Body: p.Body}.Paragraphs(), Topics: shownTopics(p.Topics), PublishedAt: p.PublishedAt,
			Corrections: byArticle[p.ArticleID], Hash: p.ContentHash, Language: p.Language, FeedID: feeds.feedID(p.ArticleID),
		}
		out[i].Claim = ClaimReview(p.Claim)
		if p.LeadImageID != nil {
			out[i].Image = PublishedImage(images[*p.LeadImageID])
		}
		if r.FirstPublishedAt != nil {
			out[i].FirstPublishedAt = *r.FirstPublishedAt
		}
	}
	return out, nil
}

// leadImageIDs lists the lead images the publications of rows show.
func leadImageIDs(rows []publicView) []int64 {
	var ids []int64
	for _, r := range rows {
		if r.Pub.LeadImageID != nil {
			ids = append(ids, *r.Pub.LeadImageID)
		}
	}
	return ids
}

// PublicChangedAt returns when what readers see of the published pieces last changed: the
// latest of the times their newest snapshots went out (a publish, a release, a correction) and
// of the last change to their drafts, which a piece's going public is (a publish dated earlier,
// or a release after its time, is seen from then). A page that lists pieces has changed no
// later than that, whichever it lists; what the site's settings change is SiteChangedAt's. It
// is zero while nothing is published.
func (s *Store) PublicChangedAt(ctx context.Context) (time.Time, error) {
	var went, touched []time.Time
	// The publications are walked newest first (publications_published) until one is the
	// latest of a public piece, which the newest nearly always is: sorting every public
	// piece's latest publication instead cost every publish a read of the whole archive. The
	// second query, the drafts' newest change, was not touched by that: SQLite walks the
	// published drafts newest first (drafts_stage_updated) until one has an article, and
	// PostgreSQL's plan for it has not been checked.
	err := s.read(ctx).Table("publications").
		Where("EXISTS (SELECT 1 FROM articles JOIN drafts ON drafts.id = articles.draft_id WHERE articles.id = publications.article_id AND articles.latest_publication_id = publications.id AND drafts.stage = ?)", s.policy.Published()).
		Order("publications.published_at DESC").Limit(1).Pluck("publications.published_at", &went).Error
	if err == nil {
		err = s.read(ctx).Table("articles").Joins("JOIN drafts ON drafts.id = articles.draft_id").Where("drafts.stage = ?", s.policy.Published()).
			Order("drafts.updated_at DESC").Limit(1).Pluck("drafts.updated_at", &touched).Error
	}
	if err != nil {
		return time.Time{}, internal("when the public pieces changed", err)
	}
	return latest(append(went, touched...)), nil
}

// shownTopics is topics without those that show nothing (see newsroom.Blank), which an older
// version published: they name no topic page, so a piece neither shows nor links them.
func shownTopics(topics []string) []string {
	return slices.DeleteFunc(slices.Clone(topics), newsroom.Blank)
}

// shownByline is byline, or "" when it shows nothing (see shownTopics), so that a piece links
// no author page for it.
func shownByline(byline string) string {
	if newsroom.Blank(byline) {
		return ""
	}
	return byline
}
