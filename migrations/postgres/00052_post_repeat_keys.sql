-- A webhook's post of a comment, reply or note that mentions several people is one post counting
-- them, and it stands for each of them when the outbox looks for a repeated mention
-- (newsroom.RepeatQuiet): deliveries.repeat_key holds the first person's key, and
-- delivery_repeat_keys the others', with the post's time, found by key and time as
-- deliveries_repeats finds the first. Its primary key finds a post's keys when the post is
-- deleted with its webhook.

-- +goose Up
CREATE TABLE delivery_repeat_keys (
    delivery_id BIGINT NOT NULL REFERENCES deliveries (id),
    repeat_key  TEXT NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (delivery_id, repeat_key)
);
CREATE INDEX delivery_repeat_keys_key ON delivery_repeat_keys (repeat_key, created_at);

-- +goose Down
DROP TABLE delivery_repeat_keys;
