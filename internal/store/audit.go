package store

import (
	"encoding/json"
	"time"

	"gorm.io/gorm"

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
	_, err := addAudit(tx, draftID, actorID, action, from, to, note, at)
	return err
}

// addAudit is insertAudit returning the new entry's id, for a change that refers to it.
func addAudit(tx *gorm.DB, draftID, actorID int64, action string, from, to newsroom.Stage, note string, at time.Time) (int64, error) {
	var draft *int64
	if draftID != 0 {
		draft = &draftID
	}
	var id int64
	err := queryRowRaw(tx, insertAuditSQL, draft, actorID, action, string(from), string(to), note, at).Scan(&id)
	return id, err
}

// insertAuditSQL writes one entry of the audit trail, run without GORM (see execRaw): most write
// transactions run it while they hold the writer.
const insertAuditSQL = "INSERT INTO audit (draft_id, actor_id, action, from_stage, to_stage, note, at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id"

func mustJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}
