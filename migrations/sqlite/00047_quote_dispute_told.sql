-- A fact-checker, or a script with their token, flipping one quote's verdict between verified
-- and disputed told the writer, their mailbox and every webhook of each dispute. dispute_told_at
-- is when a dispute of the quote was last told, so that another within newsroom.DisputeQuiet of
-- it is told to nobody; an edit of the quote's words or speaker clears it.

-- +goose Up
ALTER TABLE quotes ADD COLUMN dispute_told_at TIMESTAMP;

-- +goose Down
ALTER TABLE quotes DROP COLUMN dispute_told_at;
