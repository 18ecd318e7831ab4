-- The foundation: users and their API tokens, drafts with every revision kept whole, and the
-- audit trail of workflow actions.

-- +goose Up
CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    username      TEXT NOT NULL UNIQUE,
    name          TEXT NOT NULL DEFAULT '',
    role          TEXT NOT NULL CHECK (role IN ('writer', 'factchecker', 'editor', 'admin')),
    password_hash TEXT NOT NULL,
    disabled      BOOLEAN NOT NULL DEFAULT FALSE,
    created_at    TIMESTAMP NOT NULL
);

CREATE TABLE tokens (
    id         INTEGER PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id),
    hash       TEXT NOT NULL UNIQUE,
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL
);
CREATE INDEX tokens_user ON tokens (user_id);

CREATE TABLE drafts (
    id             INTEGER PRIMARY KEY,
    writer_id      INTEGER NOT NULL REFERENCES users (id),
    title          TEXT NOT NULL,
    byline         TEXT NOT NULL DEFAULT '',
    brief          TEXT NOT NULL DEFAULT '',
    body           TEXT NOT NULL DEFAULT '',
    topics         TEXT NOT NULL DEFAULT '[]',
    editor_comment TEXT NOT NULL DEFAULT '',
    stage          TEXT NOT NULL,
    version        INTEGER NOT NULL,
    created_at     TIMESTAMP NOT NULL,
    updated_at     TIMESTAMP NOT NULL
);
CREATE INDEX drafts_updated ON drafts (updated_at DESC, id DESC);
CREATE INDEX drafts_stage_updated ON drafts (stage, updated_at DESC, id DESC);
CREATE INDEX drafts_writer_updated ON drafts (writer_id, updated_at DESC, id DESC);

-- A revision with a NULL version is an unmerged save: text that lost a version race, kept so
-- that its writer can recover it.
CREATE TABLE revisions (
    id             INTEGER PRIMARY KEY,
    draft_id       INTEGER NOT NULL REFERENCES drafts (id),
    version        INTEGER,
    base_version   INTEGER NOT NULL,
    author_id      INTEGER NOT NULL REFERENCES users (id),
    title          TEXT NOT NULL,
    byline         TEXT NOT NULL,
    brief          TEXT NOT NULL,
    body           TEXT NOT NULL,
    topics         TEXT NOT NULL,
    editor_comment TEXT NOT NULL,
    created_at     TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX revisions_draft_version ON revisions (draft_id, version);
CREATE INDEX revisions_draft ON revisions (draft_id, id);

CREATE TABLE audit (
    id         INTEGER PRIMARY KEY,
    draft_id   INTEGER REFERENCES drafts (id),
    actor_id   INTEGER NOT NULL REFERENCES users (id),
    action     TEXT NOT NULL,
    from_stage TEXT NOT NULL DEFAULT '',
    to_stage   TEXT NOT NULL DEFAULT '',
    note       TEXT NOT NULL DEFAULT '',
    at         TIMESTAMP NOT NULL
);
CREATE INDEX audit_draft ON audit (draft_id, id);

-- Revisions and the audit trail are history: the database itself refuses to rewrite them.
-- +goose StatementBegin
CREATE TRIGGER audit_append_only_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER audit_append_only_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER revisions_append_only_update BEFORE UPDATE ON revisions
BEGIN SELECT RAISE(ABORT, 'revisions are append-only'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER revisions_append_only_delete BEFORE DELETE ON revisions
BEGIN SELECT RAISE(ABORT, 'revisions are append-only'); END;
-- +goose StatementEnd

-- +goose Down
DROP TABLE audit;
DROP TABLE revisions;
DROP TABLE drafts;
DROP TABLE tokens;
DROP TABLE users;
