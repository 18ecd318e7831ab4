-- On SQLite a new piece's, a comment's and a reply's indexing for search moved out of their
-- transactions (see the SQLite migration of this number). PostgreSQL keeps its tsvector written
-- with the piece's row: its writers do not exclude each other, so the tokenizing holds up only
-- the writes of that piece.

-- +goose Up
SELECT 1;

-- +goose Down
SELECT 1;
