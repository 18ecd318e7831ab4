-- Full-text search: draft_search holds, for each draft, its text as searched, one column per
-- weight (A title; B brief, byline and topics; C body; D its comments and replies), and their
-- tsvector under a GIN index. Triggers keep it in step with every write to a draft or a
-- comment, whichever code makes it, and the INSERT below fills it for an existing newsroom.
-- The text is kept in NFC, so "Café" is found whichever way it was typed, and parsed with the
-- 'simple' configuration: the pieces may be in any language, so no language's stemming or stop
-- words apply. Diacritics are kept (unaccent is an extension); 'simple' folds case.

-- +goose Up
-- copydesk_search_words is text as the parser should read it: PostgreSQL's parser takes any
-- character beyond ASCII for a letter when the database's LC_CTYPE is C, so that “quote” would
-- be one word with its marks. Punctuation, symbols and emoji become spaces, as SQLite's
-- unicode61 tokenizer and the Go query parser read them.
-- +goose StatementBegin
CREATE FUNCTION copydesk_search_words(t TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT regexp_replace(t, '[\u00A0-\u00BF\u00D7\u00F7\u2000-\u2BFF\u2E00-\u2E7F\u3000-\u303F\uFE10-\uFE6F\uFF00-\uFF0F\uFF1A-\uFF20\uFF3B-\uFF40\uFF5B-\uFF65\U0001F000-\U0001FAFF]', ' ', 'g');
$$;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE FUNCTION copydesk_search_text(t TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT translate(normalize(t, NFC), E'\x02\x03', '');
$$;
-- +goose StatementEnd

CREATE TABLE draft_search (
    draft_id BIGINT PRIMARY KEY REFERENCES drafts (id) ON DELETE CASCADE,
    title    TEXT NOT NULL,
    brief    TEXT NOT NULL,
    body     TEXT NOT NULL,
    comments TEXT NOT NULL,
    doc      tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple', copydesk_search_words(title)), 'A') ||
        setweight(to_tsvector('simple', copydesk_search_words(brief)), 'B') ||
        setweight(to_tsvector('simple', copydesk_search_words(body)), 'C') ||
        setweight(to_tsvector('simple', copydesk_search_words(comments)), 'D')) STORED
);
CREATE INDEX draft_search_doc ON draft_search USING GIN (doc);

CREATE VIEW draft_search_source AS
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

INSERT INTO draft_search (draft_id, title, brief, body, comments) SELECT * FROM draft_search_source;

-- +goose StatementBegin
CREATE FUNCTION draft_search_refresh(id BIGINT) RETURNS void LANGUAGE sql AS $$
    INSERT INTO draft_search (draft_id, title, brief, body, comments)
    SELECT * FROM draft_search_source WHERE draft_id = id
    ON CONFLICT (draft_id) DO UPDATE SET title = EXCLUDED.title, brief = EXCLUDED.brief,
        body = EXCLUDED.body, comments = EXCLUDED.comments;
$$;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE FUNCTION draft_search_draft_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM draft_search_refresh(NEW.id);
    RETURN NULL;
END;
$$;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE FUNCTION draft_search_comment_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM draft_search_refresh(OLD.draft_id);
    ELSE
        PERFORM draft_search_refresh(NEW.draft_id);
    END IF;
    RETURN NULL;
END;
$$;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE FUNCTION draft_search_reply_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM draft_search_refresh((SELECT draft_id FROM comments WHERE id = OLD.comment_id));
    ELSE
        PERFORM draft_search_refresh((SELECT draft_id FROM comments WHERE id = NEW.comment_id));
    END IF;
    RETURN NULL;
END;
$$;
-- +goose StatementEnd

CREATE TRIGGER draft_search_draft AFTER INSERT OR UPDATE OF title, brief, body, byline, topics ON drafts
    FOR EACH ROW EXECUTE FUNCTION draft_search_draft_changed();
CREATE TRIGGER draft_search_comment AFTER INSERT OR UPDATE OF body OR DELETE ON comments
    FOR EACH ROW EXECUTE FUNCTION draft_search_comment_changed();
CREATE TRIGGER draft_search_reply AFTER INSERT OR UPDATE OF body OR DELETE ON comment_replies
    FOR EACH ROW EXECUTE FUNCTION draft_search_reply_changed();

-- +goose Down
DROP TRIGGER draft_search_reply ON comment_replies;
DROP TRIGGER draft_search_comment ON comments;
DROP TRIGGER draft_search_draft ON drafts;
DROP FUNCTION draft_search_reply_changed();
DROP FUNCTION draft_search_comment_changed();
DROP FUNCTION draft_search_draft_changed();
DROP FUNCTION draft_search_refresh(BIGINT);
DROP VIEW draft_search_source;
DROP TABLE draft_search;
DROP FUNCTION copydesk_search_text(TEXT);
DROP FUNCTION copydesk_search_words(TEXT);
