package store

import (
	"context"
	"errors"
	"sync"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/policy"
)

type settingRow struct {
	Key       string `gorm:"primaryKey"`
	Value     string
	UpdatedBy int64
	UpdatedAt time.Time
}

func (settingRow) TableName() string { return "settings" }

// zones keeps the time zones loaded by name: loading one reads the zone database from disk, and
// every page that shows a time asks for the newsroom's. A name names the same zone rules for as
// long as the process runs (the zone database is read once, as time.LoadLocation does), so an
// entry never goes stale; which zone the newsroom uses is a setting, read on its own, and a
// change to it is an event that drops what was made with the old one (see SetSetting). There are
// a few hundred zone names, which bounds it.
var zones sync.Map // name → *time.Location

// Setting returns the newsroom's setting key as it was last set, or ENOTFOUND when it never was.
func (s *Store) Setting(ctx context.Context, key string) (newsroom.Setting, error) {
	return s.setting(s.read(ctx), key)
}

// setting reads the setting key through db, which may be a transaction under way.
func (s *Store) setting(db *gorm.DB, key string) (newsroom.Setting, error) {
	var row settingRow
	err := db.Where("key = ?", key).Take(&row).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return newsroom.Setting{}, newsroom.Errorf(newsroom.ENOTFOUND, "the setting %s is not set", key)
	} else if err != nil {
		return newsroom.Setting{}, internal("read setting "+key, err)
	}
	return newsroom.Setting{Key: row.Key, Value: row.Value, UpdatedBy: row.UpdatedBy, UpdatedAt: row.UpdatedAt}, nil
}

// SetSetting sets the newsroom's setting key to value, as the acting user, who must be allowed
// to manage settings; the row keeps who set it and when, and the change is recorded as an
// event, so that every server drops what it made with the old value (public dates are shown in
// the time zone). The caller checks the value.
func (s *Store) SetSetting(ctx context.Context, key, value string) error {
	u, err := actor(ctx)
	if err != nil {
		return err
	}
	if err := s.policy.Check(u, policy.SettingsManage, 0); err != nil {
		return err
	}
	row := settingRow{Key: key, Value: value, UpdatedBy: u.ID, UpdatedAt: s.clock()}
	err = s.tx(ctx, func(tx *gorm.DB) error {
		if err := putSetting(tx, row); err != nil {
			return err
		}
		record(tx, settingsEvent(u.ID, key))
		return nil
	})
	return internal("set setting "+key, err)
}

// putSetting writes row inside tx, in place of the key's row if there is one.
func putSetting(tx *gorm.DB, row settingRow) error {
	return tx.Clauses(clause.OnConflict{Columns: []clause.Column{{Name: "key"}},
		DoUpdates: clause.AssignmentColumns([]string{"value", "updated_by", "updated_at"})}).Create(&row).Error
}

// settingsLike reads the settings whose keys match the SQL LIKE pattern (a group of them, such
// as the mail server's smtp.%), by key.
func (s *Store) settingsLike(ctx context.Context, pattern string) (map[string]string, error) {
	var rows []settingRow
	if err := s.read(ctx).Where("key LIKE ?", pattern).Find(&rows).Error; err != nil {
		return nil, err
	}
	out := make(map[string]string, len(rows))
	for _, r := range rows {
		out[r.Key] = r.Value
	}
	return out, nil
}

// TimeZone is the newsroom's time zone: the one an admin set, or else the store's default
// (Options.TimeZone), or else UTC. Every time the newsroom shows or counts by day (the budget,
// the inbox's "today", the digest's hour) is in this zone.
func (s *Store) TimeZone(ctx context.Context) (*time.Location, error) {
	return s.timeZone(s.read(ctx))
}

// timeZone is TimeZone read through db, which may be a transaction under way.
func (s *Store) timeZone(db *gorm.DB) (*time.Location, error) {
	set, err := s.setting(db, newsroom.SettingTimeZone)
	if newsroom.ErrorCode(err) == newsroom.ENOTFOUND {
		return s.zone, nil
	} else if err != nil {
		return s.zone, err
	}
	if loc, ok := zones.Load(set.Value); ok {
		return loc.(*time.Location), nil
	}
	loc, err := newsroom.ParseTimeZone(set.Value)
	if err != nil {
		return s.zone, internal("time zone", err)
	}
	zones.Store(set.Value, loc)
	return loc, nil
}

// SetTimeZone sets the newsroom's time zone to the IANA zone name, as the acting user.
func (s *Store) SetTimeZone(ctx context.Context, name string) error {
	if _, err := newsroom.ParseTimeZone(name); err != nil {
		return err
	}
	return s.SetSetting(ctx, newsroom.SettingTimeZone, name)
}
