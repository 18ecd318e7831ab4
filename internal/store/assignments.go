package store

import (
	"context"
	"errors"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/copydesk/copydesk/internal/newsroom"
)

type assignmentRow struct {
	DraftID    int64  `gorm:"primaryKey"`
	Stage      string `gorm:"primaryKey"`
	UserID     int64
	AssignedBy int64
	AssignedAt time.Time
}

func (assignmentRow) TableName() string { return "assignments" }

// Assign gives desk a.Stage of draft a.DraftID to user a.UserID, or to nobody when a.UserID is
// 0. Someone the workflow lets assign others may give it to anyone who may hold it; anyone who
// may hold it may claim it (name themselves) while nobody else does. Anyone else is EFORBIDDEN
// whoever they name, before the user is looked up. A draft the actor cannot see and an unknown
// user are ENOTFOUND; a stage that is no desk, or a user who cannot work it,
// EINVALID; a claim of what someone else holds, ECONFLICT. The change is an audit entry ("Ana
// assigned Ben at Fact-check") and an EventAssigned event about the assignee. The assignee's
// row is held (shareUser) until the change commits, so that disabling them or giving them
// another role meanwhile waits and then releases the desk (releaseDesks), or goes first and the
// assignment reads them changed: nobody who may not hold a desk is left holding it.
func (s *Store) Assign(ctx context.Context, a newsroom.Assignment) (*newsroom.Draft, error) {
	u, err := actor(ctx)
	if err != nil {
		return nil, err
	}
	var d *newsroom.Draft
	err = s.tx(ctx, func(tx *gorm.DB) error {
		if err := s.shareUser(tx, a.UserID); err != nil {
			return err
		}
		v, err := s.lockDraft(tx, u, a.DraftID)
		if err != nil {
			return err
		}
		if err := s.policy.CheckAssigner(u, v.Row.WriterID, a.UserID); err != nil {
			return err
		}
		holder, err := findUser(tx, a.UserID)
		if err != nil {
			return err
		}
		if err := s.policy.CheckAssign(u, v.Row.WriterID, a.Stage, holder); err != nil {
			return err
		}
		if at := newsroom.Stage(v.Row.Stage); holder != nil && !s.policy.Reaches(at, a.Stage) {
			return newsroom.Errorf(newsroom.EINVALID, "the piece is %s and will not come to %s again, so nobody can be given that desk",
				s.stageLabel(at), s.stageLabel(a.Stage))
		}
		cur, err := findAssignment(tx, a.DraftID, a.Stage)
		if err != nil {
			return err
		}
		if err := s.changeAssignment(tx, u, v, a.Stage, cur, holder); err != nil {
			return err
		}
		d, err = s.draftWithWork(tx, u, a.DraftID)
		return err
	})
	return d, internal("assign", err)
}

// changeAssignment makes holder (nil: nobody) hold desk of draft v in place of cur (nil: nobody)
// and records it; giving a desk to whoever holds it already changes nothing.
func (s *Store) changeAssignment(tx *gorm.DB, u *newsroom.User, v *draftView, desk newsroom.Stage, cur *assignmentRow, holder *newsroom.User) error {
	id, now := v.Row.ID, s.clock()
	switch {
	case holder == nil && cur == nil, holder != nil && cur != nil && cur.UserID == holder.ID:
		return nil
	case holder != nil && holder.ID == u.ID && cur != nil && !s.policy.MayAssign(u, v.Row.WriterID):
		other, err := findUser(tx, cur.UserID)
		if err != nil {
			return err
		}
		return newsroom.Errorf(newsroom.ECONFLICT, "%s already holds this piece at %s", other.Name, s.stageLabel(desk))
	}
	step, subject, note := newsroom.StepAssign, int64(0), ""
	if holder == nil {
		gone, err := findUser(tx, cur.UserID)
		if err != nil {
			return err
		}
		step, subject, note = newsroom.StepUnassign, gone.ID, gone.Name
		if err := tx.Delete(&assignmentRow{}, "draft_id = ? AND stage = ?", id, desk).Error; err != nil {
			return err
		}
	} else {
		subject, note = holder.ID, holder.Name
		if holder.ID == u.ID && cur == nil {
			step = newsroom.StepClaim
		}
		row := assignmentRow{DraftID: id, Stage: string(desk), UserID: holder.ID, AssignedBy: u.ID, AssignedAt: now}
		if err := upsert(tx, &row, "user_id", "assigned_by", "assigned_at"); err != nil {
			return err
		}
	}
	if err := touchDraft(tx, id, map[string]any{}, now).Error; err != nil {
		return err
	}
	e := draftEvent(newsroom.EventAssigned, id, u.ID, step, desk)
	e.SubjectID = subject
	record(tx, e)
	return insertAudit(tx, id, u.ID, step, desk, desk, note, now)
}

// releaseDesks leaves to nobody, as u's change, every desk that holder holds and may no longer
// hold, now that they are disabled or hold another role: kept, it would bar everyone who may
// only claim a piece from it ("already holds") and keep it out of the desk's pool. Each is
// recorded as an unassignment, the policy deciding as it does for an assignment (MayHold).
// Only the desk each piece is at now is released: the desks of stages a piece has passed say
// who did that work, and rewriting them would touch every piece the holder ever worked on.
// The release is a few statements whatever the number of desks (a user may hold thousands,
// and one write a desk held the single writer for a second at 5,000): the desks are chosen in
// SQL, from the stages the policy bars holder from on their own pieces and on others'.
func (s *Store) releaseDesks(tx *gorm.DB, u, holder *newsroom.User) error {
	var own, others []string
	for _, desk := range s.policy.Desks() {
		if !s.policy.MayHold(holder, holder.ID, desk) {
			own = append(own, string(desk))
		}
		if !s.policy.MayHold(holder, 0, desk) {
			others = append(others, string(desk))
		}
	}
	if len(own) == 0 && len(others) == 0 {
		return nil
	}
	now := s.clock()
	args := map[string]any{"holder": holder.ID, "own": own, "others": others, "actor": u.ID,
		"step": newsroom.StepUnassign, "name": holder.Name, "now": now}
	const released = "FROM assignments a JOIN drafts d ON d.id = a.draft_id AND d.stage = a.stage " +
		"WHERE a.user_id = @holder AND (d.writer_id = @holder AND a.stage IN @own OR d.writer_id <> @holder AND a.stage IN @others)"
	var held []struct {
		DraftID int64
		Stage   string
	}
	// On PostgreSQL each statement below sees the database as it is when it starts, and a step
	// committed between them would leave a release audited that never happened (and audited
	// again when the piece came back to the desk): the pieces read are locked, so that every
	// statement after finds them where this one did.
	pick := "SELECT a.draft_id, a.stage " + released + " ORDER BY a.draft_id"
	if s.pg {
		pick += " FOR NO KEY UPDATE OF d"
	}
	if err := tx.Raw(pick, args).Scan(&held).Error; err != nil {
		return err
	}
	if len(held) == 0 {
		return nil
	}
	audit := "INSERT INTO audit (draft_id, actor_id, action, from_stage, to_stage, note, at) " +
		"SELECT a.draft_id, @actor, @step, a.stage, a.stage, @name, @now " + released + " ORDER BY a.draft_id"
	if err := tx.Exec(audit, args).Error; err != nil {
		return err
	}
	if err := touchDrafts(tx, "SELECT a.draft_id "+released, args, now); err != nil {
		return err
	}
	err := tx.Exec("DELETE FROM assignments WHERE user_id = @holder AND EXISTS (SELECT 1 FROM drafts d WHERE d.id = assignments.draft_id "+
		"AND d.stage = assignments.stage AND (d.writer_id = @holder AND assignments.stage IN @own OR d.writer_id <> @holder AND assignments.stage IN @others))", args).Error
	if err != nil {
		return err
	}
	for _, h := range held {
		e := draftEvent(newsroom.EventAssigned, h.DraftID, u.ID, newsroom.StepUnassign, newsroom.Stage(h.Stage))
		e.SubjectID = holder.ID
		record(tx, e)
	}
	return nil
}

// freeDesk leaves desk, the stage draft v has just come back to, to nobody, as u's change, when
// the one who held it there on an earlier pass may no longer hold it: disabled or given another
// role since. releaseDesks leaves the desks of stages a piece has passed as they were, for the
// record of who did that work; a desk coming back into use must not bar everyone else from it.
// The holder's row is held (shareUser) so that a change of them meanwhile, which releases only
// the desks of the stage each piece is at now, waits and then finds this one.
func (s *Store) freeDesk(tx *gorm.DB, u *newsroom.User, v *draftView, desk newsroom.Stage) error {
	if !s.policy.IsDesk(desk) {
		return nil
	}
	cur, err := findAssignment(tx, v.Row.ID, desk)
	if err != nil || cur == nil {
		return err
	}
	if err := s.shareUser(tx, cur.UserID); err != nil {
		return err
	}
	holder, err := findUser(tx, cur.UserID)
	if err != nil || s.policy.MayHold(holder, v.Row.WriterID, desk) {
		return err
	}
	return s.changeAssignment(tx, u, v, desk, cur, nil)
}

// upsert inserts row into its table, or updates the columns of the row with its key (draft_id,
// stage): GORM's Save cannot tell a key of stage "" (a piece's deadline) from no key at all.
func upsert(tx *gorm.DB, row any, columns ...string) error {
	return tx.Clauses(clause.OnConflict{Columns: []clause.Column{{Name: "draft_id"}, {Name: "stage"}},
		DoUpdates: clause.AssignmentColumns(columns)}).Create(row).Error
}

// findUser loads user id inside tx, or returns nil for id 0; an unknown id is ENOTFOUND.
func findUser(tx *gorm.DB, id int64) (*newsroom.User, error) {
	if id == 0 {
		return nil, nil
	}
	var row userRow
	err := tx.Where("id = ?", id).Take(&row).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, newsroom.Errorf(newsroom.ENOTFOUND, "user %d not found", id)
	}
	if err != nil {
		return nil, err
	}
	return row.user(), nil
}

// findAssignment returns who holds draft id at desk, or nil.
func findAssignment(tx *gorm.DB, id int64, desk newsroom.Stage) (*assignmentRow, error) {
	var rows []assignmentRow
	if err := tx.Where("draft_id = ? AND stage = ?", id, desk).Limit(1).Find(&rows).Error; err != nil {
		return nil, err
	}
	if len(rows) == 0 {
		return nil, nil
	}
	return &rows[0], nil
}

// stageLabel is the workflow's label for stage.
func (s *Store) stageLabel(stage newsroom.Stage) string {
	if st, ok := s.policy.Stage(stage); ok {
		return st.Label
	}
	return string(stage)
}

// Assignable lists, for each desk, the active users who may hold draft id there, by username,
// for the forms that assign it.
func (s *Store) Assignable(ctx context.Context, id int64) (map[newsroom.Stage][]newsroom.Person, error) {
	u, err := actor(ctx)
	if err != nil {
		return nil, err
	}
	v, err := s.findDraft(s.read(ctx), u, id)
	if err != nil {
		return nil, internal("assignable", err)
	}
	var rows []userRow
	if err := s.read(ctx).Where("disabled = ?", false).Order("username").Find(&rows).Error; err != nil {
		return nil, internal("assignable", err)
	}
	out := map[newsroom.Stage][]newsroom.Person{}
	for _, desk := range s.policy.Desks() {
		for _, r := range rows {
			if s.policy.MayHold(r.user(), v.Row.WriterID, desk) {
				out[desk] = append(out[desk], newsroom.Person{ID: r.ID, Username: r.Username, Name: r.Name})
			}
		}
	}
	return out, nil
}
