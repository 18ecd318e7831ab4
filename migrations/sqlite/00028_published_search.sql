-- Public search: published_search holds, for each public article, the text of its latest
-- publication as searched, one column per weight (title; brief, byline and topics; body), in an
-- FTS4 table keyed by the article's id, with draft_search's tokenizer and prefix index (see
-- 00020). draft_search holds a draft's working text and the newsroom's comments, which readers
-- must not learn of, so readers' searches run here alone. The store writes an article's row
-- whenever its latest publication changes, and at every start fills the rows of the pieces
-- that have none, as those published before this migration (see internal/store/public_search.go).

-- +goose Up
CREATE VIRTUAL TABLE published_search USING fts4(title, brief, body, tokenize=unicode61 "remove_diacritics=0", prefix="3");

-- +goose Down
DROP TABLE published_search;
