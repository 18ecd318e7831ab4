package store

import (
	"context"
	"errors"

	"gorm.io/gorm"

	"github.com/copydesk/copydesk/internal/authz"
	"github.com/copydesk/copydesk/internal/newsroom"
)

// Users lists every user, for admins.
func (s *Store) Users(ctx context.Context) ([]newsroom.User, error) {
	u, err := actor(ctx)
	if err != nil {
		return nil, err
	}
	if err := s.authz.Check(u, authz.UserManage, 0); err != nil {
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

// UpdateUser changes a user's role or disables them. A disabled user's sessions and tokens stop
// working at once (they are deleted, every lookup checks the flag, and this process forgets
// the credentials it remembered; another server's within credentialTTL). Admins cannot disable or
// demote themselves, so a newsroom never locks out its last admin by accident.
func (s *Store) UpdateUser(ctx context.Context, id int64, ch UserChange) (*newsroom.User, error) {
	u, err := actor(ctx)
	if err != nil {
		return nil, err
	}
	if err := s.authz.Check(u, authz.UserManage, 0); err != nil {
		return nil, err
	}
	if ch.Role != nil {
		if _, err := newsroom.ParseRole(string(*ch.Role)); err != nil {
			return nil, err
		}
	}
	if id == u.ID && (ch.Role != nil && *ch.Role != u.Role || ch.Disabled != nil && *ch.Disabled) {
		return nil, newsroom.Errorf(newsroom.ECONFLICT, "you cannot demote or disable yourself")
	}
	var row userRow
	defer s.creds.forget()
	err = s.tx(ctx, func(tx *gorm.DB) error {
		// The row lock (on PostgreSQL) makes two admins' changes to one user take turns.
		if err := s.forUpdate(tx, "users").Where("id = ?", id).Take(&row).Error; errors.Is(err, gorm.ErrRecordNotFound) {
			return newsroom.Errorf(newsroom.ENOTFOUND, "user %d not found", id)
		} else if err != nil {
			return err
		}
		changes := map[string]any{}
		if ch.Role != nil {
			changes["role"], row.Role = string(*ch.Role), string(*ch.Role)
		}
		if ch.Disabled != nil {
			changes["disabled"], row.Disabled = *ch.Disabled, *ch.Disabled
		}
		if len(changes) == 0 {
			return nil
		}
		if err := tx.Model(&userRow{}).Where("id = ?", id).Updates(changes).Error; err != nil {
			return err
		}
		if row.Disabled {
			if err := tx.Where("user_id = ?", id).Delete(&sessionRow{}).Error; err != nil {
				return err
			}
			return tx.Where("user_id = ?", id).Delete(&tokenRow{}).Error
		}
		return nil
	})
	if err != nil {
		return nil, internal("update user", err)
	}
	return row.user(), nil
}
