package store

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"time"

	"gorm.io/gorm"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/policy"
)

// webhookRow is one row of the webhooks table.
type webhookRow struct {
	ID        int64
	Name      string
	URL       string
	Secret    string
	Kinds     string
	Active    bool
	CreatedBy int64
	CreatedAt time.Time
}

func (webhookRow) TableName() string { return "webhooks" }

func (r webhookRow) webhook() newsroom.Webhook {
	kinds := []newsroom.NotificationKind{}
	json.Unmarshal([]byte(r.Kinds), &kinds)
	return newsroom.Webhook{ID: r.ID, Name: r.Name, URL: r.URL, Kinds: kinds, Active: r.Active, CreatedAt: r.CreatedAt}
}

// webhookAdmin returns the acting user once they may manage webhooks: the newsroom's settings,
// which whoever manages its people manages.
func (s *Store) webhookAdmin(ctx context.Context) (*newsroom.User, error) {
	u, err := actor(ctx)
	if err != nil {
		return nil, err
	}
	return u, s.policy.Check(u, policy.UserManage, 0)
}

// CreateWebhook adds a webhook with a new random secret, which the answer holds: the only time
// anyone sees it. A newsroom has newsroom.MaxWebhooks at most, counted inside the transaction
// that adds one, which takes turns with the others (see lockWebhooks).
func (s *Store) CreateWebhook(ctx context.Context, nw newsroom.NewWebhook) (*newsroom.Webhook, error) {
	u, err := s.webhookAdmin(ctx)
	if err != nil {
		return nil, err
	}
	nw.Name, nw.URL = strings.TrimSpace(nw.Name), strings.TrimSpace(nw.URL)
	if err := nw.Validate(s.localHooks); err != nil {
		return nil, err
	}
	secret, err := randomToken()
	if err != nil {
		return nil, internal("create webhook", err)
	}
	if nw.Kinds == nil {
		nw.Kinds = []newsroom.NotificationKind{}
	}
	row := webhookRow{Name: nw.Name, URL: nw.URL, Secret: "whsec_" + secret, Kinds: mustJSON(nw.Kinds), Active: true,
		CreatedBy: u.ID, CreatedAt: s.clock()}
	err = s.tx(ctx, func(tx *gorm.DB) error {
		if err := s.lockWebhooks(tx); err != nil {
			return err
		}
		var have int64
		if err := tx.Model(&webhookRow{}).Count(&have).Error; err != nil {
			return err
		}
		if err := newsroom.CheckWebhookCount(have); err != nil {
			return err
		}
		return tx.Create(&row).Error
	})
	if err != nil {
		return nil, internal("create webhook", err)
	}
	w := row.webhook()
	w.Secret = row.Secret
	return &w, nil
}

// Webhooks lists every webhook, oldest first, without their secrets.
func (s *Store) Webhooks(ctx context.Context) ([]newsroom.Webhook, error) {
	if _, err := s.webhookAdmin(ctx); err != nil {
		return nil, err
	}
	var rows []webhookRow
	if err := s.read(ctx).Order("id").Find(&rows).Error; err != nil {
		return nil, internal("list webhooks", err)
	}
	out := make([]newsroom.Webhook, len(rows))
	for i, r := range rows {
		out[i] = r.webhook()
	}
	return out, nil
}

// Webhook returns one webhook, without its secret.
func (s *Store) Webhook(ctx context.Context, id int64) (*newsroom.Webhook, error) {
	if _, err := s.webhookAdmin(ctx); err != nil {
		return nil, err
	}
	r, err := findWebhook(s.read(ctx), id)
	if err != nil {
		return nil, internal("find webhook", err)
	}
	w := r.webhook()
	return &w, nil
}

// SetWebhookActive pauses a webhook (active false) or resumes it. A paused webhook gets no new
// deliveries; those already waiting wait until it resumes. A webhook whose URL this server
// would not take now (one to the local network, made before the operator disallowed it) may be
// paused but not resumed.
func (s *Store) SetWebhookActive(ctx context.Context, id int64, active bool) (*newsroom.Webhook, error) {
	if _, err := s.webhookAdmin(ctx); err != nil {
		return nil, err
	}
	var w newsroom.Webhook
	err := s.tx(ctx, func(tx *gorm.DB) error {
		r, err := findWebhook(tx, id)
		if err != nil {
			return err
		}
		if active {
			if err := newsroom.CheckWebhookURL(r.URL, s.localHooks); err != nil {
				return err
			}
		}
		r.Active = active
		w = r.webhook()
		return tx.Model(&webhookRow{}).Where("id = ?", id).Update("active", active).Error
	})
	return &w, internal("pause webhook", err)
}

// DeleteWebhook deletes a webhook with its deliveries, their attempts and repeat keys.
func (s *Store) DeleteWebhook(ctx context.Context, id int64) error {
	if _, err := s.webhookAdmin(ctx); err != nil {
		return err
	}
	return internal("delete webhook", s.tx(ctx, func(tx *gorm.DB) error {
		if _, err := findWebhook(tx, id); err != nil {
			return err
		}
		if err := tx.Exec("DELETE FROM delivery_attempts WHERE delivery_id IN (SELECT id FROM deliveries WHERE webhook_id = ?)", id).Error; err != nil {
			return err
		}
		if err := tx.Exec("DELETE FROM delivery_repeat_keys WHERE webhook_id = ?", id).Error; err != nil {
			return err
		}
		if err := tx.Exec(deleteSharedKeysSQL, id, id).Error; err != nil {
			return err
		}
		if err := tx.Exec("DELETE FROM deliveries WHERE webhook_id = ?", id).Error; err != nil {
			return err
		}
		return tx.Delete(&webhookRow{}, id).Error
	}))
}

// deleteSharedKeysSQL deletes the shared repeat keys (see postRepeatKeys) of webhook id's posts'
// events that no other webhook was posted of; its own keys go by their webhook_id first. Two
// statements, each through its index (delivery_repeat_keys_webhook, _event), where one with OR
// read every key.
const deleteSharedKeysSQL = `DELETE FROM delivery_repeat_keys WHERE webhook_id IS NULL AND event_id IN
	(SELECT d.event_id FROM deliveries d WHERE d.webhook_id = ? AND NOT EXISTS
		(SELECT 1 FROM deliveries o WHERE o.event_id = d.event_id AND o.channel = 'webhook' AND o.webhook_id <> ?))`

// WebhookTarget is where and how the worker posts to webhook id: its URL and secret, and
// whether it is active. It is the delivery worker's, and checks no user.
func (s *Store) WebhookTarget(ctx context.Context, id int64) (url, secret string, active bool, err error) {
	r, err := findWebhook(s.read(ctx), id)
	if err != nil {
		return "", "", false, internal("find webhook", err)
	}
	return r.URL, r.Secret, r.Active, nil
}

// WebhookDeliveries returns the newest deliveries to webhook id (at most limit), each with its
// attempts: the webhook's delivery log.
func (s *Store) WebhookDeliveries(ctx context.Context, id int64, limit int) ([]newsroom.DeliveryLog, error) {
	if _, err := s.webhookAdmin(ctx); err != nil {
		return nil, err
	}
	db := s.read(ctx)
	if _, err := findWebhook(db, id); err != nil {
		return nil, internal("webhook deliveries", err)
	}
	var rows []deliveryRow
	if err := db.Where("webhook_id = ?", id).Order("id DESC").Limit(limit).Find(&rows).Error; err != nil {
		return nil, internal("webhook deliveries", err)
	}
	out, err := deliveryLogs(db, rows)
	return out, internal("webhook deliveries", err)
}

func findWebhook(db *gorm.DB, id int64) (*webhookRow, error) {
	var r webhookRow
	err := db.Where("id = ?", id).Take(&r).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, newsroom.Errorf(newsroom.ENOTFOUND, "webhook %d not found", id)
	}
	return &r, err
}
