package store

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/publish"
)

type articleRow struct {
	ID                  int64
	DraftID             int64
	Slug                string
	FirstPublishedAt    *time.Time
	LatestPublicationID *int64
}

func (articleRow) TableName() string { return "articles" }

type publicationRow struct {
	ID              int64
	ArticleID       int64
	Number          int
	RevisionVersion int
	Title           string
	Byline          string
	Brief           string
	Body            string
	Topics          []string `gorm:"serializer:json"`
	EditorComment   string
	Language        string
	CorrectionNote  string
	PublishedAt     time.Time
	PublishedBy     int64
	ContentHash     string
	Claim           *newsroom.Claim `gorm:"serializer:json"`
	LeadImageID     *int64
}

func (publicationRow) TableName() string { return "publications" }

// ensureArticle returns the draft's article, reserving a unique slug from the title the first
// time: "title-words", then "title-words-2", "-3"…, or the draft's id for a title with no letters
// or digits (see publish.ArticleSlug). A piece scheduled and taken back before its time was never
// at its slug's address, so it takes the slug its current title would be given now, its own
// reservation set aside: readers would otherwise find it under the words of a headline an editor
// pulled, "storm-kills-12" for "Storm Kills" as much as "mayor-resigns" for "Mayor Stays On". A
// reserved "storm-kills-3" is kept only while "storm-kills" and "-2" are still another's. Once
// public, a piece keeps its slug. Its
// statements run without GORM (see execRaw): every publish runs them while it holds the writer.
func (s *Store) ensureArticle(tx *gorm.DB, draftID int64, title string) (*articleRow, error) {
	art := articleRow{DraftID: draftID}
	err := queryRowRaw(tx, articleSQL, draftID).Scan(&art.ID, &art.Slug, &art.FirstPublishedAt, &art.LatestPublicationID)
	found := err == nil
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return nil, err
	}
	base := publish.ArticleSlug(title, draftID)
	if found && (art.LatestPublicationID != nil || art.Slug == base) {
		return &art, nil
	}
	if err := s.lockSlugs(tx); err != nil {
		return nil, err
	}
	used, err := takenSlugs(tx, base)
	if err != nil {
		return nil, err
	}
	reserved := art.Slug
	delete(used, reserved)
	art.Slug = base
	for n := 2; used[art.Slug]; n++ {
		art.Slug = fmt.Sprintf("%s-%d", base, n)
	}
	if found {
		if art.Slug == reserved {
			return &art, nil
		}
		return &art, execRaw(tx, "UPDATE articles SET slug = ? WHERE id = ?", art.Slug, art.ID)
	}
	return &art, queryRowRaw(tx, "INSERT INTO articles (draft_id, slug) VALUES (?, ?) RETURNING id", draftID, art.Slug).Scan(&art.ID)
}

// articleSQL reads a draft's article.
const articleSQL = "SELECT id, slug, first_published_at, latest_publication_id FROM articles WHERE draft_id = ?"

// takenSlugs reads the slugs already given that base or base with a number would take. On
// SQLite the numbered ones are read as a range of the slugs' index: a LIKE cannot use it (its
// LIKE ignores case, the index does not), and read every article's slug under the writer.
func takenSlugs(tx *gorm.DB, base string) (map[string]bool, error) {
	query, args := takenSlugsQuery(tx.Dialector.Name() == "postgres", base)
	rows, err := queryRaw(tx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	used := map[string]bool{}
	for rows.Next() {
		var slug string
		if err := rows.Scan(&slug); err != nil {
			return nil, err
		}
		used[slug] = true
	}
	return used, rows.Err()
}

// takenSlugsQuery is takenSlugs' query of base and its arguments, on PostgreSQL when pg.
func takenSlugsQuery(pg bool, base string) (string, []any) {
	if pg {
		return "SELECT slug FROM articles WHERE slug = ? OR slug LIKE ?", []any{base, base + "-%"}
	}
	return "SELECT slug FROM articles WHERE slug = ? OR (slug >= ? AND slug < ?)", []any{base, base + "-", base + "."}
}

// snapshot stores the next immutable publication of an article and points the article at it.
func snapshot(tx *gorm.DB, art *articleRow, d *newsroom.Draft, at time.Time, by int64, note string) (int, error) {
	n, err := publicationCount(tx, art)
	if err != nil {
		return 0, err
	}
	claim, err := findClaim(tx, d.ID)
	if err != nil {
		return 0, err
	}
	a := ArticleOf(d.Text())
	a.Claim = ClaimReview(claim)
	image, err := leadImageOf(tx, d.ID)
	if err != nil {
		return 0, err
	}
	row := publicationRow{LeadImageID: image,
		ArticleID: art.ID, Number: n + 1, RevisionVersion: d.Version, Title: d.Title, Byline: d.Byline,
		Brief: d.Brief, Body: d.Body, Topics: a.Topics, EditorComment: d.EditorComment, Language: d.Language, CorrectionNote: note,
		PublishedAt: at, PublishedBy: by, ContentHash: a.ContentHash(),
	}
	row.Claim = claim
	if err := insertPublication(tx, &row); err != nil {
		return 0, err
	}
	first := at
	if art.FirstPublishedAt != nil {
		first = *art.FirstPublishedAt
	}
	if err := writeTags(tx, &row, first, art.LatestPublicationID != nil); err != nil {
		return 0, err
	}
	if err := writePublishedText(tx, &row); err != nil {
		return 0, err
	}
	art.FirstPublishedAt, art.LatestPublicationID = &first, &row.ID
	return row.Number, execRaw(tx, "UPDATE articles SET first_published_at = COALESCE(first_published_at, ?), latest_publication_id = ? WHERE id = ?", first, row.ID, art.ID)
}

// publicationCount is how many publications art has: none before its first, which sets its
// latest publication, so only a correction needs to count them.
func publicationCount(tx *gorm.DB, art *articleRow) (int, error) {
	if art.LatestPublicationID == nil {
		return 0, nil
	}
	var n int
	err := queryRowRaw(tx, "SELECT count(*) FROM publications WHERE article_id = ?", art.ID).Scan(&n)
	return n, err
}

// insertPublication writes row and sets its id, without GORM (see execRaw): a publication is
// written while the writer is held.
func insertPublication(tx *gorm.DB, row *publicationRow) error {
	topics, err := jsonColumn(row.Topics)
	if err != nil {
		return err
	}
	claim, err := jsonColumn(row.Claim)
	if err != nil {
		return err
	}
	return queryRowRaw(tx, insertPublicationSQL, row.ArticleID, row.Number, row.RevisionVersion, row.Title, row.Byline, row.Brief,
		row.Body, topics, row.EditorComment, row.Language, row.CorrectionNote, row.PublishedAt, row.PublishedBy, row.ContentHash,
		claim, row.LeadImageID).Scan(&row.ID)
}

const insertPublicationSQL = "INSERT INTO publications (article_id, number, revision_version, title, byline, brief, body, topics, " +
	"editor_comment, language, correction_note, published_at, published_by, content_hash, claim, lead_image_id) " +
	"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"

// jsonColumn is v as GORM's JSON serializer writes it to a column: its JSON, or NULL for a nil v.
func jsonColumn(v any) (any, error) {
	b, err := json.Marshal(v)
	if err != nil || string(b) == "null" {
		return nil, err
	}
	return string(b), nil
}
