-- quote_events_quote lets a draft's page find the latest events of each of its quotes from the
-- newest back, count the older ones without reading their rows, and page back through one
-- quote's events, however many a quote has gathered.

-- +goose Up
CREATE INDEX quote_events_quote ON quote_events (draft_id, quote_id, id);

-- +goose Down
DROP INDEX quote_events_quote;
