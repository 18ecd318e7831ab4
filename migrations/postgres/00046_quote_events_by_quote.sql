-- quote_events_quote lets a draft's page read the latest events of each of its quotes, and count
-- the older ones, from the index alone, and page back through one quote's events, however many
-- a quote has gathered.

-- +goose Up
CREATE INDEX quote_events_quote ON quote_events (draft_id, quote_id, id);

-- +goose Down
DROP INDEX quote_events_quote;
