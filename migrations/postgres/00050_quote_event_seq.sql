-- seq is an event's place in its quote's history, the oldest 1: the number the history shows
-- beside it, written with the event (see sequenceQuoteEvents) so that no page counts a quote's
-- events to number them. Events written before it are numbered here in the order they were
-- written, the one update the append-only history lets through, with its trigger set aside for
-- it; a row written without one is refused.

-- +goose Up
ALTER TABLE quote_events ADD COLUMN seq integer NOT NULL DEFAULT 0;
ALTER TABLE quote_events DISABLE TRIGGER quote_events_append_only;
UPDATE quote_events SET seq = n.seq
FROM (SELECT id, ROW_NUMBER() OVER (PARTITION BY quote_id ORDER BY id) AS seq FROM quote_events) n
WHERE n.id = quote_events.id;
ALTER TABLE quote_events ENABLE TRIGGER quote_events_append_only;
ALTER TABLE quote_events ALTER COLUMN seq DROP DEFAULT;

-- +goose Down
ALTER TABLE quote_events DROP COLUMN seq;
