package store

import (
	"context"
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
// holds the stage's desk.
func (s *Store) SetDeadline(ctx context.Context, c newsroom.DeadlineChange) (*newsroom.Draft, error) {
	u, err := actor(ctx)
	if err != nil {
		return nil, err
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
		if c.At == nil {
			err = q.Delete(&deadlineRow{}).Error
		} else {
			at := c.At.UTC().Truncate(time.Microsecond)
			note = at.In(zone).Format(auditTime)
			err = tx.Save(&deadlineRow{DraftID: c.DraftID, Stage: string(c.Stage), DueAt: at, SetBy: u.ID, SetAt: now}).Error
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

// draftWithWork reads draft id as u sees it, with its assignees and deadlines.
func (s *Store) draftWithWork(db *gorm.DB, u *newsroom.User, id int64) (*newsroom.Draft, error) {
	v, err := s.findDraft(db, u, id)
	if err != nil {
		return nil, err
	}
	d := v.draft()
	return d, loadWork(db, []*newsroom.Draft{d})
}

// loadWork fills in the assignees and deadlines of drafts, in two queries whatever their
// number, each read by the tables' primary keys.
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
	var held []struct {
		DraftID  int64
		Stage    string
		UserID   int64
		Username string
		Name     string
	}
	err := db.Table("assignments").Select("assignments.draft_id, assignments.stage, assignments.user_id, users.username, users.name").
		Joins("JOIN users ON users.id = assignments.user_id").Where("assignments.draft_id IN ?", ids).Scan(&held).Error
	if err != nil {
		return err
	}
	for _, h := range held {
		byID[h.DraftID].Assignees[newsroom.Stage(h.Stage)] = newsroom.Person{ID: h.UserID, Username: h.Username, Name: h.Name}
	}
	var due []deadlineRow
	if err := db.Where("draft_id IN ?", ids).Order("stage").Find(&due).Error; err != nil {
		return err
	}
	for _, r := range due {
		d := byID[r.DraftID]
		d.Deadlines = append(d.Deadlines, newsroom.Deadline{Stage: newsroom.Stage(r.Stage), DueAt: r.DueAt})
	}
	return nil
}
