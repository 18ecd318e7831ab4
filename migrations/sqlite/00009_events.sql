-- Events: every change the store makes (drafted, saved, transitioned, quote_checked, commented,
-- published, released, corrected, user_changed), recorded in the transaction that made it. Each
-- process delivers its own events to its listeners after commit, and reads the ones other
-- processes on the database wrote by id (see store.CatchUp). Beside the audit trail rather than
-- in it: the audit trail is the history readers see on a draft page, of workflow actions only,
-- while events also note saves, comments and changes to users, which have no place there.
-- Ids 0 mean none (no draft, no actor, no subject); there are no foreign keys, so that recording
-- an event never waits on a lock another writer holds on the row it names. origin is the
-- recording process's random name, so that it can skip its own events when it reads the table.

-- +goose Up
CREATE TABLE events (
    id         INTEGER PRIMARY KEY,
    kind       TEXT NOT NULL,
    draft_id   INTEGER NOT NULL DEFAULT 0,
    actor_id   INTEGER NOT NULL DEFAULT 0,
    subject_id INTEGER NOT NULL DEFAULT 0,
    action     TEXT NOT NULL DEFAULT '',
    stage      TEXT NOT NULL DEFAULT '',
    origin     TEXT NOT NULL,
    at         TIMESTAMP NOT NULL
);

-- Events are history, append-only like the audit trail: the database refuses to rewrite them.
-- +goose StatementBegin
CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
-- +goose StatementEnd

-- +goose Down
DROP TABLE events;
