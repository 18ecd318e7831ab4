-- The quote ledger: every quotation the finder sees in a draft's brief and body, its check, and
-- the history of every change to it. Unclosed quotation marks are kept on the draft.

-- +goose Up
ALTER TABLE drafts ADD COLUMN quote_problems TEXT NOT NULL DEFAULT '[]';

-- A quote row is the ledger entry; removed_at is set when its quotation leaves the text (the
-- row stays for the history).
CREATE TABLE quotes (
    id          BIGSERIAL PRIMARY KEY,
    draft_id    BIGINT NOT NULL REFERENCES drafts (id),
    field       TEXT NOT NULL,
    text        TEXT NOT NULL,
    speaker     TEXT NOT NULL DEFAULT '',
    paragraph   BIGINT NOT NULL,
    start_pos   BIGINT NOT NULL,
    end_pos     BIGINT NOT NULL,
    status      TEXT NOT NULL DEFAULT 'unchecked'
                CHECK (status IN ('unchecked', 'verified', 'disputed', 'unverifiable')),
    note        TEXT NOT NULL DEFAULT '',
    source      TEXT NOT NULL DEFAULT '',
    checked_by  BIGINT REFERENCES users (id),
    checked_at  TIMESTAMPTZ,
    waived_by   BIGINT REFERENCES users (id),
    waived_at   TIMESTAMPTZ,
    waiver_note TEXT NOT NULL DEFAULT '',
    removed_at  TIMESTAMPTZ
);
CREATE INDEX quotes_draft ON quotes (draft_id, removed_at);

-- quote_events is the ledger's history: found, check, waive, reset (the words changed under a
-- check), moved field, removed. Append-only.
CREATE TABLE quote_events (
    id        BIGSERIAL PRIMARY KEY,
    quote_id  BIGINT NOT NULL REFERENCES quotes (id),
    draft_id  BIGINT NOT NULL REFERENCES drafts (id),
    version   BIGINT NOT NULL,
    event     TEXT NOT NULL,
    text      TEXT NOT NULL,
    status    TEXT NOT NULL,
    note      TEXT NOT NULL DEFAULT '',
    source    TEXT NOT NULL DEFAULT '',
    actor_id  BIGINT REFERENCES users (id),
    at        TIMESTAMPTZ NOT NULL
);
CREATE INDEX quote_events_draft ON quote_events (draft_id, id);

CREATE TRIGGER quote_events_append_only BEFORE UPDATE OR DELETE ON quote_events
    FOR EACH ROW EXECUTE FUNCTION append_only('quote history is append-only');
CREATE TRIGGER quote_events_append_only_truncate BEFORE TRUNCATE ON quote_events
    FOR EACH STATEMENT EXECUTE FUNCTION append_only('quote history is append-only');

-- +goose Down
DROP TABLE quote_events;
DROP TABLE quotes;
ALTER TABLE drafts DROP COLUMN quote_problems;
