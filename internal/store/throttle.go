package store

import (
	"context"
	"fmt"
	"math"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/copydesk/copydesk/internal/newsroom"
)

type loginFailureRow struct {
	Key      string `gorm:"primaryKey"`
	Failures int
	LastAt   time.Time
}

func (loginFailureRow) TableName() string { return "login_failures" }

// Sign-in throttling: the first freeFailures wrong passwords counted against a key cost
// nothing; after that each attempt must wait twice as long as the one before, up to
// maxLoginWait, so that guessing a password is slow while a mistyping editor barely notices.
const (
	freeFailures = 5
	maxLoginWait = 5 * time.Minute
)

// loginWait is how long after the last failure the next attempt must wait.
func loginWait(failures int) time.Duration {
	if failures < freeFailures {
		return 0
	}
	d := time.Duration(math.Pow(2, float64(failures-freeFailures))) * time.Second
	return min(d, maxLoginWait)
}

// throttleKeys are the counters a sign-in attempt is charged to. An attempt from a browser
// holding a live device cookie for the username (device, see devices.go) is charged to that
// device alone, so that nobody else's guesses slow its owner down. Any other attempt is charged
// to the username from this address, and to the address. No counter is kept for a username
// alone: anyone could fill it and lock the owner out everywhere. The username is hashed into
// its key, so that what someone typed there (a password, now and then) is not kept, and no
// byte of it can upset PostgreSQL.
func throttleKeys(username, addr string, device int64) []string {
	if device != 0 {
		return []string{fmt.Sprintf("device:%d", device)}
	}
	keys := []string{"user+addr:" + hashToken(usernameKey(username)+"\n"+addr)}
	if addr != "" {
		keys = append(keys, "addr:"+addr)
	}
	return keys
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

// refundAttempt takes back the charge of an attempt that gave the right password: the first
// key's counter (the device's, or the username's from this address) is cleared; the address's
// only loses this attempt, since only time clears it, so that signing in to one's own account
// does not wipe a spray of guesses at others.
func (s *Store) refundAttempt(ctx context.Context, keys []string) error {
	return internal("refund sign-in attempt", s.tx(ctx, func(tx *gorm.DB) error {
		if err := tx.Where("key = ?", keys[0]).Delete(&loginFailureRow{}).Error; err != nil {
			return err
		}
		for _, k := range keys[1:] {
			err := tx.Model(&loginFailureRow{}).Where("key = ? AND failures > 0", k).Update("failures", gorm.Expr("failures - 1")).Error
			if err != nil {
				return err
			}
		}
		return nil
	}))
}
