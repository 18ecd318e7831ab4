-- Unmerged texts: the text of a save that lost a version race moves out of its revision into a
-- table of its own, where the store keeps only each author's newest 20 per draft. The revision
-- stays, without its text, as the append-only record that the stale save happened.

-- +goose Up
CREATE TABLE unmerged_texts (
    revision_id    INTEGER PRIMARY KEY REFERENCES revisions (id),
    draft_id       INTEGER NOT NULL REFERENCES drafts (id),
    author_id      INTEGER NOT NULL REFERENCES users (id),
    title          TEXT NOT NULL,
    byline         TEXT NOT NULL,
    brief          TEXT NOT NULL,
    body           TEXT NOT NULL,
    topics         TEXT NOT NULL,
    editor_comment TEXT NOT NULL
);
CREATE INDEX unmerged_texts_author ON unmerged_texts (draft_id, author_id, revision_id);

INSERT INTO unmerged_texts (revision_id, draft_id, author_id, title, byline, brief, body, topics, editor_comment)
SELECT id, draft_id, author_id, title, byline, brief, body, topics, editor_comment
FROM (SELECT revisions.*, ROW_NUMBER() OVER (PARTITION BY draft_id, author_id ORDER BY id DESC) AS newer
      FROM revisions WHERE version IS NULL) AS unmerged
WHERE newer <= 20;

-- Moving the texts out is the one change ever made to revisions already written: the trigger
-- that refuses updates stands aside for this statement alone.
DROP TRIGGER revisions_append_only_update;
UPDATE revisions SET title = '', byline = '', brief = '', body = '', topics = '[]', editor_comment = ''
WHERE version IS NULL;
-- +goose StatementBegin
CREATE TRIGGER revisions_append_only_update BEFORE UPDATE ON revisions
BEGIN SELECT RAISE(ABORT, 'revisions are append-only'); END;
-- +goose StatementEnd

-- +goose Down
DROP TRIGGER revisions_append_only_update;
UPDATE revisions SET (title, byline, brief, body, topics, editor_comment) =
    (SELECT title, byline, brief, body, topics, editor_comment FROM unmerged_texts WHERE revision_id = revisions.id)
WHERE id IN (SELECT revision_id FROM unmerged_texts);
-- +goose StatementBegin
CREATE TRIGGER revisions_append_only_update BEFORE UPDATE ON revisions
BEGIN SELECT RAISE(ABORT, 'revisions are append-only'); END;
-- +goose StatementEnd
DROP TABLE unmerged_texts;
