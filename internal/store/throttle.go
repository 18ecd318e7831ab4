package store

import (
	"context"
	"fmt"
	"math"
	"net/netip"
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

// throttleRule is how a counter slows attempts: the first free failures counted against it
// cost nothing; after that each attempt must wait twice as long as the one before, up to max,
// so that guessing a password is slow while a mistyping editor barely notices.
type throttleRule struct {
	free int
	max  time.Duration
}

// wait is how long after the last failure the next attempt must wait.
func (r throttleRule) wait(failures int) time.Duration {
	if failures < r.free {
		return 0
	}
	d := time.Duration(math.Pow(2, float64(min(failures-r.free, 30)))) * time.Second
	return min(d, r.max)
}

// The rules of the counters. perClient holds a username from one address, an address, a
// device, and the password changes of a user. perUser holds a username from anywhere: it is
// looser, since anyone can fill it and the owner's new browsers then wait too, but it makes a
// guesser who rotates addresses as slow as one who does not.
var (
	perClient = throttleRule{free: 5, max: 5 * time.Minute}
	perUser   = throttleRule{free: 20, max: 15 * time.Minute}
)

// throttleKey is one counter an attempt is charged to, and its rule.
type throttleKey struct {
	name string
	rule throttleRule
}

// throttleKeys are the counters a sign-in attempt is charged to. An attempt from a browser
// holding a live device cookie for the username (device, see devices.go) is charged to that
// device alone, so that nobody else's guesses slow its owner down. Any other attempt is charged
// to the username from this address, to the address, and to the username alone (perUser). The
// username is hashed into its keys, so that what someone typed there (a password, now and
// then) is not kept, and no byte of it can upset PostgreSQL; the username's keys begin with
// its hash, so that they can be cleared together (see clearSignInFailures).
func throttleKeys(username, addr string, device int64) []throttleKey {
	if device != 0 {
		return []throttleKey{{fmt.Sprintf("device:%d", device), perClient}}
	}
	addr = addressKey(addr)
	user := hashToken(usernameKey(username))
	keys := []throttleKey{{"user+addr:" + user + "|" + hashToken(addr), perClient}}
	if addr != "" {
		keys = append(keys, throttleKey{"addr:" + addr, perClient})
	}
	return append(keys, throttleKey{"user:" + user, perUser})
}

// clearSignInFailures forgets, through tx, the failed sign-ins counted against username, from
// anywhere: once an admin or the operator has given its user a new password, the user signs in
// with it at once, rather than waiting out the guesses or mistypings that had them locked out.
// What counts against an address, for every username, stays.
func clearSignInFailures(tx *gorm.DB, username string) error {
	user := hashToken(usernameKey(username))
	return tx.Exec("DELETE FROM login_failures WHERE key = ? OR key LIKE ?", "user:"+user, "user+addr:"+user+"|%").Error
}

// addressKey is what an address is counted as: an IPv4 address whole, an IPv6 address by its
// /64, since one subscriber commonly holds a whole /64 and could otherwise guess from 2^64
// addresses. Anything else is counted as it is.
func addressKey(addr string) string {
	ip, err := netip.ParseAddr(addr)
	if err != nil {
		return addr
	}
	if ip = ip.Unmap(); ip.Is4() {
		return ip.String()
	}
	p, err := ip.WithZone("").Prefix(64)
	if err != nil {
		return addr
	}
	return p.String()
}

// changeKeys are the counters a signed-in user's giving their password again (to change it, or
// to make a token) is charged to: its user's, since guessing the password there is as good as
// guessing it at sign-in.
func changeKeys(userID int64) []throttleKey {
	return []throttleKey{{fmt.Sprintf("change:%d", userID), perClient}}
}

// chargeAttempt refuses an attempt while a counter still makes it wait, saying "too many
// failed" what, and otherwise counts it against every key, in one transaction.
func (s *Store) chargeAttempt(ctx context.Context, what string, keys []throttleKey, now time.Time) error {
	names, rules := make([]string, len(keys)), make(map[string]throttleRule, len(keys))
	for i, k := range keys {
		names[i], rules[k.name] = k.name, k.rule
	}
	return internal("charge attempt", s.tx(ctx, func(tx *gorm.DB) error {
		// Every key gets a row first, so that on PostgreSQL the rows can be locked and parallel
		// attempts take turns; SQLite's single writer already runs them one at a time.
		for _, k := range names {
			if err := tx.Clauses(clause.OnConflict{DoNothing: true}).Create(&loginFailureRow{Key: k, LastAt: now}).Error; err != nil {
				return err
			}
		}
		var fails []loginFailureRow
		if err := s.forUpdate(tx, "login_failures").Where("key IN ?", names).Find(&fails).Error; err != nil {
			return err
		}
		for _, f := range fails {
			// A counter with free tries left makes nobody wait, whatever its last failure's time:
			// on PostgreSQL attempts run side by side, and one that read the time before another
			// recorded its failure would read a wait from it.
			w := rules[f.Key].wait(f.Failures)
			if wait := f.LastAt.Add(w).Sub(now); w > 0 && wait > 0 {
				secs, unit := int(math.Ceil(wait.Seconds())), "seconds"
				if secs == 1 {
					unit = "second"
				}
				return newsroom.Errorf(newsroom.ETOOMANY, "too many failed %s; try again in %d %s", what, secs, unit).With("retry_after", secs)
			}
		}
		return tx.Model(&loginFailureRow{}).Where("key IN ?", names).
			Updates(map[string]any{"failures": gorm.Expr("failures + 1"), "last_at": now}).Error
	}))
}

// refundAttempt takes back the charge of an attempt that gave the right password: the first
// key's counter (the device's, the username's from this address, or the password changes')
// is cleared; the others (the address's and the username's alone) only lose this attempt,
// since only time clears them, so that signing in to one's own account does not wipe a spray
// of guesses at others, nor the owner's sign-in a guesser's tally. A counter back at nought
// is deleted: it makes nobody wait.
func (s *Store) refundAttempt(ctx context.Context, keys []throttleKey) error {
	return internal("refund attempt", s.tx(ctx, func(tx *gorm.DB) error {
		if err := tx.Where("key = ?", keys[0].name).Delete(&loginFailureRow{}).Error; err != nil {
			return err
		}
		return uncount(tx, keys[1:])
	}))
}

// unchargeAttempt takes back the charge of an attempt whose password was never compared (its
// request ended while it waited for a bcrypt turn, or its user could not be read), and returns
// cause, why the attempt failed, or else why the charge could not be taken back. Such an
// attempt guessed nothing, so it must not make its user wait; and it is taken off every counter
// by one and no more, unlike a right password's refund, so that a guesser who gives up on
// attempts clears nothing. It runs whether or not ctx has ended: the end of the request is the
// usual reason for it.
func (s *Store) unchargeAttempt(ctx context.Context, keys []throttleKey, cause error) error {
	if err := s.tx(context.WithoutCancel(ctx), func(tx *gorm.DB) error { return uncount(tx, keys) }); err != nil {
		return internal("take back attempt", err)
	}
	return cause
}

// uncount takes one attempt off the counters of keys, through tx, and deletes those it leaves
// at nought: they make nobody wait.
func uncount(tx *gorm.DB, keys []throttleKey) error {
	names := make([]string, 0, len(keys))
	for _, k := range keys {
		names = append(names, k.name)
	}
	if len(names) == 0 {
		return nil
	}
	err := tx.Model(&loginFailureRow{}).Where("key IN ? AND failures > 0", names).Update("failures", gorm.Expr("failures - 1")).Error
	if err != nil {
		return err
	}
	return tx.Where("key IN ? AND failures = 0", names).Delete(&loginFailureRow{}).Error
}
