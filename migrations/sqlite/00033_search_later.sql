-- A save no longer re-indexes its piece for search inside its own transaction: tokenizing the
-- old and the new text of a 1,500-word piece held SQLite's one writer for most of a save's
-- time (saves ran at a third of their rate without it). The trigger now files the draft in
-- search_pending, and the store indexes the pending drafts together, after the saves committed:
-- every second in the background, and before any search reads the index, so that a search
-- never misses a save committed before it began. A draft saved many times between two such
-- runs is indexed once. New drafts and comments are still indexed at once (00020, 00030).

-- +goose Up
CREATE TABLE search_pending (draft_id INTEGER PRIMARY KEY REFERENCES drafts (id));

DROP TRIGGER draft_search_draft_update;
-- +goose StatementBegin
CREATE TRIGGER draft_search_draft_update AFTER UPDATE OF title, brief, body, byline, topics ON drafts
WHEN OLD.title IS NOT NEW.title OR OLD.brief IS NOT NEW.brief OR OLD.body IS NOT NEW.body
    OR OLD.byline IS NOT NEW.byline OR OLD.topics IS NOT NEW.topics BEGIN
    INSERT OR IGNORE INTO search_pending (draft_id) VALUES (NEW.id);
END;
-- +goose StatementEnd

-- +goose Down
DROP TRIGGER draft_search_draft_update;
-- +goose StatementBegin
CREATE TRIGGER draft_search_draft_update AFTER UPDATE OF title, brief, body, byline, topics ON drafts
WHEN OLD.title IS NOT NEW.title OR OLD.brief IS NOT NEW.brief OR OLD.body IS NOT NEW.body
    OR OLD.byline IS NOT NEW.byline OR OLD.topics IS NOT NEW.topics BEGIN
    DELETE FROM draft_search WHERE docid = NEW.id;
    INSERT INTO draft_search (docid, title, brief, body, comments) SELECT * FROM draft_search_source WHERE docid = NEW.id;
END;
-- +goose StatementEnd
DELETE FROM draft_search WHERE docid IN (SELECT draft_id FROM search_pending);
INSERT INTO draft_search (docid, title, brief, body, comments)
SELECT * FROM draft_search_source WHERE docid IN (SELECT draft_id FROM search_pending);
DROP TABLE search_pending;
