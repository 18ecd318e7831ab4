package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"

	"github.com/copydesk/copydesk/internal/authz"
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
	CorrectionNote  string
	PublishedAt     time.Time
	PublishedBy     int64
	ContentHash     string
}

func (publicationRow) TableName() string { return "publications" }

// Publish makes an approved draft public at at (now when zero, and backdating is allowed), or
// schedules it when at lies in the future; the scheduler (ReleaseDue) publishes it then. The
// published snapshot is taken from the approved revision and never changes afterwards.
func (s *Store) Publish(ctx context.Context, id int64, at time.Time) (*newsroom.Publication, error) {
	u, err := actor(ctx)
	if err != nil {
		return nil, err
	}
	var pub *newsroom.Publication
	err = s.tx(ctx, func(tx *gorm.DB) error {
		v, err := s.lockDraft(tx, u, id)
		if err != nil {
			return err
		}
		if err := s.authz.Check(u, authz.Transition(newsroom.ActionPublish), v.Row.WriterID); err != nil {
			return err
		}
		pub, err = s.publishTx(tx, u, v, at)
		return err
	})
	return pub, internal("publish", err)
}

// publishTx publishes or schedules the draft v inside tx, once the caller has found it and
// checked the policy.
func (s *Store) publishTx(tx *gorm.DB, u *newsroom.User, v *draftView, at time.Time) (*newsroom.Publication, error) {
	now := s.clock()
	if at.IsZero() {
		at = now
	}
	at = at.UTC().Truncate(time.Microsecond)
	action := newsroom.ActionPublish
	if at.After(now) {
		action = newsroom.ActionSchedule
	}
	from := newsroom.Stage(v.Row.Stage)
	to, err := newsroom.Next(from, action, "")
	if err != nil {
		return nil, err
	}
	if err := pieceGate(action, v.draft().Text()); err != nil {
		return nil, err
	}
	if err := quoteGate(tx, v.Row.ID, action); err != nil {
		return nil, err
	}
	art, err := s.ensureArticle(tx, v.Row.ID, v.Row.Title)
	if err != nil {
		return nil, err
	}
	pub := &newsroom.Publication{DraftID: v.Row.ID, Slug: art.Slug, Stage: to, PublishedAt: at}
	changes := map[string]any{"stage": to, "updated_at": now}
	if action == newsroom.ActionSchedule {
		changes["scheduled_at"], changes["scheduled_by"] = at, u.ID
	} else if pub.Number, err = snapshot(tx, art, v.draft(), at, u.ID, ""); err != nil {
		return nil, err
	}
	if err := tx.Model(&draftRow{}).Where("id = ?", v.Row.ID).Updates(changes).Error; err != nil {
		return nil, err
	}
	return pub, insertAudit(tx, v.Row.ID, u.ID, string(action), from, to, scheduleNote(action, at), now)
}

func scheduleNote(a newsroom.Action, at time.Time) string {
	if a != newsroom.ActionSchedule {
		return ""
	}
	return "for " + at.Format(time.RFC3339)
}

// ReleaseDue publishes every scheduled draft whose time has come, and returns how many. Each is
// released in its own update guarded by its stage and time, so however many servers run it, a
// piece is released once: on PostgreSQL a second server's update waits for the first one's row
// lock and then finds the draft no longer scheduled. Once ctx ends it releases no more (a
// release already begun runs to its end) and returns ctx's error.
func (s *Store) ReleaseDue(ctx context.Context) (int, error) {
	var due []int64
	err := s.read(ctx).Model(&draftRow{}).Where("stage = ? AND scheduled_at <= ?", newsroom.StageScheduled, s.clock()).
		Order("scheduled_at, id").Pluck("id", &due).Error
	if err != nil {
		return 0, internal("find due drafts", err)
	}
	released := 0
	for _, id := range due {
		if err := ctx.Err(); err != nil {
			return released, err
		}
		var done bool
		err := s.tx(ctx, func(tx *gorm.DB) (err error) {
			done, err = s.release(tx, id)
			return err
		})
		if err != nil {
			return released, internal("release draft", err)
		}
		if done {
			released++
		}
	}
	return released, nil
}

// release publishes draft id inside tx if it is still scheduled and due, and reports whether it
// did.
func (s *Store) release(tx *gorm.DB, id int64) (bool, error) {
	now := s.clock()
	views, err := findDrafts(draftsQuery(s.forUpdate(tx, "drafts")).Where("drafts.id = ?", id))
	if err != nil {
		return false, err
	}
	if len(views) == 0 {
		return false, nil // gone since it was found due
	}
	v := views[0]
	if v.Row.Stage != string(newsroom.StageScheduled) || v.Row.ScheduledAt == nil || v.Row.ScheduledAt.After(now) {
		return false, nil // another server released it, or an editor took it back
	}
	res := tx.Model(&draftRow{}).Where("id = ? AND stage = ?", id, newsroom.StageScheduled).
		Updates(map[string]any{"stage": newsroom.StagePublished, "updated_at": now})
	if res.Error != nil || res.RowsAffected == 0 {
		return false, res.Error
	}
	var art articleRow
	if err := tx.Where("draft_id = ?", id).Take(&art).Error; err != nil {
		return false, err
	}
	at, by := *v.Row.ScheduledAt, *v.Row.ScheduledBy
	if _, err := snapshot(tx, &art, v.draft(), at, by, ""); err != nil {
		return false, err
	}
	return true, insertAudit(tx, id, by, string(newsroom.ActionRelease), newsroom.StageScheduled, newsroom.StagePublished, "", now)
}

// ensureArticle returns the draft's article, reserving a unique slug from the title the first
// time: "title-words", then "title-words-2", "-3"…
func (s *Store) ensureArticle(tx *gorm.DB, draftID int64, title string) (*articleRow, error) {
	var art articleRow
	err := tx.Where("draft_id = ?", draftID).Take(&art).Error
	if err == nil || !errors.Is(err, gorm.ErrRecordNotFound) {
		return &art, err
	}
	if err := s.lockSlugs(tx); err != nil {
		return nil, err
	}
	base := publish.Slug(title)
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
	a := articleText(d.Text())
	row := publicationRow{
		ArticleID: art.ID, Number: int(n) + 1, RevisionVersion: d.Version, Title: d.Title, Byline: d.Byline,
		Brief: d.Brief, Body: d.Body, Topics: d.Topics, EditorComment: d.EditorComment, CorrectionNote: note,
		PublishedAt: at, PublishedBy: by, ContentHash: a.ContentHash(),
	}
	if err := tx.Create(&row).Error; err != nil {
		return 0, err
	}
	changes := map[string]any{"latest_publication_id": row.ID}
	if art.FirstPublishedAt == nil {
		changes["first_published_at"] = at
	}
	return row.Number, tx.Model(art).Updates(changes).Error
}

// Correct publishes a correction of a published article: a new snapshot with the corrected body
// and a public note. The earlier snapshots stay as they were. A changed body is a new revision of
// the draft, and its quotes go through the ledger as any edit's do, so a quote the correction adds
// or rewords is unchecked. The snapshot goes out only through the quote gate a publish passes:
// otherwise the correction is held (newsroom.CorrectionGate, ECONFLICT naming the quotes) and
// its revision stays, for fact-checkers and editors to check those quotes in the ledger; sending
// the correction again then publishes it. A quote that nobody checked never reaches a reader.
func (s *Store) Correct(ctx context.Context, slug string, body *string, note string) (*newsroom.Publication, error) {
	u, err := actor(ctx)
	if err != nil {
		return nil, err
	}
	note = strings.TrimSpace(note)
	if note == "" {
		return nil, newsroom.Errorf(newsroom.EINVALID, "a correction needs a public note saying what was corrected")
	}
	if err := newsroom.CheckString("note", note, newsroom.MaxNote); err != nil {
		return nil, err
	}
	plan := s.planCorrection(ctx, u, slug, body)
	var pub *newsroom.Publication
	var held error
	err = s.tx(ctx, func(tx *gorm.DB) error {
		art, v, err := s.lockPublished(tx, u, slug)
		if err != nil {
			return err
		}
		d := v.draft()
		text, err := correctedText(d, body)
		if err != nil {
			return err
		}
		now := s.clock()
		revised := text.Body != d.Body
		if revised {
			if err := reviseBody(tx, d, u.ID, text, now, plan); err != nil {
				return err
			}
		}
		qs, err := ledger(tx, d.ID)
		if err != nil {
			return err
		}
		if held = newsroom.CorrectionGate(d.ID, d.Version, qs); held != nil {
			if !revised {
				return nil
			}
			return insertAudit(tx, d.ID, u.ID, "hold_correction", newsroom.StagePublished, newsroom.StagePublished, note, now)
		}
		number, err := snapshot(tx, art, d, now, u.ID, note)
		if err != nil {
			return err
		}
		pub = &newsroom.Publication{DraftID: d.ID, Slug: slug, Stage: newsroom.StagePublished, PublishedAt: now, Number: number}
		return insertAudit(tx, d.ID, u.ID, "correct", newsroom.StagePublished, newsroom.StagePublished, note, now)
	})
	if err == nil {
		err = held
	}
	return pub, internal("correct", err)
}

// lockPublished finds the published article slug and locks its draft, once the policy lets u
// correct it.
func (s *Store) lockPublished(tx *gorm.DB, u *newsroom.User, slug string) (*articleRow, *draftView, error) {
	var art articleRow
	err := tx.Where("slug = ? AND latest_publication_id IS NOT NULL", slug).Take(&art).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, nil, newsroom.Errorf(newsroom.ENOTFOUND, "no published article %q", slug)
	} else if err != nil {
		return nil, nil, err
	}
	v, err := s.lockDraft(tx, u, art.DraftID)
	if err != nil {
		return nil, nil, err
	}
	if err := s.authz.Check(u, authz.ArticleCorrect, v.Row.WriterID); err != nil {
		return nil, nil, err
	}
	if v.Row.Stage != string(newsroom.StagePublished) {
		return nil, nil, newsroom.Errorf(newsroom.ECONFLICT, "article %q is not published", slug)
	}
	return &art, v, nil
}

// reviseBody writes a correction's text as the draft's next revision, in place of d's body and
// version, and brings the quote ledger and the comments' anchors up to date with it, taking
// the anchors from plan where it still holds (see planCorrection).
func reviseBody(tx *gorm.DB, d *newsroom.Draft, actorID int64, text newsroom.Text, now time.Time, plan *reanchoring) error {
	old := d.Text()
	d.Version++
	d.Body = text.Body
	if err := tx.Model(&draftRow{}).Where("id = ?", d.ID).Updates(map[string]any{"body": d.Body, "version": d.Version, "updated_at": now}).Error; err != nil {
		return err
	}
	if err := insertRevision(tx, d.ID, d.Version, d.Version-1, actorID, text, now); err != nil {
		return err
	}
	if err := syncLedger(tx, d.ID, d.Version, actorID, text, now); err != nil {
		return err
	}
	return reanchor(tx, d.ID, d.Version, old, text, plan)
}
