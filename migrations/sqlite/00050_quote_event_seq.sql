-- seq is an event's place in its quote's history, the oldest 1: the number the history shows
-- beside it, written with the event (see sequenceQuoteEvents) so that no page counts a quote's
-- events to number them. Events written before it are numbered here in the order they were
-- written, the one update the append-only history lets through, with its trigger set aside for
-- it. A row written without one keeps 0, which no numbered event has.

-- +goose Up
ALTER TABLE quote_events ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;
DROP TRIGGER quote_events_append_only_update;
UPDATE quote_events SET seq = n.seq
FROM (SELECT id, ROW_NUMBER() OVER (PARTITION BY quote_id ORDER BY id) AS seq FROM quote_events) n
WHERE n.id = quote_events.id;
-- +goose StatementBegin
CREATE TRIGGER quote_events_append_only_update BEFORE UPDATE ON quote_events
BEGIN SELECT RAISE(ABORT, 'quote history is append-only'); END;
-- +goose StatementEnd

-- +goose Down
ALTER TABLE quote_events DROP COLUMN seq;
