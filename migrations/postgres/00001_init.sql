-- The foundation: users and their API tokens, drafts with every revision kept whole, and the
-- audit trail of workflow actions. (PostgreSQL; the SQLite schema is ../sqlite/00001_init.sql.)
-- Whole numbers are BIGINT, as wide as SQLite's INTEGER, so that any id or version a client
-- sends is merely not found rather than out of range; times are TIMESTAMPTZ.

-- +goose Up
CREATE TABLE users (
    id            BIGSERIAL PRIMARY KEY,
    username      TEXT NOT NULL UNIQUE,
    name          TEXT NOT NULL DEFAULT '',
    role          TEXT NOT NULL CHECK (role IN ('writer', 'factchecker', 'editor', 'admin')),
    password_hash TEXT NOT NULL,
    disabled      BOOLEAN NOT NULL DEFAULT FALSE,
    created_at    TIMESTAMPTZ NOT NULL
);

CREATE TABLE tokens (
    id         BIGSERIAL PRIMARY KEY,
    user_id    BIGINT NOT NULL REFERENCES users (id),
    hash       TEXT NOT NULL UNIQUE,
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX tokens_user ON tokens (user_id);

CREATE TABLE drafts (
    id             BIGSERIAL PRIMARY KEY,
    writer_id      BIGINT NOT NULL REFERENCES users (id),
    title          TEXT NOT NULL,
    byline         TEXT NOT NULL DEFAULT '',
    brief          TEXT NOT NULL DEFAULT '',
    body           TEXT NOT NULL DEFAULT '',
    topics         TEXT NOT NULL DEFAULT '[]',
    editor_comment TEXT NOT NULL DEFAULT '',
    stage          TEXT NOT NULL,
    version        BIGINT NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX drafts_updated ON drafts (updated_at DESC, id DESC);
CREATE INDEX drafts_stage_updated ON drafts (stage, updated_at DESC, id DESC);
CREATE INDEX drafts_writer_updated ON drafts (writer_id, updated_at DESC, id DESC);

-- A revision with a NULL version is an unmerged save: text that lost a version race, kept so
-- that its writer can recover it.
CREATE TABLE revisions (
    id             BIGSERIAL PRIMARY KEY,
    draft_id       BIGINT NOT NULL REFERENCES drafts (id),
    version        BIGINT,
    base_version   BIGINT NOT NULL,
    author_id      BIGINT NOT NULL REFERENCES users (id),
    title          TEXT NOT NULL,
    byline         TEXT NOT NULL,
    brief          TEXT NOT NULL,
    body           TEXT NOT NULL,
    topics         TEXT NOT NULL,
    editor_comment TEXT NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX revisions_draft_version ON revisions (draft_id, version);
CREATE INDEX revisions_draft ON revisions (draft_id, id);

CREATE TABLE audit (
    id         BIGSERIAL PRIMARY KEY,
    draft_id   BIGINT REFERENCES drafts (id),
    actor_id   BIGINT NOT NULL REFERENCES users (id),
    action     TEXT NOT NULL,
    from_stage TEXT NOT NULL DEFAULT '',
    to_stage   TEXT NOT NULL DEFAULT '',
    note       TEXT NOT NULL DEFAULT '',
    at         TIMESTAMPTZ NOT NULL
);
CREATE INDEX audit_draft ON audit (draft_id, id);

-- Revisions and the audit trail are history: the database itself refuses to rewrite them.
-- append_only raises its trigger's argument, the message saying which history is protected.
-- +goose StatementBegin
CREATE FUNCTION append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'restrict_violation';
END;
$$;
-- +goose StatementEnd
CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON audit
    FOR EACH ROW EXECUTE FUNCTION append_only('audit is append-only');
CREATE TRIGGER audit_append_only_truncate BEFORE TRUNCATE ON audit
    FOR EACH STATEMENT EXECUTE FUNCTION append_only('audit is append-only');
CREATE TRIGGER revisions_append_only BEFORE UPDATE OR DELETE ON revisions
    FOR EACH ROW EXECUTE FUNCTION append_only('revisions are append-only');
CREATE TRIGGER revisions_append_only_truncate BEFORE TRUNCATE ON revisions
    FOR EACH STATEMENT EXECUTE FUNCTION append_only('revisions are append-only');

-- +goose Down
DROP TABLE audit;
DROP TABLE revisions;
DROP TABLE drafts;
DROP TABLE tokens;
DROP TABLE users;
DROP FUNCTION append_only();
