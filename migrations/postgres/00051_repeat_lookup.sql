-- A delivery of a repeated mention or assignment (newsroom.Repeats) carries its repeat_key (the
-- kind, person, piece, actor and, for an assignment, desk), and deliveries_repeats lets the
-- outbox find the emails and webhook posts of the same one in the last hour. Held rounds write
-- no delivery, so the lookup's cost is bounded by the ones sent, not by the rounds held.

-- +goose Up
ALTER TABLE deliveries ADD COLUMN repeat_key TEXT NOT NULL DEFAULT '';
CREATE INDEX deliveries_repeats ON deliveries (repeat_key, created_at);

-- +goose Down
DROP INDEX deliveries_repeats;
ALTER TABLE deliveries DROP COLUMN repeat_key;
