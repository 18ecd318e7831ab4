-- A save that puts a copy of a checked quotation beside it, so that no text can tell the two
-- apart, takes the check back (quotes.doubtCopies). quote_doubts keeps the check it took back,
-- one row a quote, so that a save taking the copy out again (an undo) puts it back. A check
-- made, or the quote's words edited, since drops the row.

-- +goose Up
CREATE TABLE quote_doubts (
    quote_id        INTEGER PRIMARY KEY REFERENCES quotes (id) ON DELETE CASCADE,
    status          TEXT NOT NULL,
    note            TEXT NOT NULL,
    source          TEXT NOT NULL,
    checked_by      INTEGER REFERENCES users (id),
    checked_at      TIMESTAMP,
    checked_speaker TEXT NOT NULL,
    waived_by       INTEGER REFERENCES users (id),
    waived_at       TIMESTAMP,
    waiver_note     TEXT NOT NULL,
    not_quote_by    INTEGER REFERENCES users (id),
    not_quote_at    TIMESTAMP,
    not_quote_note  TEXT NOT NULL
);

-- +goose Down
DROP TABLE quote_doubts;
