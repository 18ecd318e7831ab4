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
// other save waits for too: the plan takes the normalized and checked text, the merge of a save
// made on an older version, the quotations, the packed revision and the comments' anchors out
// of the transaction, which only checks that the draft is still as the plan found it and writes.
type savePlan struct {
	// anchors is where the comments go when the draft's text becomes the one the save makes
	// (see planAnchors).
	anchors *reanchoring
	// next is what the save writes: its text, made on the current version, or its merge with
	// the current text, made on version mergedFrom (0 for none).
	next       *nextRevision
	mergedFrom int
	// kept is a save made on an older version that is not saved, to keep as an unmerged
	// revision (nil when next is set).
	kept *staleSave
	// refused is why the save may not be made of the draft as the plan found it (nil when next
	// or kept is set): the same draft under the lock refuses it for the same reason, so the
	// transaction answers it without normalizing and checking the text again.
	refused error
	// old, version, stage and writerID are the draft as the plan found it; changed names the
	// fields the save changes, for the policy's check under the lock.
	old      newsroom.Text
	version  int
	stage    newsroom.Stage
	writerID int64
	changed  []string
}

// maxPlans is how many times a save is planned before it is worked out under the lock instead
// (see save): a plan no longer holds when the draft changed after the read it was made on.
const maxPlans = 3

// errPlanGone is how saveDraft declines a plan that no longer holds, for save to plan again on
// a new read.
var errPlanGone = errors.New("store: the draft changed after its save was planned")

// planSave plans a save of draft id on a read outside any transaction: a save made on the
// current version whole, and one based on an old version as the merge it makes (see
// mergeStale), or, where it makes none that is valid, as the text it keeps, or as the refusal
// of a save that may not be made. It returns nil when the draft cannot be read or the plan
// fails: the transaction then meets the same error again, or works the save out itself.
func (s *Store) planSave(ctx context.Context, u *newsroom.User, id int64, upd newsroom.DraftUpdate) *savePlan {
	db := s.read(ctx)
	cur := s.planDraft(db, u, id)
	if cur == nil {
		return nil
	}
	plan := &savePlan{old: cur.Text(), version: cur.Version, stage: cur.Stage, writerID: cur.Writer.ID}
	var text newsroom.Text
	var err error
	if upd.Version == cur.Version {
		text, err = s.checkEdit(u, cur, upd)
	} else {
		text, err = s.planStale(db, u, cur, upd, plan)
	}
	if code := newsroom.ErrorCode(err); code == newsroom.EINTERNAL {
		return nil
	} else if err != nil {
		plan.refused = err
		return plan
	}
	plan.changed = text.Changed(cur.Text())
	if plan.kept != nil {
		return plan
	}
	next, err := prepareRevision(db, cur, text)
	if err != nil {
		return nil
	}
	if plan.anchors = planAnchors(db, id, cur.Text(), text, next.packed.sum, next.back); plan.anchors == nil {
		return nil
	}
	plan.next = &next
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
	v := s.planView(db, u, id)
	if v == nil {
		return nil
	}
	return v.draft()
}

// planView is planDraft's row as read, for a plan that compares it with the row under the lock.
func (s *Store) planView(db *gorm.DB, u *newsroom.User, id int64) *draftView {
	rows, err := queryRaw(db, planDraftSQL, id)
	if err != nil {
		return nil
	}
	views, err := scanDrafts(rows)
	if err != nil || len(views) == 0 || !s.policy.CanSee(u, views[0].Row.WriterID, newsroom.Stage(views[0].Row.Stage)) {
		return nil
	}
	return &views[0]
}

// planStale merges a save made on an older version of cur with cur's text, for plan: it
// returns the merged text to save, with plan.mergedFrom set, or the save's text that plan.kept
// keeps. err is a save u may not make, or a failure.
func (s *Store) planStale(db *gorm.DB, u *newsroom.User, cur *newsroom.Draft, upd newsroom.DraftUpdate, plan *savePlan) (newsroom.Text, error) {
	merged, res, err := s.mergeStale(db, cur, upd)
	if err != nil {
		return newsroom.Text{}, err
	}
	st, err := s.judgeStale(u, cur, upd, merged, res)
	if err != nil {
		return newsroom.Text{}, err
	}
	if st.merged {
		plan.mergedFrom = upd.Version
	} else {
		plan.kept = &st
	}
	return st.text, nil
}

// anchoring is where the plan puts the comments, nil for no plan.
func (p *savePlan) anchoring() *reanchoring {
	if p == nil {
		return nil
	}
	return p.anchors
}

// holds reports whether p is still the save upd makes of cur, the draft as locked without its
// text: the draft is at the version the plan was made on (a draft's text changes only with its
// version), and the policy decides on the same stage and writer as it did for the plan, and
// still lets u make it, or refuses it as the plan does.
func (s *Store) holds(p *savePlan, u *newsroom.User, cur *newsroom.Draft) bool {
	if cur.Version != p.version || cur.Stage != p.stage || cur.Writer.ID != p.writerID || !s.policy.CanSee(u, cur.Writer.ID, cur.Stage) {
		return false
	}
	return p.refused != nil || (p.next != nil || p.kept != nil) && s.policy.CheckEdit(u, cur, p.changed) == nil
}

// save makes the save upd of draft id, planned as plan (see planSave). A plan that no longer
// holds under the lock is made again on a new read, up to maxPlans times in all, so that what a
// save computes is computed outside the transaction however many saves get in before it.
func (s *Store) save(ctx context.Context, u *newsroom.User, id int64, upd newsroom.DraftUpdate, plan *savePlan) (*newsroom.Draft, error) {
	for n := 1; ; n++ {
		var d *newsroom.Draft
		var refused error
		err := s.tx(ctx, func(tx *gorm.DB) error {
			var err error
			d, refused, err = s.saveDraft(tx, u, id, upd, plan, n == maxPlans)
			return err
		})
		if errors.Is(err, errPlanGone) {
			plan = s.planSave(ctx, u, id, upd)
			continue
		}
		if err != nil {
			return nil, internal("update draft", err)
		}
		return d, refused
	}
}

// saveDraft makes the save upd of draft id inside tx, as plan has it where the plan still holds.
// Where it does not, it declines with errPlanGone, unless this is the last plan (last) or there
// is none: then it works the save out here, except the merge of a save made on an older version,
// which could hold the writer for seconds. Such a save is kept as an unmerged revision instead
// and refused, as one that does not merge is. refused is a stale save that was kept but not
// saved.
func (s *Store) saveDraft(tx *gorm.DB, u *newsroom.User, id int64, upd newsroom.DraftUpdate, plan *savePlan, last bool) (d *newsroom.Draft, refused, err error) {
	if plan != nil {
		cur, err := s.lockHead(tx, id)
		if err != nil {
			return nil, nil, err
		}
		if cur != nil && s.holds(plan, u, cur) {
			if plan.refused != nil {
				return nil, nil, plan.refused
			}
			return s.saveAsPlanned(tx, u, cur, upd, plan)
		}
		if !last {
			return nil, nil, errPlanGone
		}
	}
	v, err := s.lockDraft(tx, u, id)
	if err != nil {
		return nil, nil, err
	}
	cur, now := v.draft(), s.clock()
	if upd.Version != cur.Version {
		st, err := s.judgeStale(u, cur, upd, nil, nil)
		if err != nil {
			return nil, nil, err
		}
		refused, err := st.keep(tx, cur, upd.Version, u.ID, now)
		return nil, refused, err
	}
	text, err := s.checkEdit(u, cur, upd)
	if err != nil {
		return nil, nil, err
	}
	if upd.Language != nil {
		cur.Language = *upd.Language
	}
	if err := saveRevision(tx, cur, u.ID, text, now, plan.anchoring(), 0); err != nil {
		return nil, nil, err
	}
	if err := recordSave(tx, cur, u.ID, 0, now); err != nil {
		return nil, nil, err
	}
	if err := clearWorkingCopy(tx, id, u.ID, upd.WorkingCopy); err != nil {
		return nil, nil, err
	}
	d, err = s.draftWithWork(tx, u, id)
	return d, nil, err
}

// saveAsPlanned makes the save upd of cur, the draft as locked without its text, inside tx as
// plan has it, and returns the draft as saved, built from what it holds rather than read again,
// or the refusal of a stale save the plan keeps.
func (s *Store) saveAsPlanned(tx *gorm.DB, u *newsroom.User, cur *newsroom.Draft, upd newsroom.DraftUpdate, plan *savePlan) (d *newsroom.Draft, refused, err error) {
	setText(cur, plan.old)
	now := s.clock()
	if plan.kept != nil {
		refused, err = plan.kept.keep(tx, cur, upd.Version, u.ID, now)
		return nil, refused, err
	}
	if upd.Language != nil {
		cur.Language = *upd.Language
	}
	if err := writeRevision(tx, cur, u.ID, *plan.next, now, plan.anchors, plan.mergedFrom); err != nil {
		return nil, nil, err
	}
	if err := recordSave(tx, cur, u.ID, plan.mergedFrom, now); err != nil {
		return nil, nil, err
	}
	if err := clearWorkingCopy(tx, cur.ID, u.ID, upd.WorkingCopy); err != nil {
		return nil, nil, err
	}
	cur.QuoteProblems, cur.UpdatedAt = plan.next.problems, now
	if cur.Topics == nil {
		cur.Topics = []string{}
	}
	if err := loadWork(tx, []*newsroom.Draft{cur}); err != nil {
		return nil, nil, err
	}
	cur.Claim, err = findClaim(tx, cur.ID)
	return cur, nil, err
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
