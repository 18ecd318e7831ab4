-- A piece's comments and replies were indexed for search whole, however many there were: each
-- comment or reply gathered every one of its piece's again and computed their tsvector in its
-- own transaction, and PostgreSQL refuses a tsvector over 1 MB. Nothing caps how many
-- comments a piece takes, so each comment on a piece someone had piled megabytes of them on
-- cost as much again, and once their words passed 1 MB every further comment on it failed as
-- an internal error. The index now keeps the first 100,000 characters of a piece's comments
-- and replies (of at most their first 500 texts, thread by thread in the order they were written, so that
-- gathering them is bounded too and a piece indexed again finds the same ones), far
-- more than a piece's threads hold, and a search finds words in those; SQLite's index keeps
-- the same. A piece indexed before keeps its whole comments until it is next indexed.

-- +goose Up
CREATE OR REPLACE VIEW draft_search_source AS
SELECT d.id AS draft_id,
       copydesk_search_text(d.title) AS title,
       copydesk_search_text(d.brief || ' ' || d.byline || ' ' ||
           coalesce((SELECT string_agg(value, ' ') FROM json_array_elements_text(d.topics::json)), '')) AS brief,
       copydesk_search_text(d.body) AS body,
       copydesk_search_text(substr(coalesce((SELECT string_agg(t, ' ' ORDER BY thread, reply) FROM (
           SELECT c.id AS thread, 0 AS reply, c.body AS t FROM comments c WHERE c.draft_id = d.id
           UNION ALL
           SELECT c.id, r.id, r.body FROM comment_replies r JOIN comments c ON c.id = r.comment_id WHERE c.draft_id = d.id
           ORDER BY thread, reply
           LIMIT 500) AS texts), ''), 1, 100000)) AS comments
FROM drafts d;

-- +goose Down
CREATE OR REPLACE VIEW draft_search_source AS
SELECT d.id AS draft_id,
       copydesk_search_text(d.title) AS title,
       copydesk_search_text(d.brief || ' ' || d.byline || ' ' ||
           coalesce((SELECT string_agg(value, ' ') FROM json_array_elements_text(d.topics::json)), '')) AS brief,
       copydesk_search_text(d.body) AS body,
       copydesk_search_text(coalesce((SELECT string_agg(t, ' ') FROM (
           SELECT c.body AS t FROM comments c WHERE c.draft_id = d.id
           UNION ALL
           SELECT r.body FROM comment_replies r JOIN comments c ON c.id = r.comment_id WHERE c.draft_id = d.id) AS texts), '')) AS comments
FROM drafts d;
