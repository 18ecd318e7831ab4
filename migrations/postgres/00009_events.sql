-- Events: every change the store makes (drafted, saved, transitioned, quote_checked, commented,
-- published, released, corrected, user_changed), recorded in the transaction that made it. Each
-- process delivers its own events to its listeners after commit, and reads the ones other
-- processes on the database wrote by id (see store.CatchUp). Beside the audit trail rather than
-- in it: the audit trail is the history readers see on a draft page, of workflow actions only,
-- while events also note saves, comments and changes to users, which have no place there.
-- Ids 0 mean none (no draft, no actor, no subject); there are no foreign keys, so that recording
-- an event never waits on a lock another writer holds on the row it names. origin is the
-- recording process's random name, so that it can skip its own events when it reads the table.
-- (PostgreSQL; the SQLite schema is ../sqlite/00009_events.sql.)

-- +goose Up
CREATE TABLE events (
    id         BIGSERIAL PRIMARY KEY,
    kind       TEXT NOT NULL,
    draft_id   BIGINT NOT NULL DEFAULT 0,
    actor_id   BIGINT NOT NULL DEFAULT 0,
    subject_id BIGINT NOT NULL DEFAULT 0,
    action     TEXT NOT NULL DEFAULT '',
    stage      TEXT NOT NULL DEFAULT '',
    origin     TEXT NOT NULL,
    at         TIMESTAMPTZ NOT NULL
);

-- Events are history, append-only like the audit trail: the database refuses to rewrite them
-- (append_only is 00001's).
CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events
    FOR EACH ROW EXECUTE FUNCTION append_only('events are append-only');
CREATE TRIGGER events_append_only_truncate BEFORE TRUNCATE ON events
    FOR EACH STATEMENT EXECUTE FUNCTION append_only('events are append-only');

-- +goose Down
DROP TABLE events;
