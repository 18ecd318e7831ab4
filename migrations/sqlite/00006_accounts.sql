-- Accounts and sign-in.
--
-- Usernames are one name whatever their case, so that "W1" cannot stand beside "w1".
-- A database that already holds names differing only in case keeps the oldest of each group as
-- it is and renames the others by appending "-" and their id ("W1" with id 7 becomes "W1-7"),
-- so that every account still signs in, under a name an admin can see and pass on. The name
-- is cut to leave room for the suffix within the 64 characters a username may have (a longer
-- one could not sign in). If the new name is already someone's in any case, ".1", ".2"… go
-- after the id until it is free ("W1-7.1"). The suffix holds no "-", so the last "-" of a new
-- name is the suffix's, and the id after it tells whose it is: no two renamed users can end
-- up with the same name, and each is checked against every name there was, so the unique
-- index below always builds. The new names are worked out first, into a temporary table, so
-- that the update reads no half-renamed table.
--
-- Device cookies: a browser that signed in as a user holds a random token, kept here as a
-- hash, and its later sign-ins as that user are throttled per device instead of per address.
--
-- Tokens and sessions record when they were last used (to the minute), for their owner's list.

-- +goose Up
CREATE TEMPORARY TABLE renamed_users AS
WITH RECURSIVE candidates (id, username, n, name) AS (
    SELECT id, username, 0, substr(username, 1, 64 - length('-' || id)) || '-' || id
    FROM users
    WHERE EXISTS (SELECT 1 FROM users AS older WHERE lower(older.username) = lower(users.username) AND older.id < users.id)
    UNION ALL
    SELECT id, username, n + 1, substr(username, 1, 64 - length('-' || id || '.' || (n + 1))) || '-' || id || '.' || (n + 1)
    FROM candidates
    WHERE EXISTS (SELECT 1 FROM users WHERE lower(users.username) = lower(candidates.name))
)
SELECT id, name FROM candidates
WHERE NOT EXISTS (SELECT 1 FROM users WHERE lower(users.username) = lower(candidates.name));
UPDATE users SET username = (SELECT name FROM renamed_users WHERE renamed_users.id = users.id)
WHERE id IN (SELECT id FROM renamed_users);
DROP TABLE renamed_users;
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
