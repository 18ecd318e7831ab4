-- The search index's triggers (00020) re-indexed a whole piece, its comments gathered again
-- from every comment and reply and every column's tsvector computed again, whenever a save
-- named its text's columns, changed or not, and whenever a comment's row was written with its
-- body. A save now re-indexes only when the indexed text changed, and writes the draft's own
-- columns from the view, keeping the comments column the index holds. A comment's or a reply's
-- row written with an unchanged body (a re-anchoring, a resolution) leaves the index as it is.

-- +goose Up
DROP TRIGGER draft_search_draft ON drafts;
DROP TRIGGER draft_search_comment ON comments;
DROP TRIGGER draft_search_reply ON comment_replies;

-- +goose StatementBegin
CREATE FUNCTION draft_search_draft_text_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE draft_search SET title = s.title, brief = s.brief, body = s.body
    FROM (SELECT title, brief, body FROM draft_search_source WHERE draft_id = NEW.id) AS s
    WHERE draft_search.draft_id = NEW.id;
    RETURN NULL;
END;
$$;
-- +goose StatementEnd

CREATE TRIGGER draft_search_draft_insert AFTER INSERT ON drafts
    FOR EACH ROW EXECUTE FUNCTION draft_search_draft_changed();
CREATE TRIGGER draft_search_draft_update AFTER UPDATE OF title, brief, body, byline, topics ON drafts
    FOR EACH ROW WHEN ((OLD.title, OLD.brief, OLD.body, OLD.byline, OLD.topics) IS DISTINCT FROM (NEW.title, NEW.brief, NEW.body, NEW.byline, NEW.topics))
    EXECUTE FUNCTION draft_search_draft_text_changed();
CREATE TRIGGER draft_search_comment_write AFTER INSERT OR DELETE ON comments
    FOR EACH ROW EXECUTE FUNCTION draft_search_comment_changed();
CREATE TRIGGER draft_search_comment_update AFTER UPDATE OF body ON comments
    FOR EACH ROW WHEN (OLD.body IS DISTINCT FROM NEW.body) EXECUTE FUNCTION draft_search_comment_changed();
CREATE TRIGGER draft_search_reply_write AFTER INSERT OR DELETE ON comment_replies
    FOR EACH ROW EXECUTE FUNCTION draft_search_reply_changed();
CREATE TRIGGER draft_search_reply_update AFTER UPDATE OF body ON comment_replies
    FOR EACH ROW WHEN (OLD.body IS DISTINCT FROM NEW.body) EXECUTE FUNCTION draft_search_reply_changed();

-- +goose Down
DROP TRIGGER draft_search_reply_update ON comment_replies;
DROP TRIGGER draft_search_reply_write ON comment_replies;
DROP TRIGGER draft_search_comment_update ON comments;
DROP TRIGGER draft_search_comment_write ON comments;
DROP TRIGGER draft_search_draft_update ON drafts;
DROP TRIGGER draft_search_draft_insert ON drafts;
DROP FUNCTION draft_search_draft_text_changed();

CREATE TRIGGER draft_search_draft AFTER INSERT OR UPDATE OF title, brief, body, byline, topics ON drafts
    FOR EACH ROW EXECUTE FUNCTION draft_search_draft_changed();
CREATE TRIGGER draft_search_comment AFTER INSERT OR UPDATE OF body OR DELETE ON comments
    FOR EACH ROW EXECUTE FUNCTION draft_search_comment_changed();
CREATE TRIGGER draft_search_reply AFTER INSERT OR UPDATE OF body OR DELETE ON comment_replies
    FOR EACH ROW EXECUTE FUNCTION draft_search_reply_changed();
