-- Accounts and sign-in.
--
-- Usernames are one name whatever their case, so that "W1" cannot stand beside "w1".
-- A database that already holds names differing only in case keeps the oldest of each group as
-- it is and renames the others by appending "-" and their id ("W1" with id 7 becomes "W1-7"),
-- so that every account still signs in, under a name an admin can see and pass on.
--
-- Device cookies: a browser that signed in as a user holds a random token, kept here as a
-- hash, and its later sign-ins as that user are throttled per device instead of per address.
--
-- Tokens and sessions record when they were last used (to the minute), for their owner's list.

-- +goose Up
UPDATE users SET username = username || '-' || id
WHERE EXISTS (SELECT 1 FROM users AS older WHERE lower(older.username) = lower(users.username) AND older.id < users.id);
CREATE UNIQUE INDEX users_username_lower ON users (lower(username));

CREATE TABLE devices (
    id         INTEGER PRIMARY KEY,
    hash       TEXT NOT NULL UNIQUE,
    user_id    INTEGER NOT NULL REFERENCES users (id),
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL
);

-- SQLite adds a NOT NULL column only with a constant default, so these stay nullable; every
-- row has a time all the same.
ALTER TABLE tokens ADD COLUMN last_used_at TIMESTAMP;
ALTER TABLE sessions ADD COLUMN last_used_at TIMESTAMP;
UPDATE tokens SET last_used_at = created_at;
UPDATE sessions SET last_used_at = created_at;

-- +goose Down
ALTER TABLE sessions DROP COLUMN last_used_at;
ALTER TABLE tokens DROP COLUMN last_used_at;
DROP TABLE devices;
DROP INDEX users_username_lower;
