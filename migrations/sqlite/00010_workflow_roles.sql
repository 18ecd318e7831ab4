-- A user's role is one the newsroom's workflow file declares (policies/workflow.yaml), checked
-- by the policy when a user is added or changed, so the table no longer holds it to the default
-- workflow's four. SQLite cannot drop a CHECK, so the table is rebuilt as its documentation
-- says (https://sqlite.org/lang_altertable.html#otheralter): with foreign keys off, in one
-- transaction, copying every row, then checking that every reference still holds.

-- +goose NO TRANSACTION
-- +goose Up
PRAGMA foreign_keys = OFF;
BEGIN IMMEDIATE;
CREATE TABLE users_new (
    id                   INTEGER PRIMARY KEY,
    username             TEXT NOT NULL UNIQUE,
    name                 TEXT NOT NULL DEFAULT '',
    role                 TEXT NOT NULL CHECK (role <> ''),
    password_hash        TEXT NOT NULL,
    disabled             BOOLEAN NOT NULL DEFAULT FALSE,
    created_at           TIMESTAMP NOT NULL,
    must_change_password BOOLEAN NOT NULL DEFAULT FALSE
);
INSERT INTO users_new (id, username, name, role, password_hash, disabled, created_at, must_change_password)
    SELECT id, username, name, role, password_hash, disabled, created_at, must_change_password FROM users;
DROP TABLE users;
ALTER TABLE users_new RENAME TO users;
CREATE UNIQUE INDEX users_username_lower ON users (lower(username));
PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;

-- +goose Down
PRAGMA foreign_keys = OFF;
BEGIN IMMEDIATE;
CREATE TABLE users_old (
    id                   INTEGER PRIMARY KEY,
    username             TEXT NOT NULL UNIQUE,
    name                 TEXT NOT NULL DEFAULT '',
    role                 TEXT NOT NULL CHECK (role IN ('writer', 'factchecker', 'editor', 'admin')),
    password_hash        TEXT NOT NULL,
    disabled             BOOLEAN NOT NULL DEFAULT FALSE,
    created_at           TIMESTAMP NOT NULL,
    must_change_password BOOLEAN NOT NULL DEFAULT FALSE
);
INSERT INTO users_old (id, username, name, role, password_hash, disabled, created_at, must_change_password)
    SELECT id, username, name, role, password_hash, disabled, created_at, must_change_password FROM users;
DROP TABLE users;
ALTER TABLE users_old RENAME TO users;
CREATE UNIQUE INDEX users_username_lower ON users (lower(username));
COMMIT;
PRAGMA foreign_keys = ON;
