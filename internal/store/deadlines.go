package store

import (
	"context"
	"database/sql"
	"time"

	"gorm.io/gorm"

	"github.com/copydesk/copydesk/internal/newsroom"
)

type deadlineRow struct {
	DraftID int64  `gorm:"primaryKey"`
	Stage   string `gorm:"primaryKey"`
	DueAt   time.Time
	SetBy   int64
	SetAt   time.Time
}

func (deadlineRow) TableName() string { return "deadlines" }

// auditTime is how an audit entry writes a due time: in the newsroom's zone, with the zone's
// abbreviation, as the history shows it to people there.
const auditTime = "Jan 2, 2006 15:04 MST"

// SetDeadline sets or clears (c.At nil) the due time of a draft, for the whole piece (c.Stage
// "") or for one of its stages, as the acting user, whom the workflow must let set due times.
// The change is an audit entry and an EventAssigned event with the step "due", about whoever
// holds the stage's desk. A change that leaves the due time as it is writes nothing (see
// sameDeadline).
func (s *Store) SetDeadline(ctx context.Context, c newsroom.DeadlineChange) (*newsroom.Draft, error) {
	u, err := actor(ctx)
	if err != nil {
		return nil, err
	}
	if c.At != nil {
		if err := newsroom.CheckTime("the due time", *c.At); err != nil {
			return nil, err
		}
	}
	zone, err := s.TimeZone(ctx)
	if err != nil {
		return nil, err
	}
	var d *newsroom.Draft
	err = s.tx(ctx, func(tx *gorm.DB) error {
		v, err := s.lockDraft(tx, u, c.DraftID)
		if err != nil {
			return err
		}
		if err := s.policy.CheckDeadline(u, v.Row.WriterID, c.Stage); err != nil {
			return err
		}
		now, note := s.clock(), ""
		q := tx.Where("draft_id = ? AND stage = ?", c.DraftID, c.Stage)
		if same, err := sameDeadline(tx, c); err != nil || same {
			if err == nil {
				d, err = s.draftWithWork(tx, u, c.DraftID)
			}
			return err
		}
		if c.At == nil {
			err = q.Delete(&deadlineRow{}).Error
		} else {
			at := c.At.UTC().Truncate(time.Microsecond)
			note = at.In(zone).Format(auditTime)
			err = upsert(tx, &deadlineRow{DraftID: c.DraftID, Stage: string(c.Stage), DueAt: at, SetBy: u.ID, SetAt: now}, "due_at", "set_by", "set_at")
		}
		if err != nil {
			return err
		}
		if err := touchDraft(tx, c.DraftID, map[string]any{}, now).Error; err != nil {
			return err
		}
		holder, err := findAssignment(tx, c.DraftID, c.Stage)
		if err != nil {
			return err
		}
		e := draftEvent(newsroom.EventAssigned, c.DraftID, u.ID, newsroom.StepDue, c.Stage)
		if holder != nil {
			e.SubjectID = holder.UserID
		}
		record(tx, e)
		if err := insertAudit(tx, c.DraftID, u.ID, newsroom.StepDue, c.Stage, c.Stage, note, now); err != nil {
			return err
		}
		d, err = s.draftWithWork(tx, u, c.DraftID)
		return err
	})
	return d, internal("set deadline", err)
}

// sameDeadline reports whether c would leave the due time as it is: the same instant, or none
// cleared where none is set. Such a change (a form sent twice) writes nothing, so that it adds
// no entry to the history and tells nobody again.
func sameDeadline(tx *gorm.DB, c newsroom.DeadlineChange) (bool, error) {
	var cur []deadlineRow
	if err := tx.Where("draft_id = ? AND stage = ?", c.DraftID, c.Stage).Limit(1).Find(&cur).Error; err != nil {
		return false, err
	}
	if c.At == nil || len(cur) == 0 {
		return c.At == nil && len(cur) == 0, nil
	}
	return cur[0].DueAt.Equal(c.At.UTC().Truncate(time.Microsecond)), nil
}

// draftWithWork reads draft id as u sees it, with its assignees, deadlines and claim.
func (s *Store) draftWithWork(db *gorm.DB, u *newsroom.User, id int64) (*newsroom.Draft, error) {
	v, err := s.findDraft(db, u, id)
	if err != nil {
		return nil, err
	}
	d := v.draft()
	if err := loadWork(db, []*newsroom.Draft{d}); err != nil {
		return nil, err
	}
	d.Claim, err = findClaim(db, id)
	return d, err
}

// The queries that read drafts' assignees and deadlines, by the tables' primary keys; a list
// reads them for all its drafts at once, with "IN ?" in place of "= ?".
const (
	assigneesSQL = "SELECT assignments.draft_id, assignments.stage, assignments.user_id, users.username, users.name " +
		"FROM assignments JOIN users ON users.id = assignments.user_id WHERE assignments.draft_id "
	deadlinesSQL = "SELECT draft_id, stage, due_at FROM deadlines WHERE draft_id "
)

// loadWork fills in the assignees and deadlines of drafts, in two queries whatever their
// number, scanned without GORM's reflection (as scanDrafts does, for the same reason).
func loadWork(db *gorm.DB, drafts []*newsroom.Draft) error {
	if len(drafts) == 0 {
		return nil
	}
	byID := make(map[int64]*newsroom.Draft, len(drafts))
	ids := make([]int64, 0, len(drafts))
	for _, d := range drafts {
		byID[d.ID] = d
		ids = append(ids, d.ID)
	}
	rows, err := db.Raw(assigneesSQL+"IN ?", ids).Rows()
	if err != nil {
		return err
	}
	if err := scanAssignees(rows, byID); err != nil {
		return err
	}
	if rows, err = db.Raw(deadlinesSQL+"IN ? ORDER BY stage", ids).Rows(); err != nil {
		return err
	}
	return scanDeadlines(rows, byID)
}

// scanAssignees files rows of assigneesSQL under their drafts, and closes them.
func scanAssignees(rows *sql.Rows, byID map[int64]*newsroom.Draft) error {
	defer rows.Close()
	for rows.Next() {
		var id int64
		var stage string
		var p newsroom.Person
		if err := rows.Scan(&id, &stage, &p.ID, &p.Username, &p.Name); err != nil {
			return err
		}
		byID[id].Assignees[newsroom.Stage(stage)] = p
	}
	return rows.Err()
}

// scanDeadlines files rows of deadlinesSQL under their drafts, and closes them.
func scanDeadlines(rows *sql.Rows, byID map[int64]*newsroom.Draft) error {
	defer rows.Close()
	for rows.Next() {
		var id int64
		var dl newsroom.Deadline
		if err := rows.Scan(&id, &dl.Stage, &dl.DueAt); err != nil {
			return err
		}
		d := byID[id]
		d.Deadlines = append(d.Deadlines, dl)
	}
	return rows.Err()
}
