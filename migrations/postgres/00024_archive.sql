-- The archive's topic and author pages: each article's latest publication mapped to the slugs
-- of its topics and of its byline (publish.Slug, which SQL cannot compute, so the store writes
-- these rows with every snapshot and fills them for articles published before this migration
-- when it migrates). first_published_at repeats the article's, so that a page of one topic or
-- author is a walk of one index in the order the page lists it.

-- +goose Up
CREATE TABLE article_tags (
    article_id         BIGINT NOT NULL REFERENCES articles (id),
    publication_id     BIGINT NOT NULL REFERENCES publications (id),
    kind               TEXT NOT NULL,
    slug               TEXT NOT NULL,
    name               TEXT NOT NULL,
    first_published_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (article_id, kind, slug)
);
CREATE INDEX article_tags_page ON article_tags (kind, slug, first_published_at DESC, article_id DESC);
CREATE INDEX article_tags_publication ON article_tags (publication_id);

-- +goose Down
DROP TABLE article_tags;
