-- PostgreSQL's copydesk_search_words now blanks the same characters as SQLite's unicode61
-- tokenizer (see the postgres migration of this number); SQLite's search is unchanged, and this
-- file keeps the dialects' migrations one for one.

-- +goose Up
SELECT 1;

-- +goose Down
SELECT 1;
