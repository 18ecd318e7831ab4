-- On SQLite a publication's indexing for public search moved out of the publish's transaction
-- (see the SQLite migration of this number). PostgreSQL keeps writing published_search with the
-- publication: its writers do not exclude each other, so the tokenizing holds no one else up.

-- +goose Up
SELECT 1;

-- +goose Down
SELECT 1;
