package store

import (
	"context"
	"errors"
	"strings"
	"time"

	"gorm.io/gorm"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/policy"
)

// The workflow's writes: moving a draft between stages, publishing and scheduling it, releasing
// what was scheduled, and correcting what was published.

// Transition takes a workflow action on a draft, once the policy lets the acting user take it
// from the draft's stage and the gates the workflow gives it pass. The stage change and its
// audit entry are written in one transaction. The gates are passed before the writer is taken,
// and only checked under it (see gatePlan).
func (s *Store) Transition(ctx context.Context, id int64, req newsroom.TransitionRequest) (*newsroom.Draft, error) {
	u, err := actor(ctx)
	if err != nil {
		return nil, err
	}
	action, note := req.Action, req.Note
	if _, err := s.policy.ParseAction(string(action)); err != nil {
		return nil, err
	}
	if err := newsroom.CheckString("note", note, newsroom.MaxNote); err != nil {
		return nil, err
	}
	return s.transitionPlanned(ctx, u, id, req, s.planGates(ctx, u, id, action, note))
}

// transitionPlanned is Transition by u with the gates planned as plan (see gatePlan), once the
// action and note are known to be well formed.
func (s *Store) transitionPlanned(ctx context.Context, u *newsroom.User, id int64, req newsroom.TransitionRequest, plan *gatePlan) (*newsroom.Draft, error) {
	action, note := req.Action, req.Note
	var d *newsroom.Draft
	err := s.tx(ctx, func(tx *gorm.DB) error {
		v, err := s.lockDraft(tx, u, id)
		if err != nil {
			return err
		}
		step, err := s.policy.Step(u, v.draft(), action)
		if err != nil {
			return err
		}
		if err := newsroom.CheckRead(req.Version, v.Row.Version); err != nil {
			return err
		}
		switch action {
		case policy.ActionPublish:
			if _, err := s.publishTx(tx, u, v, time.Time{}, note, plan); err != nil {
				return err
			}
			d, err = s.draftWithWork(tx, u, id)
			return err
		case policy.ActionSchedule:
			return newsroom.Errorf(newsroom.EINVALID, "to schedule a draft, publish it with a time in the future")
		}
		if err := passPlanned(tx, plan, v, step, note, req.Force); err != nil {
			return err
		}
		from, to := newsroom.Stage(v.Row.Stage), step.To
		now := s.clock()
		if s.policy.IsScheduled(from) {
			v.Row.ScheduledAt = nil
			err = touchDraft(tx, id, map[string]any{"stage": to, "scheduled_at": nil, "scheduled_by": nil}, now).Error
		} else {
			err = touchDraftStage(tx, id, to, now)
		}
		if err != nil {
			return err
		}
		auditID, err := addAudit(tx, id, u.ID, string(action), from, to, note, now)
		if err != nil {
			return err
		}
		if err := s.mention(tx, u, v, to, note, mentionPlace{auditID: auditID}, string(action), nil); err != nil {
			return err
		}
		record(tx, draftEvent(newsroom.EventTransitioned, id, u.ID, string(action), to))
		if err := s.freeDesk(tx, u, v, to); err != nil {
			return err
		}
		v.Row.Stage, v.Row.UpdatedAt = string(to), now
		d = v.draft()
		return loadWork(tx, []*newsroom.Draft{d})
	})
	return d, internal("transition", err)
}

// Publish makes an approved draft public at at (now when zero, and backdating is allowed), or
// schedules it when at lies in the future; the scheduler (ReleaseDue) publishes it then. The
// published snapshot is taken from the approved revision and never changes afterwards. The
// gates are passed before the writer is taken, and only checked under it (see gatePlan).
// version, when not 0, is the version of the draft the editor read (see newsroom.CheckRead).
func (s *Store) Publish(ctx context.Context, id int64, at time.Time, version int) (*newsroom.Publication, error) {
	u, err := actor(ctx)
	if err != nil {
		return nil, err
	}
	if !at.IsZero() {
		if err := newsroom.CheckTime("the publication time", at); err != nil {
			return nil, err
		}
	}
	return s.publishPlanned(ctx, u, id, at, version, s.planGates(ctx, u, id, s.publishing(at), ""))
}

// publishPlanned is Publish by u with the gates planned as plan.
func (s *Store) publishPlanned(ctx context.Context, u *newsroom.User, id int64, at time.Time, version int, plan *gatePlan) (*newsroom.Publication, error) {
	var pub *newsroom.Publication
	err := s.tx(ctx, func(tx *gorm.DB) error {
		v, err := s.lockDraft(tx, u, id)
		if err != nil {
			return err
		}
		if err := newsroom.CheckRead(version, v.Row.Version); err != nil {
			return err
		}
		pub, err = s.publishTx(tx, u, v, at, "", plan)
		return err
	})
	return pub, internal("publish", err)
}

// publishing is the action a publish at at takes now: schedule when at lies in the future,
// publish otherwise.
func (s *Store) publishing(at time.Time) newsroom.Action {
	if at.After(s.clock()) {
		return policy.ActionSchedule
	}
	return policy.ActionPublish
}

// publishTx publishes or schedules the draft v inside tx, once the policy lets u and the gates
// of the workflow's publish (or schedule) action pass; note goes into the audit trail with a
// publication (a schedule's entry says when instead). Those actions carry no note to a gate and
// cannot be forced: the policy refuses the note and comments_resolved gates on them. The gates
// are skipped when plan passed them on the draft as it is (see passPlanned).
func (s *Store) publishTx(tx *gorm.DB, u *newsroom.User, v *draftView, at time.Time, note string, plan *gatePlan) (*newsroom.Publication, error) {
	now := s.clock()
	if at.IsZero() {
		at = now
	}
	at = at.UTC().Truncate(time.Microsecond)
	action := policy.ActionPublish
	if at.After(now) {
		action = policy.ActionSchedule
	}
	step, err := s.policy.Step(u, v.draft(), action)
	if err != nil {
		return nil, err
	}
	if err := passPlanned(tx, plan, v, step, "", false); err != nil {
		return nil, err
	}
	from, to := newsroom.Stage(v.Row.Stage), step.To
	art, err := s.ensureArticle(tx, v.Row.ID, v.Row.Title)
	if err != nil {
		return nil, err
	}
	pub := &newsroom.Publication{DraftID: v.Row.ID, Slug: art.Slug, Stage: to, PublishedAt: at}
	if action == policy.ActionSchedule {
		err = touchDraft(tx, v.Row.ID, map[string]any{"stage": to, "scheduled_at": at, "scheduled_by": u.ID}, now).Error
	} else if pub.Number, err = snapshot(tx, art, v.draft(), at, u.ID, ""); err == nil {
		err = touchDraftStage(tx, v.Row.ID, to, now)
	}
	if err != nil {
		return nil, err
	}
	record(tx, draftEvent(publishEvents[action], v.Row.ID, u.ID, string(action), to))
	if action == policy.ActionSchedule {
		note = "for " + at.Format(time.RFC3339)
	}
	return pub, insertAudit(tx, v.Row.ID, u.ID, string(action), from, to, note, now)
}

// publishEvents is the kind of event publishTx records for each of its actions: publishing
// now makes a piece public; scheduling only moves it to another stage.
var publishEvents = map[newsroom.Action]newsroom.EventKind{
	policy.ActionPublish:  newsroom.EventPublished,
	policy.ActionSchedule: newsroom.EventTransitioned,
}

// ReleaseDue publishes every scheduled draft whose time has come, and returns how many. Each is
// released in its own update guarded by its stage and time, so however many servers run it, a
// piece is released once: on PostgreSQL a second server's update waits for the first one's row
// lock and then finds the draft no longer scheduled. Once ctx ends it releases no more (a
// release already begun runs to its end) and returns ctx's error.
func (s *Store) ReleaseDue(ctx context.Context) (int, error) {
	var due []int64
	err := s.read(ctx).Model(&draftRow{}).Where("stage = ? AND scheduled_at <= ?", s.policy.Scheduled(), s.clock()).
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
	if v.Row.Stage != string(s.policy.Scheduled()) || v.Row.ScheduledAt == nil || v.Row.ScheduledAt.After(now) {
		return false, nil // another server released it, or an editor took it back
	}
	res := touchDraft(tx.Where("stage = ?", s.policy.Scheduled()), id, map[string]any{"stage": s.policy.Published()}, now)
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
	record(tx, draftEvent(newsroom.EventReleased, id, by, string(policy.ActionRelease), s.policy.Published()))
	return true, insertAudit(tx, id, by, string(policy.ActionRelease), s.policy.Scheduled(), s.policy.Published(), "", now)
}

// Correct publishes a correction of a published article: a new snapshot with the corrected body
// and a public note. The earlier snapshots stay as they were. A changed body is a new revision of
// the draft, and its quotes go through the ledger as any edit's do, so a quote the correction adds
// or rewords is unchecked. The snapshot goes out only through the quote gate a publish passes:
// otherwise the correction is held (newsroom.CorrectionGate, ECONFLICT naming the quotes) and
// its revision stays, for fact-checkers and editors to check those quotes in the ledger; sending
// the correction again then publishes it. A quote that nobody checked never reaches a reader. A
// correction based on a version the draft has moved on from is refused with ECONFLICT, so that
// it cannot undo a correction made meanwhile.
func (s *Store) Correct(ctx context.Context, slug string, req newsroom.CorrectionRequest) (*newsroom.Publication, error) {
	u, err := actor(ctx)
	if err != nil {
		return nil, err
	}
	body, note := req.Body, newsroom.Composed(strings.TrimSpace(req.Note))
	if err := newsroom.CheckCorrectionNote(note); err != nil {
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
		if req.Version != 0 && req.Version != d.Version {
			return newsroom.Errorf(newsroom.ECONFLICT,
				"someone changed or corrected this piece while you were correcting it (it is at version %d, your correction was made on version %d): read it again and correct that",
				d.Version, req.Version).With("current_version", d.Version)
		}
		text, next, err := plan.correction(d, body)
		if err != nil {
			return err
		}
		now := s.clock()
		revised := text.Body != d.Body
		if revised && next != nil {
			err = writeRevision(tx, d, u.ID, *next, now, plan.anchoring(), 0)
		} else if revised {
			err = saveRevision(tx, d, u.ID, text, now, plan.anchoring(), 0)
		}
		if err != nil {
			return err
		}
		qs, err := ledger(tx, d.ID)
		if err != nil {
			return err
		}
		if held = newsroom.CorrectionGate(d.ID, d.Version, qs); held != nil {
			if !revised {
				return nil
			}
			record(tx, draftEvent(newsroom.EventSaved, d.ID, u.ID, newsroom.StepHoldCorrection, s.policy.Published()))
			return insertAudit(tx, d.ID, u.ID, newsroom.StepHoldCorrection, s.policy.Published(), s.policy.Published(), note, now)
		}
		number, err := snapshot(tx, art, d, now, u.ID, note)
		if err != nil {
			return err
		}
		pub = &newsroom.Publication{DraftID: d.ID, Slug: slug, Stage: s.policy.Published(), PublishedAt: now, Number: number}
		record(tx, draftEvent(newsroom.EventCorrected, d.ID, u.ID, newsroom.StepCorrect, s.policy.Published()))
		return insertAudit(tx, d.ID, u.ID, newsroom.StepCorrect, s.policy.Published(), s.policy.Published(), note, now)
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
	if err := s.policy.Check(u, policy.ArticleCorrect, v.Row.WriterID); err != nil {
		return nil, nil, err
	}
	if v.Row.Stage != string(s.policy.Published()) {
		return nil, nil, newsroom.Errorf(newsroom.ECONFLICT, "article %q is not published", slug)
	}
	return &art, v, nil
}
