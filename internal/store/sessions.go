package store

import (
	"context"
	"errors"
	"math"
	"strings"
	"time"

	"golang.org/x/crypto/bcrypt"
	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/copydesk/copydesk/internal/newsroom"
)

type sessionRow struct {
	ID        int64
	Hash      string
	UserID    int64
	CSRF      string `gorm:"column:csrf"`
	CreatedAt time.Time
	ExpiresAt time.Time
}

func (sessionRow) TableName() string { return "sessions" }

type loginFailureRow struct {
	Key      string `gorm:"primaryKey"`
	Failures int
	LastAt   time.Time
}

func (loginFailureRow) TableName() string { return "login_failures" }

// Sign-in throttling: the first freeFailures wrong passwords for a user, or from an address,
// cost nothing; after that each attempt must wait twice as long as the one before, up to
// maxLoginWait, so that guessing a password is slow while a mistyping editor barely notices.
const (
	freeFailures = 5
	maxLoginWait = 5 * time.Minute
	sessionTTL   = 12 * time.Hour
)

// loginWait is how long after the last failure the next attempt must wait.
func loginWait(failures int) time.Duration {
	if failures < freeFailures {
		return 0
	}
	d := time.Duration(math.Pow(2, float64(failures-freeFailures))) * time.Second
	return min(d, maxLoginWait)
}

func throttleKeys(username, addr string) []string {
	keys := []string{"user:" + strings.ToLower(username)}
	if addr != "" {
		keys = append(keys, "addr:"+addr)
	}
	return keys
}

// authenticate checks a username and password, slowed per user and per address after repeated
// failures. Each attempt is charged to both counters before the password is compared, inside
// one write transaction, so a burst of parallel guesses cannot all slip past the wait; a
// correct password refunds the charge and clears the user's counter (not the address's, which
// only time clears, so that signing in to one's own account does not reset a spray of guesses).
// Unknown users cost as much time as known ones. Only someone who gave the right password
// learns that the account is disabled.
func (s *Store) authenticate(ctx context.Context, username, password, addr string) (*userRow, error) {
	keys := throttleKeys(username, addr)
	now := s.clock()
	if err := s.chargeAttempt(ctx, keys, now); err != nil {
		return nil, err
	}
	// A name that no user can have is not looked up: it matches no one, and on PostgreSQL a NUL
	// byte in it would fail the query.
	var row userRow
	err := gorm.ErrRecordNotFound
	if validUsername(username) == nil {
		err = byUsername(s.read(ctx), username).Take(&row).Error
	}
	if errors.Is(err, gorm.ErrRecordNotFound) {
		_ = bcrypt.CompareHashAndPassword(dummyHash, []byte(password))
	} else if err != nil {
		return nil, internal("find user", err)
	}
	if err != nil || bcrypt.CompareHashAndPassword([]byte(row.PasswordHash), []byte(password)) != nil {
		return nil, newsroom.Errorf(newsroom.EUNAUTHORIZED, "wrong username or password")
	}
	err = s.tx(ctx, func(tx *gorm.DB) error {
		if err := tx.Where("key = ?", keys[0]).Delete(&loginFailureRow{}).Error; err != nil {
			return err
		}
		if len(keys) > 1 {
			return tx.Model(&loginFailureRow{}).Where("key = ? AND failures > 0", keys[1]).
				Update("failures", gorm.Expr("failures - 1")).Error
		}
		return nil
	})
	if err != nil {
		return nil, internal("refund sign-in attempt", err)
	}
	if row.Disabled {
		return nil, newsroom.Errorf(newsroom.EFORBIDDEN, "this account is disabled; ask an admin to enable it")
	}
	return &row, nil
}

// chargeAttempt refuses an attempt while a counter still makes it wait, and otherwise counts it
// against every key, in one transaction.
func (s *Store) chargeAttempt(ctx context.Context, keys []string, now time.Time) error {
	return internal("charge sign-in attempt", s.tx(ctx, func(tx *gorm.DB) error {
		// Every key gets a row first, so that on PostgreSQL the rows can be locked and parallel
		// attempts take turns; SQLite's single writer already runs them one at a time.
		for _, k := range keys {
			if err := tx.Clauses(clause.OnConflict{DoNothing: true}).Create(&loginFailureRow{Key: k, LastAt: now}).Error; err != nil {
				return err
			}
		}
		var fails []loginFailureRow
		if err := s.forUpdate(tx, "login_failures").Where("key IN ?", keys).Find(&fails).Error; err != nil {
			return err
		}
		for _, f := range fails {
			if wait := f.LastAt.Add(loginWait(f.Failures)).Sub(now); wait > 0 {
				secs := int(math.Ceil(wait.Seconds()))
				return newsroom.Errorf(newsroom.ETOOMANY, "too many failed sign-ins; try again in %d seconds", secs).With("retry_after", secs)
			}
		}
		return tx.Model(&loginFailureRow{}).Where("key IN ?", keys).
			Updates(map[string]any{"failures": gorm.Expr("failures + 1"), "last_at": now}).Error
	}))
}

// SignIn checks a username and password and starts a web session. It returns the session's
// cookie value and its CSRF token; only a hash of the cookie value is stored. A new session is
// made at every sign-in, so a session id planted before sign-in is never promoted.
func (s *Store) SignIn(ctx context.Context, username, password, addr string) (cookie, csrf string, u *newsroom.User, err error) {
	row, err := s.authenticate(ctx, username, password, addr)
	if err != nil {
		return "", "", nil, err
	}
	if cookie, err = randomToken(); err != nil {
		return "", "", nil, internal("make session", err)
	}
	if csrf, err = randomToken(); err != nil {
		return "", "", nil, internal("make session", err)
	}
	now := s.clock()
	sess := sessionRow{Hash: hashToken(cookie), UserID: row.ID, CSRF: csrf, CreatedAt: now, ExpiresAt: now.Add(sessionTTL)}
	if err := s.tx(ctx, func(tx *gorm.DB) error { return tx.Create(&sess).Error }); err != nil {
		return "", "", nil, internal("store session", err)
	}
	return cookie, csrf, row.user(), nil
}

// SessionUser returns the user of a live session and its CSRF token. Sessions of disabled users
// stop working at once. A session used again within credentialTTL is not looked up again.
func (s *Store) SessionUser(ctx context.Context, cookie string) (*newsroom.User, string, error) {
	e, err := s.remembered(kindSession, cookie, func(hash string, now time.Time) (credential, error) {
		var v struct {
			Row       userRow   `gorm:"embedded"`
			CSRF      string    `gorm:"column:csrf"`
			ExpiresAt time.Time `gorm:"column:expires_at"`
		}
		err := s.read(ctx).Table("users").Select("users.*, sessions.csrf AS csrf, sessions.expires_at AS expires_at").
			Joins("JOIN sessions ON sessions.user_id = users.id").
			Where("sessions.hash = ? AND sessions.expires_at > ? AND users.disabled = ?", hash, now, false).
			Take(&v).Error
		if errors.Is(err, gorm.ErrRecordNotFound) {
			return credential{}, newsroom.Errorf(newsroom.EUNAUTHORIZED, "your session has ended; sign in again")
		} else if err != nil {
			return credential{}, internal("find session", err)
		}
		return credential{user: *v.Row.user(), csrf: v.CSRF, expires: v.ExpiresAt}, nil
	})
	if err != nil {
		return nil, "", err
	}
	u := e.user
	return &u, e.csrf, nil
}

// SignOut ends a web session.
func (s *Store) SignOut(ctx context.Context, cookie string) error {
	defer s.creds.forget()
	return internal("sign out", s.tx(ctx, func(tx *gorm.DB) error {
		return tx.Where("hash = ?", hashToken(cookie)).Delete(&sessionRow{}).Error
	}))
}

// failureMemory is how long a sign-in failure is remembered once it no longer makes anyone wait.
const failureMemory = 24 * time.Hour

// Prune deletes what can no longer be used: expired sessions and tokens, and sign-in failures
// older than failureMemory, so that those tables do not grow without bound.
func (s *Store) Prune(ctx context.Context) error {
	now := s.clock()
	return internal("prune", s.tx(ctx, func(tx *gorm.DB) error {
		if err := tx.Where("expires_at <= ?", now).Delete(&sessionRow{}).Error; err != nil {
			return err
		}
		if err := tx.Where("expires_at <= ?", now).Delete(&tokenRow{}).Error; err != nil {
			return err
		}
		return tx.Where("last_at < ?", now.Add(-failureMemory)).Delete(&loginFailureRow{}).Error
	}))
}
