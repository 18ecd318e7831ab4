-- Web sessions kept in the database, so that several app servers share them, and the record of
-- failed sign-ins that slows down guessing per user and per address.

-- +goose Up
CREATE TABLE sessions (
    id         BIGSERIAL PRIMARY KEY,
    hash       TEXT NOT NULL UNIQUE,
    user_id    BIGINT NOT NULL REFERENCES users (id),
    csrf       TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE login_failures (
    key      TEXT PRIMARY KEY,
    failures BIGINT NOT NULL,
    last_at  TIMESTAMPTZ NOT NULL
);

-- +goose Down
DROP TABLE login_failures;
DROP TABLE sessions;
