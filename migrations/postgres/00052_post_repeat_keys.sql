-- A webhook's post of a comment, reply or note that mentions several people is one post counting
-- them, and it stands for each of them when the outbox looks for a repeated mention
-- (newsroom.RepeatQuiet): deliveries.repeat_key holds the first person's key, and
-- delivery_repeat_keys the others', with the post's time, found by key and time as
-- deliveries_repeats finds the first. The key is the same whichever webhook posted, so a row
-- stands for every webhook's post of its event (event_id, the post's first mention): the rows
-- of a comment grow with the people it names, not with people times webhooks. Only a person
-- some webhooks were posted of lately, and so not posted of again, leaves the others a row
-- each, with its webhook_id. deliveries_posts finds the posts of an event; created_at's own
-- index serves the sweep of keys past the quiet, and event_id's and webhook_id's a webhook's
-- deletion.

-- +goose Up
CREATE TABLE delivery_repeat_keys (
    id         BIGSERIAL PRIMARY KEY,
    event_id   BIGINT NOT NULL,
    webhook_id BIGINT REFERENCES webhooks (id),
    repeat_key TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX delivery_repeat_keys_key ON delivery_repeat_keys (repeat_key, created_at);
CREATE INDEX delivery_repeat_keys_created ON delivery_repeat_keys (created_at);
CREATE INDEX delivery_repeat_keys_event ON delivery_repeat_keys (event_id);
CREATE INDEX delivery_repeat_keys_webhook ON delivery_repeat_keys (webhook_id) WHERE webhook_id IS NOT NULL;
CREATE INDEX deliveries_posts ON deliveries (event_id) WHERE channel = 'webhook';

-- +goose Down
DROP INDEX deliveries_posts;
DROP TABLE delivery_repeat_keys;
