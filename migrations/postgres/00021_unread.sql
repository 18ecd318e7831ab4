-- The bell on every page counts a person's unread notifications. A partial index holds only the
-- unread, so the count reads those and not every notification the person ever had.

-- +goose Up
CREATE INDEX notifications_unread ON notifications (user_id) WHERE read_at IS NULL;

-- +goose Down
DROP INDEX notifications_unread;
