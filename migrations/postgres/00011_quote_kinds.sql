-- The quote ledger keeps what each quotation does in the text, as the finder reads it: a
-- statement, a term (scare quotes, a word used as a word) or a title (a work, a sign, a slogan),
-- and a short reason. Entries found before stay statements until their draft is next saved.
-- A fact-checker may find an entry is no quotation at all; who, when and why are kept with it.

-- +goose Up
ALTER TABLE quotes ADD COLUMN kind TEXT NOT NULL DEFAULT 'statement'
    CHECK (kind IN ('statement', 'term', 'title'));
ALTER TABLE quotes ADD COLUMN kind_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE quotes ADD COLUMN not_quote_by BIGINT REFERENCES users (id);
ALTER TABLE quotes ADD COLUMN not_quote_at TIMESTAMPTZ;
ALTER TABLE quotes ADD COLUMN not_quote_note TEXT NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE quotes DROP COLUMN not_quote_note;
ALTER TABLE quotes DROP COLUMN not_quote_at;
ALTER TABLE quotes DROP COLUMN not_quote_by;
ALTER TABLE quotes DROP COLUMN kind_reason;
ALTER TABLE quotes DROP COLUMN kind;
