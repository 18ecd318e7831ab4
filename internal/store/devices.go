package store

import (
	"context"
	"errors"
	"time"

	"gorm.io/gorm"
)

// DeviceTTL is how long a device cookie is good for. A browser that signs in is given one: a
// random token, stored only as a hash, for that user (OWASP's "device cookies"). Its later
// sign-ins as that user are throttled per device rather than per address and per username
// (see throttleKeys), so that guesses at a user's password, from anywhere, never keep the
// user's own browser out. Every sign-in with it replaces it with a new one, and revoking the
// user's credentials ends it (see revokeCredentials).
const DeviceTTL = 90 * 24 * time.Hour

type deviceRow struct {
	ID        int64
	Hash      string
	UserID    int64
	Kind      deviceKind
	CreatedAt time.Time
	ExpiresAt time.Time
}

// deviceKind says whether a device is a browser's cookie or an API client's token: each kind is
// capped at maxDevices on its own.
type deviceKind string

const (
	browserDevice deviceKind = "browser"
	apiDevice     deviceKind = "api"
)

func (deviceRow) TableName() string { return "devices" }

// knownDevice returns the id of the device cookie device if it is live and was given to the
// user called username, and 0 otherwise.
func (s *Store) knownDevice(ctx context.Context, device, username string, now time.Time) (int64, error) {
	if device == "" || validUsername(username) != nil {
		return 0, nil
	}
	var row deviceRow
	err := s.read(ctx).Joins("JOIN users ON users.id = devices.user_id").
		Where("devices.hash = ? AND devices.expires_at > ? AND lower(users.username) = ?", hashToken(device), now, usernameKey(username)).
		Take(&row).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return 0, nil
	}
	return row.ID, internal("find device", err)
}

// maxDevices is the most device cookies, and the most device tokens, one user holds at once.
// Each sign-in without one makes one, kept for DeviceTTL: a script that signs in over the API
// every minute and never sends its token back would otherwise leave 130,000 rows. The oldest of
// the kind go first, so a script's sign-ins never end the user's browsers' cookies; a browser
// whose cookie went is throttled like a new one until it signs in again.
const maxDevices = 50

// renewDevice gives userID's browser or API client, as kind says, a new device cookie in place
// of the one it presented (replaced, 0 for none), ending the user's oldest of that kind beyond
// maxDevices, and returns the cookie's value.
func renewDevice(tx *gorm.DB, userID, replaced int64, kind deviceKind, now time.Time) (string, error) {
	token, err := randomToken()
	if err != nil {
		return "", err
	}
	if replaced != 0 {
		if err := tx.Delete(&deviceRow{}, replaced).Error; err != nil {
			return "", err
		}
	}
	if err := tx.Create(&deviceRow{Hash: hashToken(token), UserID: userID, Kind: kind, CreatedAt: now, ExpiresAt: now.Add(DeviceTTL)}).Error; err != nil {
		return "", err
	}
	return token, tx.Exec("DELETE FROM devices WHERE user_id = ? AND kind = ? AND id NOT IN (SELECT id FROM devices WHERE user_id = ? AND kind = ? ORDER BY id DESC LIMIT ?)",
		userID, kind, userID, kind, maxDevices).Error
}
