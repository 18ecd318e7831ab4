package store

import (
	"context"
	"encoding/json"
	"time"

	"gorm.io/gorm"

	"github.com/copydesk/copydesk/internal/authz"
	"github.com/copydesk/copydesk/internal/newsroom"
)

type auditRow struct {
	ID        int64
	DraftID   *int64
	ActorID   int64
	Action    string
	FromStage string
	ToStage   string
	Note      string
	At        time.Time
}

func (auditRow) TableName() string { return "audit" }

type auditView struct {
	Row           auditRow `gorm:"embedded"`
	ActorUsername string
	ActorName     string
}

func auditQuery(db *gorm.DB) *gorm.DB {
	return db.Table("audit").Select("audit.*, users.username AS actor_username, users.name AS actor_name").
		Joins("JOIN users ON users.id = audit.actor_id")
}

func (v auditView) entry() newsroom.AuditEntry {
	a := v.Row
	e := newsroom.AuditEntry{
		ID: a.ID, Actor: newsroom.Person{ID: a.ActorID, Username: v.ActorUsername, Name: v.ActorName},
		Action: a.Action, From: newsroom.Stage(a.FromStage), To: newsroom.Stage(a.ToStage), Note: a.Note, At: a.At,
	}
	if a.DraftID != nil {
		e.DraftID = *a.DraftID
	}
	return e
}

// insertAudit appends one entry to the audit trail, inside the caller's transaction.
func insertAudit(tx *gorm.DB, draftID, actorID int64, action string, from, to newsroom.Stage, note string, at time.Time) error {
	row := auditRow{ActorID: actorID, Action: action, FromStage: string(from), ToStage: string(to), Note: note, At: at}
	if draftID != 0 {
		row.DraftID = &draftID
	}
	return tx.Create(&row).Error
}

// Transition takes a workflow action on a draft. The stage change and its audit entry are
// written in one transaction.
func (s *Store) Transition(ctx context.Context, id int64, req newsroom.TransitionRequest) (*newsroom.Draft, error) {
	u, err := actor(ctx)
	if err != nil {
		return nil, err
	}
	action, note := req.Action, req.Note
	if _, err := newsroom.ParseAction(string(action)); err != nil {
		return nil, err
	}
	if err := newsroom.CheckString("note", note, newsroom.MaxNote); err != nil {
		return nil, err
	}
	var d *newsroom.Draft
	err = s.tx(ctx, func(tx *gorm.DB) error {
		v, err := s.lockDraft(tx, u, id)
		if err != nil {
			return err
		}
		if err := s.authz.Check(u, authz.Transition(action), v.Row.WriterID); err != nil {
			return err
		}
		from := newsroom.Stage(v.Row.Stage)
		to, err := newsroom.Next(from, action, note)
		if err != nil {
			return err
		}
		if err := pieceGate(action, v.draft().Text()); err != nil {
			return err
		}
		if err := quoteGate(tx, id, action); err != nil {
			return err
		}
		if action == newsroom.ActionApprove {
			if err := commentGate(tx, id, req.Force, note); err != nil {
				return err
			}
		}
		switch action {
		case newsroom.ActionPublish:
			if _, err := s.publishTx(tx, u, v, time.Time{}); err != nil {
				return err
			}
			v, err = findDraft(tx, u, id)
			d = v.draft()
			return err
		case newsroom.ActionSchedule:
			return newsroom.Errorf(newsroom.EINVALID, "to schedule a draft, publish it with a time in the future")
		}
		now := s.clock()
		changes := map[string]any{"stage": to, "updated_at": now}
		if from == newsroom.StageScheduled {
			changes["scheduled_at"], changes["scheduled_by"] = nil, nil
			v.Row.ScheduledAt = nil
		}
		if err := tx.Model(&draftRow{}).Where("id = ?", id).Updates(changes).Error; err != nil {
			return err
		}
		if err := insertAudit(tx, id, u.ID, string(action), from, to, note, now); err != nil {
			return err
		}
		v.Row.Stage, v.Row.UpdatedAt = string(to), now
		d = v.draft()
		return nil
	})
	return d, internal("transition", err)
}

func mustJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}
