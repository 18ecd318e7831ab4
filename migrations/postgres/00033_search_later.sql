-- On SQLite a save's re-indexing for search moved out of the save's transaction (see the SQLite
-- migration of this number). PostgreSQL keeps its tsvector written with the draft's row: its
-- saves wait on the events lock, not on tokenizing, and its writers do not exclude each other.

-- +goose Up
SELECT 1;

-- +goose Down
SELECT 1;
