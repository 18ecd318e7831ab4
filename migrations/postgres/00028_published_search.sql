-- Public search: published_search holds, for each public article, the text of its latest
-- publication as searched, one column per weight (A title; B brief, byline and topics; C body),
-- and their tsvector under a GIN index, built as draft_search's is (see 00020 and 00023).
-- draft_search holds a draft's working text and the newsroom's comments, which readers must not
-- learn of, so readers' searches run here alone. The store writes an article's row whenever its
-- latest publication changes, and at every start fills the rows of the pieces that have none,
-- as those published before this migration (see internal/store/public_search.go).

-- +goose Up
CREATE TABLE published_search (
    article_id BIGINT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    title      TEXT NOT NULL,
    brief      TEXT NOT NULL,
    body       TEXT NOT NULL,
    doc        tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple', copydesk_search_words(title)), 'A') ||
        setweight(to_tsvector('simple', copydesk_search_words(brief)), 'B') ||
        setweight(to_tsvector('simple', copydesk_search_words(body)), 'C')) STORED
);
CREATE INDEX published_search_doc ON published_search USING GIN (doc);

-- +goose Down
DROP TABLE published_search;
