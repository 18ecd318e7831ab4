package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/publish"
)

// The kinds of article_tags rows: a topic of the piece, or the author its byline names.
const (
	tagTopic  = "topic"
	tagAuthor = "author"
)

// ArchiveQuery names one page of a public listing: the whole archive, or the pieces of one
// topic or one author (slugs as publish.TopicPath and publish.AuthorPath make them), newest
// first publication first. After, a cursor PublicPage gave, starts the page after the piece it
// names, where Offset would start it after a count of pieces that every publish changes.
type ArchiveQuery struct {
	Topic, Author string
	Offset, Limit int
	After         string
}

// Tag is a topic or an author with the slug of its page and how many public pieces it has.
type Tag struct {
	Slug, Name string
	Count      int
}

// tagRow is one row of article_tags: an article's latest publication under one slug.
type tagRow struct {
	ArticleID        int64
	PublicationID    int64
	Kind, Slug, Name string
	FirstPublishedAt time.Time
}

func (tagRow) TableName() string { return "article_tags" }

// PublicPage returns one page of public articles as q names it and, when more follow it, the
// cursor of the page after it (see ArchiveQuery.After), or "".
func (s *Store) PublicPage(ctx context.Context, q ArchiveQuery) ([]publish.Article, string, error) {
	db := s.archive(ctx, q)
	if q.After != "" {
		at, id, err := decodeCursor(q.After)
		if err != nil {
			return nil, "", err
		}
		when, article := "articles.first_published_at", "articles.id"
		if q.Topic != "" || q.Author != "" {
			when, article = "article_tags.first_published_at", "article_tags.article_id"
		}
		db = db.Where("("+when+" < ? OR ("+when+" = ? AND "+article+" < ?))", at, at, id)
	}
	pieces, err := s.publishedPieces(db, q.Offset, q.Limit+1)
	if err != nil || len(pieces) <= q.Limit {
		return articlesOf(pieces), "", err
	}
	last := pieces[q.Limit-1]
	return articlesOf(pieces[:q.Limit]), encodeCursor(last.FirstPublishedAt, last.ArticleID), nil
}

// PublicCount returns how many public articles the listing q names hold, whatever its offset
// and limit, so that a page can link to the listing's last page.
func (s *Store) PublicCount(ctx context.Context, q ArchiveQuery) (int, error) {
	var n int64
	err := s.archive(ctx, q).Where("articles.latest_publication_id IS NOT NULL").Where(s.isPublic("articles.id")).Count(&n).Error
	return int(n), internal("count public articles", err)
}

// archive starts the query of the public listing q names, in its order. A topic's listing walks
// article_tags_page; the whole archive walks articles_first_published.
func (s *Store) archive(ctx context.Context, q ArchiveQuery) *gorm.DB {
	db := s.read(ctx)
	if q.Topic == "" && q.Author == "" {
		return db.Table("articles").Order("articles.first_published_at DESC, articles.id DESC")
	}
	kind, slug, also := tagTopic, q.Topic, q.Author
	if q.Topic == "" {
		kind, slug, also = tagAuthor, q.Author, ""
	}
	db = db.Table("article_tags").Joins("JOIN articles ON articles.id = article_tags.article_id").
		Where("article_tags.kind = ? AND article_tags.slug = ?", kind, slug)
	if also != "" {
		db = db.Where("EXISTS (SELECT 1 FROM article_tags AS au WHERE au.article_id = articles.id AND au.kind = ? AND au.slug = ?)", tagAuthor, also)
	}
	return db.Order("article_tags.first_published_at DESC, article_tags.article_id DESC")
}

// PublicTags lists the topics, or with author the authors, that have public pieces, by slug,
// each with one of the spellings its pieces give it (pieces that spell a topic differently,
// "Mexico" and "México", share its page).
func (s *Store) PublicTags(ctx context.Context, author bool) ([]Tag, error) {
	kind := tagTopic
	if author {
		kind = tagAuthor
	}
	var tags []Tag
	err := s.read(ctx).Raw(publicTagsSQL, s.policy.Published(), kind).Scan(&tags).Error
	return tags, internal("public tags", err)
}

// publicTagsSQL counts the public pieces of each slug of one kind of article_tags (its second
// argument) and picks one spelling of it, a draft being public in the stage its first argument
// names. It reads article_tags_names alone and takes away the rows of the pieces no longer
// public, found among the articles (the pieces that went out) by their drafts' stage: a cost
// that follows the archive, where looking them up among the drafts in any stage but published
// cost as much again for every draft spiked or at work that never went out (CROSS JOIN keeps
// SQLite walking the articles, not the drafts). Looking up each row's article and draft
// instead cost, on an archive of 20,000 pieces, three times the rest of the index's page (see
// migration 00055).
const publicTagsSQL = `WITH hidden AS MATERIALIZED (
	SELECT articles.id FROM articles CROSS JOIN drafts WHERE drafts.id = articles.draft_id AND drafts.stage <> ?)
SELECT t.slug, MAX(CASE WHEN hidden.id IS NULL THEN t.name END) AS name, COUNT(*) - COUNT(hidden.id) AS count
FROM article_tags AS t LEFT JOIN hidden ON hidden.id = t.article_id
WHERE t.kind = ?
GROUP BY t.slug HAVING COUNT(*) > COUNT(hidden.id) ORDER BY t.slug`

// PublicListing returns the slug, title, language and dates of public articles, newest first publication
// first: offset and limit page them, and a non-zero since keeps those first published since.
// It reads no bodies, for the sitemaps.
func (s *Store) PublicListing(ctx context.Context, since time.Time, offset, limit int) ([]publish.Article, error) {
	q := s.read(ctx).Table("articles")
	if !since.IsZero() {
		q = q.Where("articles.first_published_at >= ?", since)
	}
	return listed(q.Order("articles.first_published_at DESC, articles.id DESC").Offset(offset).Limit(limit), s.isPublic("articles.id"))
}

// SitemapBlocks returns, in order, the numbers (from 1) of the blocks of size article ids
// that hold a public article: block n is the articles whose ids run from (n-1)*size+1 to
// n*size. An article's id is given once, when its slug is reserved, so a block keeps the pieces
// it lists whatever is published later; counted by rank instead, every publish moved a piece
// from each sitemap into the next, and a crawler reading one before a publish and the next
// after it missed one.
func (s *Store) SitemapBlocks(ctx context.Context, size int) ([]int, error) {
	var blocks []int
	published := s.policy.Published()
	err := s.read(ctx).Raw(sitemapBlocksSQL, size, published, size, size, published).Scan(&blocks).Error
	return blocks, internal("sitemap blocks", err)
}

// sitemapBlocksSQL lists the blocks (see SitemapBlocks) of the size its first, third and
// fourth arguments give that hold an article public in the stage its second and fifth name.
// It finds each block from the end of the one before, by the first public article past it, so
// that it reads about one article a block: reading every public article to put their blocks in
// order cost every publish a read of the whole archive.
const sitemapBlocksSQL = `WITH RECURSIVE blocks (n) AS (
	SELECT (SELECT (a.id - 1) / ? + 1 FROM articles AS a
		WHERE a.latest_publication_id IS NOT NULL AND EXISTS (SELECT 1 FROM drafts WHERE drafts.id = a.draft_id AND drafts.stage = ?)
		ORDER BY a.id LIMIT 1)
	UNION ALL
	SELECT (SELECT (a.id - 1) / ? + 1 FROM articles AS a
		WHERE a.id > blocks.n * ? AND a.latest_publication_id IS NOT NULL AND EXISTS (SELECT 1 FROM drafts WHERE drafts.id = a.draft_id AND drafts.stage = ?)
		ORDER BY a.id LIMIT 1)
	FROM blocks WHERE blocks.n IS NOT NULL)
SELECT n FROM blocks WHERE n IS NOT NULL`

// PublicBlock returns the public articles of block n of size article ids (see SitemapBlocks),
// as PublicListing does, in the order of their ids.
func (s *Store) PublicBlock(ctx context.Context, n, size int) ([]publish.Article, error) {
	first := int64(n-1)*int64(size) + 1
	q := s.read(ctx).Table("articles").Where("articles.id BETWEEN ? AND ?", first, first+int64(size)-1).Order("articles.id")
	return listed(q, s.isPublic("articles.id"))
}

// listed reads, for the sitemaps, the slug, title, language and dates of the articles of q, a
// query of articles in its order, that public keeps.
func listed(q, public *gorm.DB) ([]publish.Article, error) {
	var rows []struct {
		Slug, Title, Language string
		PublishedAt           time.Time
		FirstPublishedAt      time.Time
	}
	err := q.Select("articles.slug, publications.title, publications.language, publications.published_at, articles.first_published_at").
		Joins("JOIN publications ON publications.id = articles.latest_publication_id").
		Where(public).Scan(&rows).Error
	if err != nil {
		return nil, internal("public listing", err)
	}
	out := make([]publish.Article, len(rows))
	for i, r := range rows {
		out[i] = publish.Article{Slug: r.Slug, Title: r.Title, Language: r.Language, PublishedAt: r.PublishedAt, FirstPublishedAt: r.FirstPublishedAt}
	}
	return out, nil
}

// isPublic is the condition that the article whose id is in column is public: its draft is in
// the published stage. It is EXISTS rather than a join, so that a listing walks its index in
// order and stops at its limit.
func (s *Store) isPublic(column string) *gorm.DB {
	return s.r.Session(&gorm.Session{NewDB: true}).
		Where("EXISTS (SELECT 1 FROM articles AS pa JOIN drafts ON drafts.id = pa.draft_id WHERE pa.id = "+column+" AND drafts.stage = ?)", s.policy.Published())
}

// writeTags maps the article's latest publication to its topics' and its author's slugs,
// replacing the rows of the publication before it when replacing (an article's first
// publication has none to replace). Its statements run without GORM (see execRaw): every
// publish runs them while it holds the writer.
func writeTags(tx *gorm.DB, pub *publicationRow, firstPublished time.Time, replacing bool) error {
	if replacing {
		if err := execRaw(tx, "DELETE FROM article_tags WHERE article_id = ?", pub.ArticleID); err != nil {
			return err
		}
	}
	rows := tagsOf(pub, firstPublished)
	if len(rows) == 0 {
		return nil
	}
	args := make([]any, 0, 6*len(rows))
	for _, r := range rows {
		args = append(args, r.ArticleID, r.PublicationID, r.Kind, r.Slug, r.Name, r.FirstPublishedAt)
	}
	values := strings.Repeat(", (?, ?, ?, ?, ?, ?)", len(rows))[2:]
	return execRaw(tx, "INSERT INTO article_tags (article_id, publication_id, kind, slug, name, first_published_at) VALUES "+values, args...)
}

// tagsOf returns the article_tags rows of a publication: one per distinct topic slug, and one
// for its byline unless it has none. A topic or byline that shows nothing, as an older version
// published, has no row (see shownTopics).
func tagsOf(pub *publicationRow, firstPublished time.Time) []tagRow {
	var rows []tagRow
	seen := map[string]bool{}
	add := func(kind, name string) {
		name = strings.TrimSpace(name)
		slug := publish.Slug(name)
		if newsroom.Blank(name) || seen[kind+"/"+slug] {
			return
		}
		seen[kind+"/"+slug] = true
		rows = append(rows, tagRow{ArticleID: pub.ArticleID, PublicationID: pub.ID, Kind: kind, Slug: slug, Name: name, FirstPublishedAt: firstPublished})
	}
	for _, t := range pub.Topics {
		add(tagTopic, t)
	}
	add(tagAuthor, pub.Byline)
	return rows
}

// fillTags writes, through tx, the article_tags rows of every article whose latest publication
// has none, as for the pieces published before migration 00024. Migrate runs it as a backfill,
// once per database (see backfill).
func fillTags(tx *gorm.DB) error {
	return retag(tx, "NOT EXISTS (SELECT 1 FROM article_tags WHERE article_tags.publication_id = publications.id)")
}

// oldSymbolSlug is the slug every topic and byline without a letter or digit ("🔥", "..") had
// before publish.Slug spelled such text by its characters: they all shared one page.
const oldSymbolSlug = "article"

// retagSymbols writes again, through tx, the article_tags rows of every article that has one
// under oldSymbolSlug, so that each topic and byline without a letter or digit moves to a page
// of its own. Migrate runs it as a backfill, once per database (see backfill).
func retagSymbols(tx *gorm.DB) error {
	return retag(tx, "EXISTS (SELECT 1 FROM article_tags WHERE article_tags.article_id = articles.id AND article_tags.slug = ?)", oldSymbolSlug)
}

// retagSuffixes writes again, through tx, the article_tags rows of every article whose topics or
// byline hold a "+" or "#", which publish.Slug once left out: "C++" and "C#" shared the page of
// "C", and a piece tagged with two of them kept only the first. Migrate runs it as a backfill,
// once per database (see backfill).
func retagSuffixes(tx *gorm.DB) error {
	return retag(tx, "publications.topics LIKE ? OR publications.topics LIKE ? OR publications.byline LIKE ? OR publications.byline LIKE ?",
		"%+%", "%#%", "%+%", "%#%")
}

// retagCapitalSharpS writes again, through tx, the article_tags rows of every article whose
// topics or byline hold the capital ẞ, which publish.Slug once lowercased to ß rather than
// folded to "ss" as it folds ß: their rows keep a slug ("fußball") that no page links to any
// more. Migrate runs it as a backfill, once per database (see backfill).
func retagCapitalSharpS(tx *gorm.DB) error {
	return retag(tx, "publications.topics LIKE ? OR publications.byline LIKE ?", "%ẞ%", "%ẞ%")
}

// retagBatch is how many articles retagStale reads, and retags, in one transaction: few enough
// ids for one statement on either dialect, SQLite and PostgreSQL both capping the parameters of
// a statement, and few enough writes to hold the writer briefly.
const retagBatch = 500

// retagStale writes again, through tx, the article_tags rows of the articles after the id after,
// retagBatch of them, that have one for a topic or byline that shows nothing (see newsroom.Blank),
// which an older version wrote: the piece no longer links its page, so /topics must not list it.
// It returns the last id it read, or 0 when there were none. A row's slug, which publish.Slug
// makes as it did, is never a reason: a new slug would move a page that works. Migrate runs it
// as a backfill in batches, once per database (see backfillInBatches); an article it has retagged
// has no such row left, so a start that runs it again writes nothing for it.
func retagStale(tx *gorm.DB, after int64) (int64, error) {
	var ids []int64
	if err := tx.Table("articles").Where("id > ?", after).Order("id").Limit(retagBatch).Pluck("id", &ids).Error; err != nil {
		return 0, fmt.Errorf("read articles after %d: %w", after, err)
	}
	if len(ids) == 0 {
		return 0, nil
	}
	var rows []struct {
		ArticleID int64
		Name      string
	}
	if err := tx.Table("article_tags").Distinct("article_id", "name").Where("article_id IN ?", ids).Find(&rows).Error; err != nil {
		return 0, fmt.Errorf("read article tags: %w", err)
	}
	var stale []int64
	seen := map[int64]bool{}
	for _, r := range rows {
		if newsroom.Blank(r.Name) && !seen[r.ArticleID] {
			seen[r.ArticleID] = true
			stale = append(stale, r.ArticleID)
		}
	}
	if len(stale) > 0 {
		if err := retag(tx, "articles.id IN ?", stale); err != nil {
			return 0, err
		}
	}
	return ids[len(ids)-1], nil
}

// retag writes, through tx, the article_tags rows of the latest publication of every article
// that where (a condition on articles and publications, with its args) picks, in place of any
// it has.
func retag(tx *gorm.DB, where string, args ...any) error {
	var pubs []struct {
		ID, ArticleID    int64
		Byline           string
		Topics           []string `gorm:"serializer:json"`
		FirstPublishedAt time.Time
	}
	err := tx.Table("articles").
		Select("publications.id, publications.article_id, publications.byline, publications.topics, articles.first_published_at").
		Joins("JOIN publications ON publications.id = articles.latest_publication_id").
		Where(where, args...).
		Find(&pubs).Error
	if err != nil {
		return fmt.Errorf("find articles to tag: %w", err)
	}
	for _, p := range pubs {
		pub := publicationRow{ID: p.ID, ArticleID: p.ArticleID, Byline: p.Byline, Topics: p.Topics}
		if err := writeTags(tx, &pub, p.FirstPublishedAt, true); err != nil {
			return fmt.Errorf("tag article %d: %w", p.ArticleID, err)
		}
	}
	return nil
}
