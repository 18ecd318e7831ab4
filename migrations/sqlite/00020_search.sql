-- Full-text search: draft_search holds, for each draft, its text as searched, one column per
-- weight (title; brief, byline and topics; body; its comments and replies), in an FTS4 table
-- (go-sqlite3 is built without FTS5). Triggers keep it in step with every write to a draft or
-- a comment, whichever code makes it, and the INSERT below fills it for an existing newsroom.
-- copydesk_search_text is the store's Go function (see internal/store/sqlitefuncs.go): the text
-- in NFC, so "Café" is found whichever way it was typed. Diacritics are kept, as PostgreSQL
-- keeps them; unicode61 folds case. prefix="3" keeps an index of each word's first three
-- letters, so that the shortest prefix a search takes (defen* needs three) reads one list.

-- +goose Up
CREATE VIRTUAL TABLE draft_search USING fts4(title, brief, body, comments, tokenize=unicode61 "remove_diacritics=0", prefix="3");

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

INSERT INTO draft_search (docid, title, brief, body, comments) SELECT * FROM draft_search_source;

-- +goose StatementBegin
CREATE TRIGGER draft_search_draft_insert AFTER INSERT ON drafts BEGIN
    INSERT INTO draft_search (docid, title, brief, body, comments) SELECT * FROM draft_search_source WHERE docid = NEW.id;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER draft_search_draft_update AFTER UPDATE OF title, brief, body, byline, topics ON drafts BEGIN
    DELETE FROM draft_search WHERE docid = NEW.id;
    INSERT INTO draft_search (docid, title, brief, body, comments) SELECT * FROM draft_search_source WHERE docid = NEW.id;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER draft_search_draft_delete AFTER DELETE ON drafts BEGIN
    DELETE FROM draft_search WHERE docid = OLD.id;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER draft_search_comment_insert AFTER INSERT ON comments BEGIN
    UPDATE draft_search SET comments = (SELECT comments FROM draft_search_source WHERE docid = NEW.draft_id) WHERE docid = NEW.draft_id;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER draft_search_comment_update AFTER UPDATE OF body ON comments BEGIN
    UPDATE draft_search SET comments = (SELECT comments FROM draft_search_source WHERE docid = NEW.draft_id) WHERE docid = NEW.draft_id;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER draft_search_comment_delete AFTER DELETE ON comments BEGIN
    UPDATE draft_search SET comments = (SELECT comments FROM draft_search_source WHERE docid = OLD.draft_id) WHERE docid = OLD.draft_id;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER draft_search_reply_insert AFTER INSERT ON comment_replies BEGIN
    UPDATE draft_search SET comments = (SELECT comments FROM draft_search_source WHERE docid = (SELECT draft_id FROM comments WHERE id = NEW.comment_id))
    WHERE docid = (SELECT draft_id FROM comments WHERE id = NEW.comment_id);
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER draft_search_reply_update AFTER UPDATE OF body ON comment_replies BEGIN
    UPDATE draft_search SET comments = (SELECT comments FROM draft_search_source WHERE docid = (SELECT draft_id FROM comments WHERE id = NEW.comment_id))
    WHERE docid = (SELECT draft_id FROM comments WHERE id = NEW.comment_id);
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER draft_search_reply_delete AFTER DELETE ON comment_replies BEGIN
    UPDATE draft_search SET comments = (SELECT comments FROM draft_search_source WHERE docid = (SELECT draft_id FROM comments WHERE id = OLD.comment_id))
    WHERE docid = (SELECT draft_id FROM comments WHERE id = OLD.comment_id);
END;
-- +goose StatementEnd

-- +goose Down
DROP TRIGGER draft_search_reply_delete;
DROP TRIGGER draft_search_reply_update;
DROP TRIGGER draft_search_reply_insert;
DROP TRIGGER draft_search_comment_delete;
DROP TRIGGER draft_search_comment_update;
DROP TRIGGER draft_search_comment_insert;
DROP TRIGGER draft_search_draft_delete;
DROP TRIGGER draft_search_draft_update;
DROP TRIGGER draft_search_draft_insert;
DROP VIEW draft_search_source;
DROP TABLE draft_search;
