-- A fact-checker, or a script with their token, flipping one quote's verdict between verified
-- and disputed told the writer, their mailbox and every webhook of each dispute. dispute_told_at
-- is when a dispute of the quote was last told, and dispute_told_by whose it was, so that the
-- same person's next within newsroom.DisputeQuiet of it is told to nobody (another person's is
-- news); an edit of the quote's words or speaker clears both.

-- +goose Up
ALTER TABLE quotes ADD COLUMN dispute_told_at TIMESTAMP;
ALTER TABLE quotes ADD COLUMN dispute_told_by INTEGER REFERENCES users (id);

-- +goose Down
ALTER TABLE quotes DROP COLUMN dispute_told_by;
ALTER TABLE quotes DROP COLUMN dispute_told_at;
