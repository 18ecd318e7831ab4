package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// prefsRow is a person's choices of what comes by email. No row means the defaults (see
// newsroom.DefaultNotificationPrefs).
type prefsRow struct {
	UserID int64 `gorm:"primaryKey"`
	Email  string
	Digest bool
}

func (prefsRow) TableName() string { return "notification_prefs" }

// NotificationPrefs returns what the signed-in user chose to get by email.
func (s *Store) NotificationPrefs(ctx context.Context) (newsroom.NotificationPrefs, error) {
	u, err := actor(ctx)
	if err != nil {
		return newsroom.NotificationPrefs{}, err
	}
	p, err := prefsOf(s.read(ctx), u.ID)
	return p, internal("read notification choices", err)
}

// SetNotificationPrefs records what the signed-in user chooses to get by email, and returns it
// as kept (in the account page's order).
func (s *Store) SetNotificationPrefs(ctx context.Context, p newsroom.NotificationPrefs) (newsroom.NotificationPrefs, error) {
	u, err := actor(ctx)
	if err != nil {
		return p, err
	}
	if p, err = p.Normalize(); err != nil {
		return p, err
	}
	kinds, err := json.Marshal(p.Email)
	if err != nil {
		return p, internal("encode notification choices", err)
	}
	row := prefsRow{UserID: u.ID, Email: string(kinds), Digest: p.Digest}
	err = s.tx(ctx, func(tx *gorm.DB) error {
		return tx.Clauses(clause.OnConflict{Columns: []clause.Column{{Name: "user_id"}}, UpdateAll: true}).Create(&row).Error
	})
	return p, internal("save notification choices", err)
}

// prefsOf reads user id's choices on db (a transaction or a read), the defaults if they never
// chose.
func prefsOf(db *gorm.DB, id int64) (newsroom.NotificationPrefs, error) {
	var row prefsRow
	err := db.Where("user_id = ?", id).Take(&row).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return newsroom.DefaultNotificationPrefs(), nil
	}
	if err != nil {
		return newsroom.NotificationPrefs{}, err
	}
	p := newsroom.NotificationPrefs{Digest: row.Digest}
	if err := json.Unmarshal([]byte(row.Email), &p.Email); err != nil {
		return p, fmt.Errorf("notification choices of user %d: %w", id, err)
	}
	return p, nil
}
