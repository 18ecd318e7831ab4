-- notifications_unread_repeat is what the outbox looks up for each mention or assignment it
-- plans (see repeatSQL in internal/store/outbox.go): a person's unread notification of a kind by
-- an actor on a piece, made since a time. Without it the lookup walks every unread notification
-- of the person, under the writer.

-- +goose Up
CREATE INDEX notifications_unread_repeat ON notifications (user_id, draft_id, kind, actor_id, created_at)
WHERE read_at IS NULL;

-- +goose Down
DROP INDEX notifications_unread_repeat;
