package store

import (
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
// or digits (see publish.ArticleSlug).
func (s *Store) ensureArticle(tx *gorm.DB, draftID int64, title string) (*articleRow, error) {
	var art articleRow
	err := tx.Where("draft_id = ?", draftID).Take(&art).Error
	if err == nil || !errors.Is(err, gorm.ErrRecordNotFound) {
		return &art, err
	}
	if err := s.lockSlugs(tx); err != nil {
		return nil, err
	}
	base := publish.ArticleSlug(title, draftID)
	var taken []string
	if err := tx.Model(&articleRow{}).Where("slug = ? OR slug LIKE ?", base, base+"-%").Pluck("slug", &taken).Error; err != nil {
		return nil, err
	}
	used := make(map[string]bool, len(taken))
	for _, t := range taken {
		used[t] = true
	}
	slug := base
	for n := 2; used[slug]; n++ {
		slug = fmt.Sprintf("%s-%d", base, n)
	}
	art = articleRow{DraftID: draftID, Slug: slug}
	return &art, tx.Create(&art).Error
}

// snapshot stores the next immutable publication of an article and points the article at it.
func snapshot(tx *gorm.DB, art *articleRow, d *newsroom.Draft, at time.Time, by int64, note string) (int, error) {
	var n int64
	if err := tx.Model(&publicationRow{}).Where("article_id = ?", art.ID).Count(&n).Error; err != nil {
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
		ArticleID: art.ID, Number: int(n) + 1, RevisionVersion: d.Version, Title: d.Title, Byline: d.Byline,
		Brief: d.Brief, Body: d.Body, Topics: d.Topics, EditorComment: d.EditorComment, Language: d.Language, CorrectionNote: note,
		PublishedAt: at, PublishedBy: by, ContentHash: a.ContentHash(),
	}
	row.Claim = claim
	if err := tx.Create(&row).Error; err != nil {
		return 0, err
	}
	changes := map[string]any{"latest_publication_id": row.ID}
	first := at
	if art.FirstPublishedAt == nil {
		changes["first_published_at"] = at
	} else {
		first = *art.FirstPublishedAt
	}
	if err := writeTags(tx, &row, first); err != nil {
		return 0, err
	}
	if err := writePublishedText(tx, &row); err != nil {
		return 0, err
	}
	return row.Number, tx.Model(art).Updates(changes).Error
}
