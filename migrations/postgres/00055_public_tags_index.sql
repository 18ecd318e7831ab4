-- The index of topics and of authors (store.PublicTags) counts each slug's public pieces and
-- picks one of its spellings. It looked up each article_tags row's article and draft to see
-- whether the piece was public, three lookups a row, so that on an archive of 20,000 pieces it
-- cost three times the rest of the page, which is rendered again after every publish. With
-- the name and the article in an index it reads this index alone, and only the few pieces that
-- are no longer public are looked up.

-- +goose Up
CREATE INDEX article_tags_names ON article_tags (kind, slug, name, article_id);

-- +goose Down
DROP INDEX article_tags_names;
