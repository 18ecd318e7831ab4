package store

import (
	"context"
	"errors"

	"gorm.io/gorm"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/policy"
)

// SetEmail sets where user id's email notifications go, confirmed at once: a plain address,
// normalised (see newsroom.ParseEmail), or "" for none. It is for whoever may manage users (an
// admin, or the operator), who answers for the address; a person changes their own through
// RequestEmailChange, which waits for them to confirm it. An address waiting for the user to
// confirm is cancelled.
func (s *Store) SetEmail(ctx context.Context, id int64, email string) (EmailSet, error) {
	u, err := s.permitted(ctx, policy.UserManage)
	if err != nil {
		return EmailSet{}, err
	}
	var by int64 // 0 for the operator
	if u != nil {
		by = u.ID
	}
	addr, err := newsroom.ParseEmail(email)
	if err != nil {
		return EmailSet{}, err
	}
	var row userRow
	var old string
	err = s.tx(ctx, func(tx *gorm.DB) error {
		if err := tx.Take(&row, id).Error; err != nil {
			return err
		}
		if err := endEmailChanges(tx, id); err != nil {
			return err
		}
		if row.Email == addr {
			return nil
		}
		old, row.Email = row.Email, addr
		record(tx, userChanged(by, id, "set_email"))
		return tx.Model(&userRow{}).Where("id = ?", id).Update("email", addr).Error
	})
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return EmailSet{}, newsroom.Errorf(newsroom.ENOTFOUND, "user %d not found", id)
	}
	if err != nil {
		return EmailSet{}, internal("set email", err)
	}
	return EmailSet{User: row.user(), Old: old}, nil
}
