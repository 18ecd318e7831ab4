package store

import (
	"context"
	"strconv"

	"gorm.io/gorm"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/policy"
)

// The settings rows of email, each a key of the settings table.
const (
	keySMTPHost       = "smtp.host"
	keySMTPPort       = "smtp.port"
	keySMTPStartTLS   = "smtp.starttls"
	keySMTPUsername   = "smtp.username"
	keySMTPPassword   = "smtp.password"
	keySMTPFrom       = "smtp.from"
	keySMTPDigestHour = "smtp.digest_hour"
)

// DefaultDigestHour is the hour of the day, in the newsroom's time zone, the daily digest goes
// at when no admin chose another.
const DefaultDigestHour = 7

// MailSettings returns the mail settings an admin saved on the email settings page (the
// command line's, which win, are the server's to lay over them), for the mail channel. It needs
// no signed-in user: sending is the server's own business.
func (s *Store) MailSettings(ctx context.Context) (newsroom.MailSettings, error) {
	v, err := s.settingsLike(ctx, "smtp.%")
	if err != nil {
		return newsroom.MailSettings{}, internal("read mail settings", err)
	}
	port, _ := strconv.Atoi(v[keySMTPPort])
	return newsroom.MailSettings{Host: v[keySMTPHost], Port: port, StartTLS: newsroom.StartTLS(v[keySMTPStartTLS]),
		Username: v[keySMTPUsername], Password: newsroom.Secret(v[keySMTPPassword]), From: v[keySMTPFrom]}, nil
}

// DigestHour returns the hour of the day (0 to 23, in the newsroom's time zone) the daily
// digest goes at.
func (s *Store) DigestHour(ctx context.Context) (int, error) {
	v, err := s.settingsLike(ctx, keySMTPDigestHour)
	if err != nil {
		return 0, internal("read digest hour", err)
	}
	if h, err := strconv.Atoi(v[keySMTPDigestHour]); err == nil {
		return h, nil
	}
	return DefaultDigestHour, nil
}

// MailSettingsChange is what an admin saves on the email settings page. An empty Password
// keeps the one saved, unless ClearPassword.
type MailSettingsChange struct {
	Settings      newsroom.MailSettings
	ClearPassword bool
	DigestHour    int
}

// SaveMailSettings saves the mail settings, for whoever may manage the newsroom's settings.
// The command line's settings still win over them, field by field (see notify.Email.InForce).
func (s *Store) SaveMailSettings(ctx context.Context, ch MailSettingsChange) error {
	u, err := s.permitted(ctx, policy.SettingsManage)
	if err != nil {
		return err
	}
	set := ch.Settings.Normalize()
	if err := set.Check(); err != nil {
		return err
	}
	if ch.DigestHour < 0 || ch.DigestHour > 23 {
		return newsroom.Errorf(newsroom.EINVALID, "the digest hour must be between 0 and 23")
	}
	values := map[string]string{keySMTPHost: set.Host, keySMTPPort: strconv.Itoa(set.Port), keySMTPStartTLS: string(set.StartTLS),
		keySMTPUsername: set.Username, keySMTPFrom: set.From, keySMTPDigestHour: strconv.Itoa(ch.DigestHour)}
	if set.Password != "" || ch.ClearPassword {
		values[keySMTPPassword] = string(set.Password)
	}
	var by int64
	if u != nil {
		by = u.ID
	}
	now := s.clock()
	return internal("save mail settings", s.tx(ctx, func(tx *gorm.DB) error {
		for k, v := range values {
			if err := putSetting(tx, settingRow{Key: k, Value: v, UpdatedBy: by, UpdatedAt: now}); err != nil {
				return err
			}
		}
		return nil
	}))
}
