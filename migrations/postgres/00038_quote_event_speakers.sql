-- A checked quote is held to the speaker it was checked for: an edit that credits it to someone
-- else puts it back to unchecked (a verdict is on who said the words as much as on the words).
-- quotes.checked_speaker is who the finder credited the quote to when its verdict was given;
-- the speaker the finder reads now may differ, or be none while an edit has taken the
-- attribution away, without the check going. A quote's history names who the quote was
-- credited to at each event, and a "reattributed" event the speaker the check was made for.
-- Quotes checked before this migration were checked for the speaker they have now; events
-- recorded before it name none.

-- +goose Up
ALTER TABLE quote_events ADD COLUMN speaker TEXT NOT NULL DEFAULT '';
ALTER TABLE quotes ADD COLUMN checked_speaker TEXT NOT NULL DEFAULT '';
UPDATE quotes SET checked_speaker = speaker WHERE status <> 'unchecked';

-- +goose Down
ALTER TABLE quotes DROP COLUMN checked_speaker;
ALTER TABLE quote_events DROP COLUMN speaker;
