-- A new piece, a comment and a reply no longer index their piece for search inside their own
-- transaction, as a save no longer does (00033): each re-indexed the whole piece, its body and
-- every comment on it, since FTS4 tokenizes every column of a row again on any update. On a
-- long piece that held SQLite's one writer for a third of a second a comment, and more with
-- each comment on it, so that anyone who may comment could stall every write in the newsroom
-- by commenting on one piece again and again. Their triggers now file the piece in
-- search_pending, and the store indexes it with the saved pieces, once however many comments
-- came in meanwhile, before any search reads the index.

-- +goose Up
DROP TRIGGER draft_search_draft_insert;
DROP TRIGGER draft_search_comment_insert;
DROP TRIGGER draft_search_comment_update;
DROP TRIGGER draft_search_comment_delete;
DROP TRIGGER draft_search_reply_insert;
DROP TRIGGER draft_search_reply_update;
DROP TRIGGER draft_search_reply_delete;

-- +goose StatementBegin
CREATE TRIGGER draft_search_draft_insert AFTER INSERT ON drafts BEGIN
    INSERT OR IGNORE INTO search_pending (draft_id) VALUES (NEW.id);
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER draft_search_comment_insert AFTER INSERT ON comments BEGIN
    INSERT OR IGNORE INTO search_pending (draft_id) VALUES (NEW.draft_id);
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER draft_search_comment_update AFTER UPDATE OF body ON comments WHEN OLD.body IS NOT NEW.body BEGIN
    INSERT OR IGNORE INTO search_pending (draft_id) VALUES (NEW.draft_id);
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER draft_search_comment_delete AFTER DELETE ON comments BEGIN
    INSERT OR IGNORE INTO search_pending (draft_id) SELECT id FROM drafts WHERE id = OLD.draft_id;
END;
-- +goose StatementEnd

-- A reply's piece is its comment's; a reply deleted with its comment finds none, and its
-- comment's own trigger files the piece.
-- +goose StatementBegin
CREATE TRIGGER draft_search_reply_insert AFTER INSERT ON comment_replies BEGIN
    INSERT OR IGNORE INTO search_pending (draft_id) SELECT draft_id FROM comments WHERE id = NEW.comment_id;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER draft_search_reply_update AFTER UPDATE OF body ON comment_replies WHEN OLD.body IS NOT NEW.body BEGIN
    INSERT OR IGNORE INTO search_pending (draft_id) SELECT draft_id FROM comments WHERE id = NEW.comment_id;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER draft_search_reply_delete AFTER DELETE ON comment_replies BEGIN
    INSERT OR IGNORE INTO search_pending (draft_id) SELECT draft_id FROM comments WHERE id = OLD.comment_id;
END;
-- +goose StatementEnd

-- +goose Down
-- The pending pieces are indexed first, so that the earlier triggers, which update a piece's
-- row in place, find every piece's row there.
DELETE FROM draft_search WHERE docid IN (SELECT draft_id FROM search_pending);
INSERT INTO draft_search (docid, title, brief, body, comments)
SELECT * FROM draft_search_source WHERE docid IN (SELECT draft_id FROM search_pending);
DELETE FROM search_pending;

DROP TRIGGER draft_search_reply_delete;
DROP TRIGGER draft_search_reply_update;
DROP TRIGGER draft_search_reply_insert;
DROP TRIGGER draft_search_comment_delete;
DROP TRIGGER draft_search_comment_update;
DROP TRIGGER draft_search_comment_insert;
DROP TRIGGER draft_search_draft_insert;

-- +goose StatementBegin
CREATE TRIGGER draft_search_draft_insert AFTER INSERT ON drafts BEGIN
    INSERT INTO draft_search (docid, title, brief, body, comments) SELECT * FROM draft_search_source WHERE docid = NEW.id;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER draft_search_comment_insert AFTER INSERT ON comments BEGIN
    UPDATE draft_search SET comments = (SELECT comments FROM draft_search_source WHERE docid = NEW.draft_id) WHERE docid = NEW.draft_id;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER draft_search_comment_update AFTER UPDATE OF body ON comments WHEN OLD.body IS NOT NEW.body BEGIN
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
CREATE TRIGGER draft_search_reply_update AFTER UPDATE OF body ON comment_replies WHEN OLD.body IS NOT NEW.body BEGIN
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
