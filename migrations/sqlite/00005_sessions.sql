-- Web sessions kept in the database, so that several app servers share them, and the record of
-- failed sign-ins that slows down guessing per user and per address.

-- +goose Up
CREATE TABLE sessions (
    id         INTEGER PRIMARY KEY,
    hash       TEXT NOT NULL UNIQUE,
    user_id    INTEGER NOT NULL REFERENCES users (id),
    csrf       TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE login_failures (
    key      TEXT PRIMARY KEY,
    failures INTEGER NOT NULL,
    last_at  TIMESTAMP NOT NULL
);

-- +goose Down
DROP TABLE login_failures;
DROP TABLE sessions;
