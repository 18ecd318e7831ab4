-- Two reads the public site makes again after every publish did work in proportion to the
-- archive. The index of topics and of authors (store.PublicTags) looked up each article_tags
-- row's article and draft to see whether the piece was public, three lookups a row: on an
-- archive of 20,000 pieces it cost three times the rest of the page. With the name and the
-- article in article_tags_names it reads this index alone, and looks up only the pieces no
-- longer public. When the public pieces last changed (store.PublicChangedAt) sorted every
-- public piece's latest publication by its time; publications_published lets it walk them
-- newest first and stop at the first public one.

-- +goose Up
CREATE INDEX article_tags_names ON article_tags (kind, slug, name, article_id);
CREATE INDEX publications_published ON publications (published_at);

-- +goose Down
DROP INDEX publications_published;
DROP INDEX article_tags_names;
