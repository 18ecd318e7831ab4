-- A piece's comments and replies were indexed for search whole, however many there were, and
-- SQLite's FTS4 tokenizes a row's old text and its new one each time it indexes it, holding
-- the database's one writer meanwhile. Nothing caps how many comments a piece takes, so anyone
-- who may comment could pile up megabytes of them on one piece: at 18 MB each indexing of it
-- held the writer for nine seconds, once a second while they went on, and every write in the
-- newsroom waited. The index now keeps the first 100,000 characters of a piece's comments and
-- replies (of at most their first 500 texts, thread by thread in the order they were written, so that
-- gathering them is bounded too and a piece indexed again finds the same ones), far more
-- than a piece's threads hold, and a search finds words in those. A piece indexed before keeps
-- its whole comments until it is next indexed.

-- +goose Up
DROP VIEW draft_search_source;
CREATE VIEW draft_search_source AS
SELECT d.id AS docid,
       copydesk_search_text(d.title) AS title,
       copydesk_search_text(d.brief || ' ' || d.byline || ' ' ||
           coalesce((SELECT group_concat(value, ' ') FROM json_each(d.topics)), '')) AS brief,
       copydesk_search_text(d.body) AS body,
       copydesk_search_text(substr(coalesce((SELECT group_concat(t, ' ') FROM (
           SELECT c.id AS thread, 0 AS reply, c.body AS t FROM comments c WHERE c.draft_id = d.id
           UNION ALL
           SELECT c.id, r.id, r.body FROM comment_replies r JOIN comments c ON c.id = r.comment_id WHERE c.draft_id = d.id
           ORDER BY thread, reply
           LIMIT 500)), ''), 1, 100000)) AS comments
FROM drafts d;

-- +goose Down
DROP VIEW draft_search_source;
CREATE VIEW draft_search_source AS
SELECT d.id AS docid,
       copydesk_search_text(d.title) AS title,
       copydesk_search_text(d.brief || ' ' || d.byline || ' ' ||
           coalesce((SELECT group_concat(value, ' ') FROM json_each(d.topics)), '')) AS brief,
       copydesk_search_text(d.body) AS body,
       copydesk_search_text(coalesce((SELECT group_concat(t, ' ') FROM (
           SELECT c.body AS t FROM comments c WHERE c.draft_id = d.id
           UNION ALL
           SELECT r.body FROM comment_replies r JOIN comments c ON c.id = r.comment_id WHERE c.draft_id = d.id)), '')) AS comments
FROM drafts d;
