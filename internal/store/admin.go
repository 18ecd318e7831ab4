package store

import (
	"context"

	"gorm.io/gorm"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/policy"
)

// Users lists every user, for admins.
func (s *Store) Users(ctx context.Context) ([]newsroom.User, error) {
	u, err := actor(ctx)
	if err != nil {
		return nil, err
	}
	if err := s.policy.Check(u, policy.UserManage, 0); err != nil {
		return nil, err
	}
	var rows []userRow
	if err := s.read(ctx).Order("username").Find(&rows).Error; err != nil {
		return nil, internal("list users", err)
	}
	out := make([]newsroom.User, len(rows))
	for i, r := range rows {
		out[i] = *r.user()
	}
	return out, nil
}

// UserChange is an admin's change to a user: a new role, or disabling and enabling.
type UserChange struct {
	Role     *newsroom.Role
	Disabled *bool
}

// UpdateUser changes a user's role or disables them. The desks they hold and may hold no more
// are left to nobody (see releaseDesks). A disabled user's sessions and tokens stop
// working at once (they are deleted, every lookup checks the flag, and the user_changed event
// makes this process forget the credentials it remembered, and another server once it reads
// the event). A user promoted to
// admin must choose a new password at their next sign-in, since theirs may be shorter than an
// admin's must be. Admins cannot disable or demote themselves, and no change may leave the
// newsroom without an active admin: the acting admin and every active admin are read again,
// and locked, inside the transaction, so two admins demoting each other at once take turns and
// the second is refused.
func (s *Store) UpdateUser(ctx context.Context, id int64, ch UserChange) (*newsroom.User, error) {
	u, err := actor(ctx)
	if err != nil {
		return nil, err
	}
	if err := s.policy.Check(u, policy.UserManage, 0); err != nil {
		return nil, err
	}
	if ch.Role != nil {
		if _, err := s.policy.ParseRole(string(*ch.Role)); err != nil {
			return nil, err
		}
	}
	if id == u.ID && (ch.Role != nil && *ch.Role != u.Role || ch.Disabled != nil && *ch.Disabled) {
		return nil, newsroom.Errorf(newsroom.ECONFLICT, "you cannot demote or disable yourself")
	}
	var after userRow
	err = s.tx(ctx, func(tx *gorm.DB) error {
		locked, err := s.lockAdmins(tx, u.ID, id)
		if err != nil {
			return err
		}
		before, ok := locked[id]
		if !ok {
			return newsroom.Errorf(newsroom.ENOTFOUND, "user %d not found", id)
		}
		after = ch.apply(before, s.managesUsers)
		if err := newsroom.CheckManagerRemains(s.activeManagers(locked), before.Username,
			s.policy.Manages(*before.user()), s.policy.Manages(*after.user())); err != nil {
			return err
		}
		if err := s.stillManages(locked, u.ID); err != nil {
			return err
		}
		if after == before {
			return nil
		}
		record(tx, userChanged(u.ID, id, "update_user"))
		err = tx.Model(&userRow{}).Where("id = ?", id).
			Updates(map[string]any{"role": after.Role, "disabled": after.Disabled, "must_change_password": after.MustChangePassword}).Error
		if err != nil {
			return err
		}
		if err := s.releaseDesks(tx, u, after.user()); err != nil || !after.Disabled {
			return err
		}
		_, err = revokeCredentials(tx, id, kept{})
		return err
	})
	if err != nil {
		return nil, internal("update user", err)
	}
	return after.user(), nil
}

// apply returns the user row r as the change leaves it. strict answers whether a role's
// passwords are held to the strict rules (see Store.managesUsers).
func (ch UserChange) apply(r userRow, strict func(newsroom.Role) bool) userRow {
	if ch.Role != nil {
		if newsroom.PasswordOutgrown(strict(newsroom.Role(r.Role)), strict(*ch.Role)) {
			r.MustChangePassword = true
		}
		r.Role = string(*ch.Role)
	}
	if ch.Disabled != nil {
		r.Disabled = *ch.Disabled
	}
	return r
}

// lockAdmins reads the users ids and every active user who may manage users inside tx, by id. On PostgreSQL it locks
// their rows, in id order so that two transactions never wait on each other, until tx ends: every
// change that could take away an admin takes turns with every other. SQLite's single writer
// already runs them one at a time.
func (s *Store) lockAdmins(tx *gorm.DB, ids ...int64) (map[int64]userRow, error) {
	var rows []userRow
	err := s.forUpdate(tx, "users").Where("id IN ? OR (role IN ? AND disabled = ?)", ids, s.policy.Managers(), false).
		Order("id").Find(&rows).Error
	if err != nil {
		return nil, err
	}
	out := make(map[int64]userRow, len(rows))
	for _, r := range rows {
		out[r.ID] = r
	}
	return out, nil
}

// activeManagers counts the locked users who may manage users.
func (s *Store) activeManagers(locked map[int64]userRow) int {
	n := 0
	for _, r := range locked {
		if s.policy.Manages(*r.user()) {
			n++
		}
	}
	return n
}

// stillManages checks that the acting user, as read again under lock, may still manage users:
// another admin may have demoted or disabled them since their request was authenticated.
func (s *Store) stillManages(locked map[int64]userRow, actorID int64) error {
	r, ok := locked[actorID]
	if !ok || r.Disabled || s.policy.Check(r.user(), policy.UserManage, 0) != nil {
		return newsroom.Errorf(newsroom.EFORBIDDEN, "your account is no longer an active admin")
	}
	return nil
}
