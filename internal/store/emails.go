package store

import (
	"context"
	"errors"

	"gorm.io/gorm"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/policy"
)

// SetEmail sets where user id's email notifications go: a plain address, normalised (see
// newsroom.ParseEmail), or "" for none. A person sets their own; an admin, or the operator,
// anyone's.
func (s *Store) SetEmail(ctx context.Context, id int64, email string) (*newsroom.User, error) {
	by, err := s.mayChangeUser(ctx, id)
	if err != nil {
		return nil, err
	}
	addr, err := newsroom.ParseEmail(email)
	if err != nil {
		return nil, err
	}
	var row userRow
	err = s.tx(ctx, func(tx *gorm.DB) error {
		if err := tx.Take(&row, id).Error; err != nil {
			return err
		}
		if row.Email == addr {
			return nil
		}
		row.Email = addr
		record(tx, userChanged(by, id, "set_email"))
		return tx.Model(&userRow{}).Where("id = ?", id).Update("email", addr).Error
	})
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, newsroom.Errorf(newsroom.ENOTFOUND, "user %d not found", id)
	}
	if err != nil {
		return nil, internal("set email", err)
	}
	return row.user(), nil
}

// mayChangeUser checks that whoever ctx comes from may change user id's own settings: they are
// that user, or may manage users. It returns the acting user's id (0 for the operator).
func (s *Store) mayChangeUser(ctx context.Context, id int64) (int64, error) {
	if u := newsroom.UserFrom(ctx); u != nil && u.ID == id {
		return u.ID, nil
	}
	u, err := s.permitted(ctx, policy.UserManage)
	if err != nil || u == nil {
		return 0, err
	}
	return u.ID, nil
}
