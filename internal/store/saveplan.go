package store

import (
	"context"
	"database/sql"
	"errors"

	"gorm.io/gorm"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// savePlan is a save worked out on a read before its write transaction. On SQLite every save
// waits for the single writer, so whatever a save computes while it holds the writer, every
// other save waits for too: the plan takes the normalized and checked text, the quotations, the
// packed revision and the comments' anchors out of the transaction, which only checks that the
// draft is still as the plan found it and writes.
type savePlan struct {
	// anchors is where the comments go when the draft's text becomes the one the save makes
	// (see planReanchor).
	anchors *reanchoring
	// next is what the save writes when it is made on the current version: nil for a save made
	// on an older one, which is merged under the lock (see saveStale).
	next *nextRevision
	// old, version, stage and writerID are the draft as the plan found it; changed names the
	// fields the save changes, for the policy's check under the lock.
	old      newsroom.Text
	version  int
	stage    newsroom.Stage
	writerID int64
	changed  []string
}

// errStaleSave is how planSave declines a save based on an old version that does not merge:
// such a save is kept as an unmerged revision and moves no comment.
var errStaleSave = errors.New("store: save based on an old version")

// planSave plans a save of draft id on a read outside any transaction: a save made on the
// current version whole, and one based on an old version as the merge it makes (see
// mergeStale), for its anchors only. It returns nil when the draft cannot be read or the save is
// refused: the transaction then meets the same error again, or works the save out itself.
func (s *Store) planSave(ctx context.Context, u *newsroom.User, id int64, upd newsroom.DraftUpdate) *savePlan {
	db := s.read(ctx)
	cur := s.planDraft(db, u, id)
	if cur == nil {
		return nil
	}
	var text newsroom.Text
	var err error
	if upd.Version == cur.Version {
		text, err = s.checkEdit(u, cur, upd)
	} else {
		text, err = s.mergedText(db, u, cur, upd)
	}
	if err != nil {
		return nil
	}
	anchors := planAnchors(db, id, cur.Text(), text)
	if anchors == nil {
		return nil
	}
	plan := &savePlan{anchors: anchors, old: cur.Text(), version: cur.Version, stage: cur.Stage, writerID: cur.Writer.ID,
		changed: text.Changed(cur.Text())}
	if upd.Version == cur.Version {
		next, err := prepareRevision(db, cur, text)
		if err != nil {
			return nil
		}
		plan.next = &next
	}
	return plan
}

// planDraftSQL reads a draft as findDraft does, by its id alone.
const planDraftSQL = "SELECT " + draftColumns + " FROM drafts JOIN users ON users.id = drafts.writer_id WHERE drafts.id = ?"

// planDraft is findDraft for a plan: draft id when u may see it, else nil. It checks the
// policy's CanSee on the row rather than putting the policy's rule into the query, so that the
// statement is one prepared once: GORM's building of findDraft's query was a fifth of reading
// the draft. The rule and the condition agree (see policy.Visible), and the save checks CanSee
// again under the lock.
func (s *Store) planDraft(db *gorm.DB, u *newsroom.User, id int64) *newsroom.Draft {
	rows, err := queryRaw(db, planDraftSQL, id)
	if err != nil {
		return nil
	}
	views, err := scanDrafts(rows)
	if err != nil || len(views) == 0 || !s.policy.CanSee(u, views[0].Row.WriterID, newsroom.Stage(views[0].Row.Stage)) {
		return nil
	}
	return views[0].draft()
}

// mergedText is the text a save based on an old version of cur makes when it merges, checked as
// the save's; errStaleSave when it does not merge.
func (s *Store) mergedText(db *gorm.DB, u *newsroom.User, cur *newsroom.Draft, upd newsroom.DraftUpdate) (newsroom.Text, error) {
	merged, _, err := s.mergeStale(db, cur, upd)
	if err != nil || merged == nil {
		return newsroom.Text{}, errStaleSave
	}
	return s.checkText(u, cur, *merged)
}

// anchoring is where the plan puts the comments, nil for no plan.
func (p *savePlan) anchoring() *reanchoring {
	if p == nil {
		return nil
	}
	return p.anchors
}

// holds reports whether p, made on the current version, is still the save upd makes of cur, the
// draft as locked without its text: the draft is at the version the plan was made on, which
// is the one the save was made on (a draft's text changes only with its version), and the
// policy decides on the same stage and writer as it did for the plan, and still lets u make it.
func (s *Store) holds(p *savePlan, u *newsroom.User, cur *newsroom.Draft, upd newsroom.DraftUpdate) bool {
	return p != nil && p.next != nil && cur.Version == p.version && upd.Version == p.version &&
		cur.Stage == p.stage && cur.Writer.ID == p.writerID &&
		s.policy.CanSee(u, cur.Writer.ID, cur.Stage) && s.policy.CheckEdit(u, cur, p.changed) == nil
}

// saveDraft makes the save upd of draft id inside tx, as plan has it where the plan still holds,
// else working it out here (see UpdateDraft). refused is a stale save that was kept but not
// saved.
func (s *Store) saveDraft(tx *gorm.DB, u *newsroom.User, id int64, upd newsroom.DraftUpdate, plan *savePlan) (d *newsroom.Draft, refused, err error) {
	if d, err := s.saveAsPlanned(tx, u, id, upd, plan); d != nil || err != nil {
		return d, nil, err
	}
	v, err := s.lockDraft(tx, u, id)
	if err != nil {
		return nil, nil, err
	}
	cur, now := v.draft(), s.clock()
	var text newsroom.Text
	mergedFrom := 0
	if upd.Version == cur.Version {
		text, err = s.checkEdit(u, cur, upd)
	} else {
		text, refused, err = s.saveStale(tx, u, cur, upd, now)
		mergedFrom = upd.Version
	}
	if err != nil || refused != nil {
		return nil, refused, err
	}
	if upd.Language != nil {
		cur.Language = *upd.Language
	}
	if err := saveRevision(tx, cur, u.ID, text, now, plan.anchoring(), mergedFrom); err != nil {
		return nil, nil, err
	}
	if err := recordSave(tx, cur, u.ID, mergedFrom, now); err != nil {
		return nil, nil, err
	}
	if err := clearWorkingCopy(tx, id, u.ID); err != nil {
		return nil, nil, err
	}
	d, err = s.draftWithWork(tx, u, id)
	return d, nil, err
}

// saveAsPlanned makes the save upd of draft id inside tx as plan has it, and returns the draft
// as saved, built from what it holds rather than read again; nil when the plan no longer holds
// (see holds), for saveDraft to work the save out under the lock instead.
func (s *Store) saveAsPlanned(tx *gorm.DB, u *newsroom.User, id int64, upd newsroom.DraftUpdate, plan *savePlan) (*newsroom.Draft, error) {
	if plan == nil || plan.next == nil {
		return nil, nil
	}
	cur, err := s.lockHead(tx, id)
	if err != nil || cur == nil || !s.holds(plan, u, cur, upd) {
		return nil, err
	}
	setText(cur, plan.old)
	if upd.Language != nil {
		cur.Language = *upd.Language
	}
	now := s.clock()
	if err := writeRevision(tx, cur, u.ID, *plan.next, now, plan.anchors, 0); err != nil {
		return nil, err
	}
	if err := recordSave(tx, cur, u.ID, 0, now); err != nil {
		return nil, err
	}
	if err := clearWorkingCopy(tx, id, u.ID); err != nil {
		return nil, err
	}
	cur.QuoteProblems, cur.UpdatedAt = plan.next.problems, now
	if cur.Topics == nil {
		cur.Topics = []string{}
	}
	if err := loadWork(tx, []*newsroom.Draft{cur}); err != nil {
		return nil, err
	}
	cur.Claim, err = findClaim(tx, id)
	return cur, err
}

// setText puts t in d's text fields.
func setText(d *newsroom.Draft, t newsroom.Text) {
	d.Title, d.Byline, d.Brief, d.Body, d.Topics, d.EditorComment = t.Title, t.Byline, t.Brief, t.Body, t.Topics, t.EditorComment
}

// draftHeadSQL reads what a draft is without its text: what the policy and the workflow decide
// on, and the rest of the answer to a save.
const draftHeadSQL = "SELECT drafts.writer_id, drafts.language, drafts.stage, drafts.version, drafts.dateline, drafts.scheduled_at, " +
	"drafts.created_at, users.username, users.name FROM drafts JOIN users ON users.id = drafts.writer_id WHERE drafts.id = ?"

// lockHead is lockDraft without the draft's text or the policy's visibility: the draft as
// draftHeadSQL reads it, its row locked until tx ends on PostgreSQL; nil when there is none.
func (s *Store) lockHead(tx *gorm.DB, id int64) (*newsroom.Draft, error) {
	query := draftHeadSQL
	if s.pg {
		query += " FOR NO KEY UPDATE OF drafts"
	}
	var r draftRow
	v := draftView{}
	rows, err := queryRaw(tx, query, id)
	err = preparedRow{rows, err}.Scan(&r.WriterID, &r.Language, &r.Stage, &r.Version, &r.Dateline, &r.ScheduledAt,
		&r.CreatedAt, &v.WriterUsername, &v.WriterName)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	r.ID = id
	v.Row = r
	return v.draft(), nil
}
