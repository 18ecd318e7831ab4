-- The search index's triggers (00020) re-indexed a whole piece whenever a save named its text's
-- columns, changed or not, and whenever a comment's row was written with its body. A save now
-- re-indexes only when the indexed text changed, and a comment's or a reply's row written with
-- an unchanged body (a re-anchoring, a resolution) leaves the index as it is. A save that
-- changes the text still deletes and inserts the piece's row: an FTS4 UPDATE of the draft's
-- own columns alone, keeping the comments column, measured slower than that (FTS4 tokenizes
-- every column of the row again either way).

-- +goose Up
DROP TRIGGER draft_search_draft_update;
DROP TRIGGER draft_search_comment_update;
DROP TRIGGER draft_search_reply_update;

-- +goose StatementBegin
CREATE TRIGGER draft_search_draft_update AFTER UPDATE OF title, brief, body, byline, topics ON drafts
WHEN OLD.title IS NOT NEW.title OR OLD.brief IS NOT NEW.brief OR OLD.body IS NOT NEW.body
    OR OLD.byline IS NOT NEW.byline OR OLD.topics IS NOT NEW.topics BEGIN
    DELETE FROM draft_search WHERE docid = NEW.id;
    INSERT INTO draft_search (docid, title, brief, body, comments) SELECT * FROM draft_search_source WHERE docid = NEW.id;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER draft_search_comment_update AFTER UPDATE OF body ON comments WHEN OLD.body IS NOT NEW.body BEGIN
    UPDATE draft_search SET comments = (SELECT comments FROM draft_search_source WHERE docid = NEW.draft_id) WHERE docid = NEW.draft_id;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER draft_search_reply_update AFTER UPDATE OF body ON comment_replies WHEN OLD.body IS NOT NEW.body BEGIN
    UPDATE draft_search SET comments = (SELECT comments FROM draft_search_source WHERE docid = (SELECT draft_id FROM comments WHERE id = NEW.comment_id))
    WHERE docid = (SELECT draft_id FROM comments WHERE id = NEW.comment_id);
END;
-- +goose StatementEnd

-- +goose Down
DROP TRIGGER draft_search_reply_update;
DROP TRIGGER draft_search_comment_update;
DROP TRIGGER draft_search_draft_update;

-- +goose StatementBegin
CREATE TRIGGER draft_search_draft_update AFTER UPDATE OF title, brief, body, byline, topics ON drafts BEGIN
    DELETE FROM draft_search WHERE docid = NEW.id;
    INSERT INTO draft_search (docid, title, brief, body, comments) SELECT * FROM draft_search_source WHERE docid = NEW.id;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER draft_search_comment_update AFTER UPDATE OF body ON comments BEGIN
    UPDATE draft_search SET comments = (SELECT comments FROM draft_search_source WHERE docid = NEW.draft_id) WHERE docid = NEW.draft_id;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER draft_search_reply_update AFTER UPDATE OF body ON comment_replies BEGIN
    UPDATE draft_search SET comments = (SELECT comments FROM draft_search_source WHERE docid = (SELECT draft_id FROM comments WHERE id = NEW.comment_id))
    WHERE docid = (SELECT draft_id FROM comments WHERE id = NEW.comment_id);
END;
-- +goose StatementEnd
