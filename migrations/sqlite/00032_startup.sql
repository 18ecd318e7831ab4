-- What start-up reads, each in one indexed read. backfills holds the name of each Go backfill
-- that Migrate runs after the SQL migrations (see internal/store/backfill.go), once it has
-- completed on this database. A backfill writes the rows that pieces published before some
-- migration lack (their topic and author tags, 00024; their public search text, 00028); every
-- publish since writes them itself. With its name here a later start knows, by one primary-key
-- read, that the backfill has nothing to do, instead of looking through every article.
--
-- users_role lets the start-up's workflow check find the roles users hold by walking the index
-- from one role to the next, rather than reading every user (see CheckWorkflow).

-- +goose Up
CREATE TABLE backfills (
    name    TEXT PRIMARY KEY,
    done_at TIMESTAMP NOT NULL
);
CREATE INDEX users_role ON users (role);

-- +goose Down
DROP INDEX users_role;
DROP TABLE backfills;
