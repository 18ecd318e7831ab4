package store

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"runtime"

	"golang.org/x/crypto/bcrypt"
	"gorm.io/gorm"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/policy"
)

// bcryptMax is the most of a password bcrypt can use: it reads 72 bytes and no more.
const bcryptMax = 72

// passwordKey is what bcrypt hashes for pw: pw itself when bcrypt can use all of it, else the
// base64 of its SHA-256 (44 bytes), so that every byte of a long passphrase counts instead of
// its first 72. Passwords of up to 72 bytes hash as they always did, so no stored hash changes.
func passwordKey(pw string) []byte {
	if len(pw) <= bcryptMax {
		return []byte(pw)
	}
	sum := sha256.Sum256([]byte(pw))
	return []byte(base64.StdEncoding.EncodeToString(sum[:]))
}

// bcryptShare is how many bcrypt computations a store runs at once: half the CPUs, at least
// one (see bcryptTurn).
func bcryptShare() int {
	return max(1, runtime.GOMAXPROCS(0)/2)
}

// bcryptTurn runs f, a bcrypt computation, once fewer than bcryptShare of them are running,
// or returns ECANCELED if ctx ends first. Each takes tens of milliseconds of a CPU by design,
// and anyone can start one by signing in: a crowd of sign-ins, from as many addresses as the
// throttle lets through, would otherwise hold every CPU, and every other request would wait
// with them. The sign-ins wait instead. A wait cut short by its request's end (its client left,
// or its deadline passed) is neither the server's fault nor the database's, whatever ctx's error
// says (see internal).
func (s *Store) bcryptTurn(ctx context.Context, f func()) error {
	select {
	case s.bcrypts <- struct{}{}:
	case <-ctx.Done():
		return newsroom.Errorf(newsroom.ECANCELED, "the request ended before its turn to check a password came; try again")
	}
	defer func() { <-s.bcrypts }()
	f()
	return nil
}

// hashPassword is how a password is stored, hashed in its bcrypt turn.
func (s *Store) hashPassword(ctx context.Context, pw string) (string, error) {
	var hash []byte
	var err error
	if err := s.bcryptTurn(ctx, func() { hash, err = bcrypt.GenerateFromPassword(passwordKey(pw), s.cost) }); err != nil {
		return "", err
	}
	if err != nil {
		return "", internal("hash password", err)
	}
	return string(hash), nil
}

// passwordMatches reports whether pw is the password hash was made from. It is a bcrypt
// computation: call it in a bcrypt turn.
func passwordMatches(hash, pw string) bool {
	return bcrypt.CompareHashAndPassword([]byte(hash), passwordKey(pw)) == nil
}

// permitted checks that whoever ctx comes from may take the granted action act: the machine's
// operator (see AsOperator) as far as the workflow grants the operator, or else the signed-in
// user. It returns that user, or nil for the operator.
func (s *Store) permitted(ctx context.Context, act string) (*newsroom.User, error) {
	if op, _ := ctx.Value(operatorKey{}).(bool); op {
		return nil, s.policy.CheckOperator(act)
	}
	u, err := actor(ctx)
	if err != nil {
		return nil, err
	}
	return u, s.policy.Check(u, act, 0)
}

// checkNewPassword applies the password rules to pw as the new password of username, who has
// role.
func (s *Store) checkNewPassword(pw, username string, role newsroom.Role) error {
	return newsroom.CheckPassword(pw, username, s.managesUsers(role))
}

// MinPasswordLength is the least number of characters u's password must have, for forms that
// say so before the password is sent.
func (s *Store) MinPasswordLength(u *newsroom.User) int {
	return newsroom.MinPasswordLength(s.managesUsers(u.Role))
}

// managesUsers reports whether the policy lets users with role manage users, whose passwords
// are held to the strict rules. It asks about the role rather than the user, so that a
// disabled admin's password still meets the admins' rules when they are enabled again.
func (s *Store) managesUsers(role newsroom.Role) bool {
	return s.policy.Can(&newsroom.User{Role: role}, policy.UserManage, 0)
}

// PasswordChange is a signed-in user's change of their own password. Keep is the session
// cookie or API token the change is made with: it stays signed in, and every other session and
// token of the user is revoked. Device is the device cookie of the browser making it, if any:
// it stays good, and every other device cookie of the user ends.
type PasswordChange struct {
	Current, New, Keep, Device string
}

// ChangePassword changes the acting user's password after checking their current one, and
// clears the need to change it. The hashing is done before the write transaction, which then
// changes the hash only if nobody changed it meanwhile.
func (s *Store) ChangePassword(ctx context.Context, ch PasswordChange) error {
	row, err := s.passwordAgain(ctx, ch.Current, "password changes", "the current password is wrong")
	if err != nil {
		return onField(err, "current")
	}
	if ch.New == ch.Current {
		return newsroom.Errorf(newsroom.EINVALID, "the new password must differ from the current one").With("field", "new")
	}
	if err := s.checkNewPassword(ch.New, row.Username, newsroom.Role(row.Role)); err != nil {
		return onField(err, "new")
	}
	hash, err := s.hashPassword(ctx, ch.New)
	if err != nil {
		return err
	}
	return internal("change password", s.tx(ctx, func(tx *gorm.DB) error {
		res := tx.Model(&userRow{}).Where("id = ? AND password_hash = ?", row.ID, row.PasswordHash).
			Updates(map[string]any{"password_hash": hash, "must_change_password": false})
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			return newsroom.Errorf(newsroom.ECONFLICT, "your password was changed meanwhile; sign in again")
		}
		record(tx, userChanged(row.ID, row.ID, "change_password"))
		_, err := revokeCredentials(tx, row.ID, kept{hashToken(ch.Keep), hashToken(ch.Device)})
		return err
	}))
}

// onField names field as the one err is about when err refuses what was typed in it (EINVALID),
// for a form to say why beside that field; any other error is returned as it is.
func onField(err error, field string) error {
	var e *newsroom.Error
	if errors.As(err, &e) && e.Code == newsroom.EINVALID {
		return e.With("field", field)
	}
	return err
}

// passwordAgain returns the acting user's row once they have given their password again, to
// change it or to make a token. The try is charged to the throttle before it is compared (see
// changeKeys), so that a stolen session cannot guess the password faster than sign-in could,
// and only to the user's own counter, so that strangers' guesses at their username, which hold
// up sign-ins from new browsers, never hold up a user already signed in; the right password
// clears the charge. A disabled user is refused, as at sign-in, from the row read here rather
// than the user in ctx: a request that was let in before an admin disabled them (or by another
// server's short memory of its credential) must not make them a token that works again the
// day they are enabled. Whoever acts as the user is signed in as them, so the refusal comes
// before the password, and costs neither a bcrypt turn nor a try. what names the tries in a
// refusal, and wrong is the message of a wrong password.
func (s *Store) passwordAgain(ctx context.Context, password, what, wrong string) (userRow, error) {
	var row userRow
	u, err := actor(ctx)
	if err != nil {
		return row, err
	}
	if err := s.read(ctx).Where("id = ?", u.ID).Take(&row).Error; errors.Is(err, gorm.ErrRecordNotFound) {
		return row, newsroom.Errorf(newsroom.EUNAUTHORIZED, "sign in first")
	} else if err != nil {
		return row, internal("find user", err)
	}
	if row.Disabled {
		return row, errDisabled()
	}
	keys := changeKeys(row.ID)
	if err := s.chargeAttempt(ctx, what, keys, s.clock()); err != nil {
		return row, err
	}
	var ok bool
	if err := s.bcryptTurn(ctx, func() { ok = passwordMatches(row.PasswordHash, password) }); err != nil {
		return row, s.unchargeAttempt(ctx, keys, err)
	}
	if !ok {
		return row, newsroom.Errorf(newsroom.EINVALID, "%s", wrong)
	}
	return row, s.refundAttempt(ctx, keys)
}

// ResetPassword gives user id a new random password, returned to the admin to hand over once,
// which the user must change at their next sign-in, and returns the user too. It signs them out
// everywhere, and forgets their failed sign-ins, so that the new password works at once. Admins change their own password with ChangePassword, which asks for the current
// one.
func (s *Store) ResetPassword(ctx context.Context, id int64) (*newsroom.User, string, error) {
	u, err := actor(ctx)
	if err != nil {
		return nil, "", err
	}
	if err := s.policy.Check(u, policy.UserManage, 0); err != nil {
		return nil, "", err
	}
	if id == u.ID {
		return nil, "", newsroom.Errorf(newsroom.ECONFLICT, "change your own password with your current one instead")
	}
	temporary := newsroom.RandomPassword()
	hash, err := s.hashPassword(ctx, temporary)
	if err != nil {
		return nil, "", err
	}
	var row userRow
	err = s.tx(ctx, func(tx *gorm.DB) error {
		locked, err := s.lockAdmins(tx, u.ID, id)
		if err != nil {
			return err
		}
		var ok bool
		if row, ok = locked[id]; !ok {
			return newsroom.Errorf(newsroom.ENOTFOUND, "user %d not found", id)
		}
		if err := s.stillManages(locked, u.ID); err != nil {
			return err
		}
		if err := tx.Model(&userRow{}).Where("id = ?", id).
			Updates(map[string]any{"password_hash": hash, "must_change_password": true}).Error; err != nil {
			return err
		}
		record(tx, userChanged(u.ID, id, "reset_password"))
		if err := clearSignInFailures(tx, row.Username); err != nil {
			return err
		}
		_, err = revokeCredentials(tx, id, kept{})
		return err
	})
	if err != nil {
		return nil, "", internal("reset password", err)
	}
	row.MustChangePassword = true
	return row.user(), temporary, nil
}

// SetPassword sets the password of username for the operator on the command line, the way back
// in for a newsroom whose last admin lost theirs. It clears the need to change it, forgets the
// user's failed sign-ins, and signs the user out everywhere (another server once it reads the
// event, see CatchUp).
func (s *Store) SetPassword(ctx context.Context, username, pw string) (*newsroom.User, error) {
	if op, _ := ctx.Value(operatorKey{}).(bool); !op {
		return nil, newsroom.Errorf(newsroom.EFORBIDDEN, "only the operator sets passwords directly")
	}
	if err := s.policy.CheckOperator(policy.UserManage); err != nil {
		return nil, err
	}
	var row userRow
	if err := takeUserNamed(s.read(ctx), username, &row); errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, newsroom.Errorf(newsroom.ENOTFOUND, "user %q not found", username)
	} else if err != nil {
		return nil, internal("find user", err)
	}
	if err := s.checkNewPassword(pw, row.Username, newsroom.Role(row.Role)); err != nil {
		return nil, err
	}
	hash, err := s.hashPassword(ctx, pw)
	if err != nil {
		return nil, err
	}
	err = s.tx(ctx, func(tx *gorm.DB) error {
		if err := tx.Model(&userRow{}).Where("id = ?", row.ID).
			Updates(map[string]any{"password_hash": hash, "must_change_password": false}).Error; err != nil {
			return err
		}
		record(tx, userChanged(0, row.ID, "set_password"))
		if err := clearSignInFailures(tx, row.Username); err != nil {
			return err
		}
		_, err := revokeCredentials(tx, row.ID, kept{})
		return err
	})
	if err != nil {
		return nil, internal("set password", err)
	}
	row.MustChangePassword = false
	return row.user(), nil
}

// kept is what a revocation spares, by hash: the session or API token a request came with,
// and the device cookie of the browser it came from. Empty hashes spare nothing.
type kept struct {
	credential, device string
}

// revokeCredentials ends every session, API token and device cookie of a user but those kept,
// inside tx, and returns how many sessions and tokens it ended. The caller records the
// user_changed event that makes every server forget the credentials it remembers. Device cookies end too, so that whoever held a stolen password or
// browser no longer passes the per-user sign-in throttle with one.
func revokeCredentials(tx *gorm.DB, userID int64, keep kept) (int64, error) {
	var gone int64
	for _, table := range credentialTables {
		res := tx.Exec("DELETE FROM "+table+" WHERE user_id = ? AND hash <> ?", userID, keep.credential)
		if res.Error != nil {
			return gone, res.Error
		}
		gone += res.RowsAffected
	}
	return gone, tx.Where("user_id = ? AND hash <> ?", userID, keep.device).Delete(&deviceRow{}).Error
}
