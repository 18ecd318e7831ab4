-- A quote's history names who the quote was credited to at each event. An edit that credits a
-- checked quote to someone else puts it back to unchecked (a verdict is on who said the words
-- as much as on the words), and its "reattributed" event keeps the speaker the check was made
-- for. Events recorded before this migration name none.

-- +goose Up
ALTER TABLE quote_events ADD COLUMN speaker TEXT NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE quote_events DROP COLUMN speaker;
