-- A reply or a comment re-indexes its piece for search in its own transaction here (00020,
-- 00036), and draft_search_source gathered the piece's first 500 texts (00039) by reading every
-- comment and reply on it and sorting them all: each reply on a long discussion read the whole
-- discussion again, so that 50 threads of 198 replies on one piece took 54 s to write, against
-- 16 s spread over 50 pieces, every reply holding the piece's locks the longer. A query alone
-- cannot say "stop at the 500th" whatever plan the planner picks (with a piece's replies
-- written since the last ANALYZE it sorted them all), so copydesk_search_comments walks the
-- piece's threads in the order they were written, each thread's replies in theirs, and stops
-- once it holds 500 texts: a reply reads at most those, however long the discussion. The index
-- holds the same texts as before.

-- +goose Up
-- +goose StatementBegin
CREATE FUNCTION copydesk_search_comments(piece BIGINT) RETURNS TEXT LANGUAGE plpgsql STABLE AS $$
DECLARE
    texts TEXT[] := '{}';
    c RECORD;
BEGIN
    FOR c IN SELECT id, body FROM comments WHERE draft_id = piece ORDER BY id LIMIT 500 LOOP
        EXIT WHEN cardinality(texts) >= 500;
        texts := texts || c.body || ARRAY(SELECT r.body FROM comment_replies r WHERE r.comment_id = c.id
                                          ORDER BY r.id LIMIT 499 - cardinality(texts));
    END LOOP;
    RETURN array_to_string(texts, ' ');
END;
$$;
-- +goose StatementEnd

CREATE OR REPLACE VIEW draft_search_source AS
SELECT d.id AS draft_id,
       copydesk_search_text(d.title) AS title,
       copydesk_search_text(d.brief || ' ' || d.byline || ' ' ||
           coalesce((SELECT string_agg(value, ' ') FROM json_array_elements_text(d.topics::json)), '')) AS brief,
       copydesk_search_text(d.body) AS body,
       copydesk_search_text(substr(copydesk_search_comments(d.id), 1, 100000)) AS comments
FROM drafts d;

-- +goose Down
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
DROP FUNCTION copydesk_search_comments(BIGINT);
