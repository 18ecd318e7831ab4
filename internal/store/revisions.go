package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/quotes"
	"github.com/copydesk/copydesk/internal/revpack"
)

type revisionRow struct {
	ID            int64
	DraftID       int64
	Version       *int
	BaseVersion   int
	AuthorID      int64
	Title         string
	Byline        string
	Brief         string
	Body          string
	Topics        []string `gorm:"serializer:json"`
	EditorComment string
	MergedWith    *int
	CreatedAt     time.Time
	// Packed is the revision's text packed (see packed_texts.go), its text columns then left
	// empty; nil for an unmerged revision and for one written before migration 00029 and not
	// packed yet, whose text columns hold it whole.
	Packed      []byte
	PackedFrom  *int
	PackedChain *int
	PackedSum   *int64
}

func (revisionRow) TableName() string { return "revisions" }

type revisionView struct {
	Row            revisionRow `gorm:"embedded"`
	AuthorUsername string
	AuthorName     string
}

// wholeText is the text the row's text columns hold.
func (r revisionRow) wholeText() newsroom.Text {
	return newsroom.Text{Title: r.Title, Byline: r.Byline, Brief: r.Brief, Body: r.Body, Topics: r.Topics, EditorComment: r.EditorComment}
}

// revision describes the row without its text.
func (v revisionView) revision() newsroom.Revision {
	row := v.Row
	r := newsroom.Revision{
		ID: row.ID, DraftID: row.DraftID, BaseVersion: row.BaseVersion, Unmerged: row.Version == nil,
		Author:    newsroom.Person{ID: row.AuthorID, Username: v.AuthorUsername, Name: v.AuthorName},
		CreatedAt: row.CreatedAt,
	}
	if row.Version != nil {
		r.Version = *row.Version
	}
	if row.MergedWith != nil {
		r.Merged, r.MergedWith = true, *row.MergedWith
	}
	return r
}

// revisionColumns are a revision row's columns, named rather than "revisions.*": SQLite expands
// a star with the schema its connection last read, and on a connection opened before a migration
// added columns (as the store's are, when Migrate upgrades a database) the row would be read
// against the old column list, its values shifted into the wrong fields. A named column the
// connection does not know makes SQLite read the schema again instead.
const revisionColumns = "revisions.id, revisions.draft_id, revisions.version, revisions.base_version, revisions.author_id, " +
	"revisions.title, revisions.byline, revisions.brief, revisions.body, revisions.topics, revisions.editor_comment, " +
	"revisions.merged_with, revisions.created_at, revisions.packed, revisions.packed_from, revisions.packed_chain, revisions.packed_sum"

func revisionsQuery(db *gorm.DB) *gorm.DB {
	return db.Table("revisions").
		Select(revisionColumns + ", users.username AS author_username, users.name AS author_name").
		Joins("JOIN users ON users.id = revisions.author_id")
}

// saveRevision writes text as d's next version: the draft's row, the revision, the quote ledger
// and the comments' anchors together, taking the anchors from plan where it still holds (see
// planAnchors). Saves, merged saves and corrections all go through it; mergedFrom is the
// version a merged save was made on, 0 for any other. The draft's language, which revisions do
// not keep, is written from d. On return d holds the new text and version.
func saveRevision(tx *gorm.DB, d *newsroom.Draft, actorID int64, text newsroom.Text, now time.Time, plan *reanchoring, mergedFrom int) error {
	next, err := prepareRevision(tx, d, text)
	if err != nil {
		return err
	}
	return writeRevision(tx, d, actorID, next, now, plan, mergedFrom)
}

// nextRevision is what saving a text as a draft's next version writes, worked out from the text
// and the version before it: the quotations the finder sees in it and the problems it reports,
// and the text packed after that version's.
type nextRevision struct {
	text     newsroom.Text
	news     []found
	problems []newsroom.QuoteProblem
	edit     quotes.Edit // what the save's edit says of where twin quotes went
	walk     *ledgerWalk // where the quotes went along the versions a restore brings back, nil for none
	packed   packedText
	back     versionsBack // the versions before, for the comments' walk as for the quotes'
}

// prepareRevision works out what saving text as d's next version writes, reading how d's version
// is packed from db. It depends only on d's version and text: revisions are never changed once
// written, so a nextRevision prepared on a read before the write transaction holds in it for as
// long as d is still at that version.
func prepareRevision(db *gorm.DB, d *newsroom.Draft, text newsroom.Text) (nextRevision, error) {
	news, problems := findQuotes(text)
	if err := checkQuoteCount(db, d.ID, news); err != nil {
		return nextRevision{}, err
	}
	chain, err := packedChain(db, d.ID, d.Version)
	if err != nil {
		return nextRevision{}, fmt.Errorf("read the chain of version %d of draft %d: %w", d.Version, d.ID, err)
	}
	// The text before is marshalled only to pack the new one against, into a kept buffer:
	// nothing packAfter returns holds its bytes.
	prev := revpack.MarshalKept(d.Text())
	packed := packAfter(chain, prev.Bytes(), revpack.Marshal(text), d.Version+1)
	prev.Release()
	back, err := readVersionsBack(db, d.ID, d.Version)
	if err != nil {
		return nextRevision{}, fmt.Errorf("read the versions of draft %d before version %d: %w", d.ID, d.Version, err)
	}
	walk, err := walkLedger(db, d.ID, d.Text(), text, packed.sum, back, news)
	if err != nil {
		return nextRevision{}, fmt.Errorf("walk the quotes of draft %d back from version %d: %w", d.ID, d.Version, err)
	}
	return nextRevision{text: text, news: news, problems: problems, edit: quotedEdit(d.Text(), text, news), walk: walk, packed: packed, back: back}, nil
}

// writeRevision writes next, prepared for d as it is (see prepareRevision), as saveRevision
// describes.
func writeRevision(tx *gorm.DB, d *newsroom.Draft, actorID int64, next nextRevision, now time.Time, plan *reanchoring, mergedFrom int) error {
	old, base, text := d.Text(), d.Version, next.text
	written, err := touchDraftText(tx, d.ID, base, text, d.Language, mustJSON(next.problems), now)
	if err != nil {
		return err
	}
	if !written {
		return fmt.Errorf("draft %d moved from version %d while locked", d.ID, base)
	}
	d.Version = base + 1
	d.Title, d.Byline, d.Brief, d.Body, d.Topics, d.EditorComment = text.Title, text.Byline, text.Brief, text.Body, text.Topics, text.EditorComment
	from := origin{base: base}
	if mergedFrom > 0 {
		from = origin{base: mergedFrom, mergedWith: &base}
	}
	if err := writePacked(tx, d.ID, d.Version, from, actorID, next.packed, now); err != nil {
		return err
	}
	if err := syncLedger(tx, d.ID, d.Version, actorID, next.edit, next.walk, next.news, now); err != nil {
		return err
	}
	return reanchor(tx, d.ID, d.Version, old, text, plan)
}

// origin is what a numbered revision was made on: the version its author saw and, for a merged
// save, the version it was merged with.
type origin struct {
	base       int
	mergedWith *int
}

// insertRevision stores t as the first version of a draft, packed as a keyframe; later versions
// are packed by prepareRevision (keepUnmerged stores unmerged saves).
func insertRevision(tx *gorm.DB, draftID int64, from origin, authorID int64, t newsroom.Text, at time.Time) error {
	return writePacked(tx, draftID, 1, from, authorID, packAfter(nil, nil, revpack.Marshal(t), 1), at)
}

// writePacked stores p as numbered revision version of a draft, its text columns left empty.
func writePacked(tx *gorm.DB, draftID int64, version int, from origin, authorID int64, p packedText, at time.Time) error {
	return execRaw(tx, "INSERT INTO revisions (draft_id, version, base_version, author_id, title, byline, brief, body, topics, editor_comment, "+
		"merged_with, created_at, packed, packed_from, packed_chain, packed_sum) VALUES (?, ?, ?, ?, '', '', '', '', '[]', '', ?, ?, ?, ?, ?, ?)",
		draftID, version, from.base, authorID, from.mergedWith, at, p.data, p.from, p.chain.Bytes, int64(p.sum))
}

// Revision returns one whole numbered revision of a draft the acting user may see.
func (s *Store) Revision(ctx context.Context, id int64, version int) (*newsroom.Revision, error) {
	u, err := actor(ctx)
	if err != nil {
		return nil, err
	}
	db := s.read(ctx)
	if _, err := s.findDraft(db, u, id); err != nil {
		return nil, internal("get revision", err)
	}
	r, err := numberedRevision(db, id, version)
	return r, internal("get revision", err)
}

// RevisionSaved describes numbered revision version of a draft the acting user may see without
// its text: who saved it and when, which a page shows beside the version.
func (s *Store) RevisionSaved(ctx context.Context, id int64, version int) (*newsroom.Revision, error) {
	u, err := actor(ctx)
	if err != nil {
		return nil, err
	}
	db := s.read(ctx)
	if _, err := s.findDraft(db, u, id); err != nil {
		return nil, internal("get revision", err)
	}
	var v revisionView
	err = revisionsWithoutText(db).Where("revisions.draft_id = ? AND revisions.version = ?", id, version).Take(&v).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, newsroom.Errorf(newsroom.ENOTFOUND, "draft %d has no version %d", id, version)
	} else if err != nil {
		return nil, internal("get revision", err)
	}
	r := v.revision()
	return &r, nil
}

// numberedRevision reads version of draft id, with its text, or ENOTFOUND.
func numberedRevision(db *gorm.DB, id int64, version int) (*newsroom.Revision, error) {
	var v revisionView
	err := revisionsQuery(db).Where("revisions.draft_id = ? AND revisions.version = ?", id, version).Take(&v).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, newsroom.Errorf(newsroom.ENOTFOUND, "draft %d has no version %d", id, version)
	} else if err != nil {
		return nil, err
	}
	t, err := revisionText(db, v.Row)
	if err != nil {
		return nil, err
	}
	r := v.revision()
	r.Text = &t
	return &r, nil
}
