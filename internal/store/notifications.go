package store

import (
	"context"
	"errors"

	"gorm.io/gorm"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// The in-app notifications: each is delivered by being written (see planOutbox); these read
// them, newest first, and mark them read.

func (r notificationRow) notification() newsroom.Notification {
	return newsroom.Notification{ID: r.ID, UserID: r.UserID, EventID: r.EventID, Kind: newsroom.NotificationKind(r.Kind),
		DraftID: r.DraftID, ActorID: r.ActorID, Subject: r.Subject, Link: r.Link, CreatedAt: r.CreatedAt, ReadAt: r.ReadAt}
}

// NotificationPage is one page of a person's notifications, newest first. Next, when not 0, is
// the before of the next page.
type NotificationPage struct {
	Notifications []newsroom.Notification
	Next          int64
}

// Notifications returns the acting user's notifications older than before (all when 0), newest
// first, at most limit (50 when 0), only the unread ones when unread is set.
func (s *Store) Notifications(ctx context.Context, unread bool, before int64, limit int) (*NotificationPage, error) {
	u, err := actor(ctx)
	if err != nil {
		return nil, err
	}
	if limit <= 0 {
		limit = 50
	}
	q := s.read(ctx).Where("user_id = ?", u.ID)
	if unread {
		q = q.Where("read_at IS NULL")
	}
	if before > 0 {
		q = q.Where("id < ?", before)
	}
	var rows []notificationRow
	if err := q.Order("id DESC").Limit(limit + 1).Find(&rows).Error; err != nil {
		return nil, internal("notifications", err)
	}
	page := &NotificationPage{Notifications: []newsroom.Notification{}}
	if len(rows) > limit {
		rows = rows[:limit]
		page.Next = rows[limit-1].ID
	}
	for _, r := range rows {
		page.Notifications = append(page.Notifications, r.notification())
	}
	return page, nil
}

// UnreadCount is how many of the acting user's notifications are unread, for the bell.
func (s *Store) UnreadCount(ctx context.Context) (int64, error) {
	u, err := actor(ctx)
	if err != nil {
		return 0, err
	}
	var n int64
	err = s.queryRowPrepared(ctx, "SELECT COUNT(*) FROM notifications WHERE user_id = ? AND read_at IS NULL", u.ID).Scan(&n)
	return n, internal("count unread notifications", err)
}

// ReadNotification marks one of the acting user's notifications read and returns it; another
// person's is not found.
func (s *Store) ReadNotification(ctx context.Context, id int64) (*newsroom.Notification, error) {
	u, err := actor(ctx)
	if err != nil {
		return nil, err
	}
	var n newsroom.Notification
	err = s.tx(ctx, func(tx *gorm.DB) error {
		var r notificationRow
		err := tx.Where("id = ? AND user_id = ?", id, u.ID).Take(&r).Error
		if errors.Is(err, gorm.ErrRecordNotFound) {
			return newsroom.Errorf(newsroom.ENOTFOUND, "notification %d not found", id)
		} else if err != nil {
			return err
		}
		if r.ReadAt == nil {
			now := s.clock()
			r.ReadAt = &now
			if err := tx.Model(&notificationRow{}).Where("id = ?", id).Update("read_at", now).Error; err != nil {
				return err
			}
		}
		n = r.notification()
		return nil
	})
	return &n, internal("read notification", err)
}

// ReadAllNotifications marks every unread notification of the acting user read, and returns how
// many it marked.
func (s *Store) ReadAllNotifications(ctx context.Context) (int64, error) {
	u, err := actor(ctx)
	if err != nil {
		return 0, err
	}
	var n int64
	err = s.tx(ctx, func(tx *gorm.DB) error {
		res := tx.Model(&notificationRow{}).Where("user_id = ? AND read_at IS NULL", u.ID).Update("read_at", s.clock())
		n = res.RowsAffected
		return res.Error
	})
	return n, internal("read all notifications", err)
}
