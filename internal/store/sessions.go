package store

import (
	"context"
	"errors"
	"time"

	"gorm.io/gorm"

	"github.com/copydesk/copydesk/internal/newsroom"
)

type sessionRow struct {
	ID         int64
	Hash       string
	UserID     int64
	CSRF       string `gorm:"column:csrf"`
	CreatedAt  time.Time
	LastUsedAt time.Time
	ExpiresAt  time.Time
}

func (sessionRow) TableName() string { return "sessions" }

// sessionTTL is how long a web session lasts.
const sessionTTL = 12 * time.Hour

// SignInRequest is one sign-in: the username and password given, the client's address, and
// the device cookie the browser holds, or the device token the API client kept, if any (see
// DeviceTTL).
type SignInRequest struct {
	Username, Password string
	Addr               string
	Device             string
}

// WebSession is what a browser gets for signing in: the session cookie's value, the CSRF token
// of its forms, and its new device cookie. Only hashes of the cookies are stored.
type WebSession struct {
	Cookie, CSRF, Device string
	User                 *newsroom.User
}

// authenticate checks a sign-in's username and password, slowed after repeated failures (see
// throttleKeys). Each attempt is charged before the password is compared, inside one write
// transaction, so a burst of parallel guesses cannot all slip past the wait; a correct password
// refunds the charge, and an attempt that never compared its password is taken back (see
// unchargeAttempt). Unknown users cost as much time as known ones. Only someone who gave the
// right password learns that the account is disabled. It returns the user and the id of the
// live device cookie the browser presented for them (0 if none).
func (s *Store) authenticate(ctx context.Context, req SignInRequest) (*userRow, int64, error) {
	now := s.clock()
	device, err := s.knownDevice(ctx, req.Device, req.Username, now)
	if err != nil {
		return nil, 0, err
	}
	keys := throttleKeys(req.Username, req.Addr, device)
	if err := s.chargeAttempt(ctx, "sign-ins", keys, now); err != nil {
		return nil, 0, err
	}
	row, err := s.checkPassword(ctx, req.Username, req.Password)
	if code := newsroom.ErrorCode(err); code == newsroom.EUNAUTHORIZED {
		return nil, 0, err
	} else if code != "" {
		return nil, 0, s.unchargeAttempt(ctx, keys, err)
	}
	if err := s.refundAttempt(ctx, keys); err != nil {
		return nil, 0, err
	}
	if row.Disabled {
		return nil, 0, errDisabled()
	}
	return row, device, nil
}

// errDisabled refuses a disabled user who gave their password.
func errDisabled() error {
	return newsroom.Errorf(newsroom.EFORBIDDEN, "this account is disabled; ask an admin to enable it")
}

// checkPassword returns the user called username (in any case) if password is theirs. A name
// that no user can have is not looked up: it matches no one, and on PostgreSQL a NUL byte in it
// would fail the query.
func (s *Store) checkPassword(ctx context.Context, username, password string) (*userRow, error) {
	var row userRow
	err := gorm.ErrRecordNotFound
	if validUsername(username) == nil {
		err = byUsername(s.read(ctx), username).Take(&row).Error
	}
	known := err == nil
	if err != nil && !errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, internal("find user", err)
	}
	var ok bool
	err = s.bcryptTurn(ctx, func() {
		hash := row.PasswordHash
		if !known {
			hash = s.dummyHash()
		}
		ok = passwordMatches(hash, password) && known
	})
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, newsroom.Errorf(newsroom.EUNAUTHORIZED, "wrong username or password")
	}
	return &row, nil
}

// SignIn checks a browser's sign-in and starts a web session. A new session is made at every
// sign-in, so a session id planted before sign-in is never promoted; the browser's device
// cookie is replaced too.
func (s *Store) SignIn(ctx context.Context, req SignInRequest) (*WebSession, error) {
	row, device, err := s.authenticate(ctx, req)
	if err != nil {
		return nil, err
	}
	ws := &WebSession{User: row.user()}
	if ws.Cookie, err = randomToken(); err != nil {
		return nil, internal("make session", err)
	}
	if ws.CSRF, err = randomToken(); err != nil {
		return nil, internal("make session", err)
	}
	now := s.clock()
	err = s.tx(ctx, func(tx *gorm.DB) error {
		sess := sessionRow{Hash: hashToken(ws.Cookie), UserID: row.ID, CSRF: ws.CSRF, CreatedAt: now, LastUsedAt: now, ExpiresAt: now.Add(sessionTTL)}
		if err := tx.Create(&sess).Error; err != nil {
			return err
		}
		if err := limitSignIns(tx, row.ID, newsroom.CredentialSession); err != nil {
			return err
		}
		ws.Device, err = renewDevice(tx, row.ID, device, browserDevice, now)
		return err
	})
	if err != nil {
		return nil, internal("store session", err)
	}
	return ws, nil
}

// MaxSignIns is the most web sessions, and the most API tokens made by signing in, one user
// holds at once. Each sign-in makes one, kept for hours: a script that signs in over and over
// and never signs out would otherwise pile them up, in the user's list of sign-ins and in the
// credential cache (which forgets everyone's past 10,000).
const MaxSignIns = 100

// limitSignIns ends userID's sessions, or tokens made by signing in, beyond MaxSignIns, the
// least recently used first, so that a browser or client in daily use stays signed in. The
// tokens a user made and named on their account page are theirs to end. Ending any records the
// user_changed event that makes the credential cache forget them.
func limitSignIns(tx *gorm.DB, userID int64, kind newsroom.CredentialKind) error {
	table, mine := credentialTables[kind], "user_id = ?"
	if kind == newsroom.CredentialToken {
		mine += " AND name = ''"
	}
	res := tx.Exec("DELETE FROM "+table+" WHERE "+mine+" AND id NOT IN (SELECT id FROM "+table+" WHERE "+mine+
		" ORDER BY last_used_at DESC, id DESC LIMIT ?)", userID, userID, MaxSignIns)
	if res.Error == nil && res.RowsAffected > 0 {
		record(tx, userChanged(userID, userID, "sign_in_limit"))
	}
	return res.Error
}

// SessionUser returns the user of a live session and its CSRF token. Sessions of disabled users
// stop working at once. A session used again is not looked up again (see credentials).
func (s *Store) SessionUser(ctx context.Context, cookie string) (*newsroom.User, string, error) {
	e, err := s.remembered(ctx, newsroom.CredentialSession, cookie, func(hash string, now time.Time) (credential, error) {
		var v struct {
			Row          userRow   `gorm:"embedded"`
			CredentialID int64     `gorm:"column:credential_id"`
			CSRF         string    `gorm:"column:csrf"`
			ExpiresAt    time.Time `gorm:"column:expires_at"`
			LastUsedAt   time.Time `gorm:"column:last_used_at"`
		}
		err := s.read(ctx).Table("users").
			Select("users.*, sessions.id AS credential_id, sessions.csrf AS csrf, sessions.expires_at AS expires_at, sessions.last_used_at AS last_used_at").
			Joins("JOIN sessions ON sessions.user_id = users.id").
			Where("sessions.hash = ? AND sessions.expires_at > ? AND users.disabled = ?", hash, now, false).
			Take(&v).Error
		if errors.Is(err, gorm.ErrRecordNotFound) {
			return credential{}, newsroom.Errorf(newsroom.EUNAUTHORIZED, "your session has ended; sign in again")
		} else if err != nil {
			return credential{}, internal("find session", err)
		}
		return credential{id: v.CredentialID, user: *v.Row.user(), csrf: v.CSRF, expires: v.ExpiresAt, lastUsed: v.LastUsedAt}, nil
	})
	if err != nil {
		return nil, "", err
	}
	u := e.user
	return &u, e.csrf, nil
}

// SignOut ends a web session.
func (s *Store) SignOut(ctx context.Context, cookie string) error {
	return internal("sign out", s.tx(ctx, func(tx *gorm.DB) error {
		var sess sessionRow
		err := tx.Where("hash = ?", hashToken(cookie)).Take(&sess).Error
		if errors.Is(err, gorm.ErrRecordNotFound) {
			return nil
		} else if err != nil {
			return err
		}
		record(tx, userChanged(sess.UserID, sess.UserID, "sign_out"))
		return tx.Delete(&sess).Error
	}))
}

// failureMemory is how long a sign-in failure is remembered once it no longer makes anyone wait.
const failureMemory = 24 * time.Hour

// Prune deletes what can no longer be used: expired sessions, tokens and device cookies,
// sign-in failures older than failureMemory, email links expired emailChangeMemory ago, and
// repeat keys older than newsroom.RepeatQuiet (see pruneRepeatKeys), so that those tables do
// not grow without bound.
func (s *Store) Prune(ctx context.Context) error {
	now := s.clock()
	if err := s.pruneRepeatKeys(ctx, now); err != nil {
		return internal("prune repeat keys", err)
	}
	return internal("prune", s.tx(ctx, func(tx *gorm.DB) error {
		if err := tx.Where("expires_at <= ?", now).Delete(&sessionRow{}).Error; err != nil {
			return err
		}
		if err := tx.Where("expires_at <= ?", now).Delete(&tokenRow{}).Error; err != nil {
			return err
		}
		if err := tx.Where("expires_at <= ?", now).Delete(&deviceRow{}).Error; err != nil {
			return err
		}
		if err := tx.Where("expires_at <= ?", now.Add(-emailChangeMemory)).Delete(&emailChangeRow{}).Error; err != nil {
			return err
		}
		return tx.Where("last_at < ?", now.Add(-failureMemory)).Delete(&loginFailureRow{}).Error
	}))
}
