-- The inbox reads, for one person, only what may be waiting on them: the open threads of the
-- pieces they write or of the replies addressed to them, the unchecked quotes still in a text,
-- and their own drafts. Partial indexes keep resolved threads and checked quotes, most of an
-- archive, out of those reads.

-- +goose Up
CREATE INDEX comments_open ON comments (draft_id, id) WHERE resolved_at IS NULL;
CREATE INDEX reply_addressees_user ON reply_addressees (user_id, reply_id);
CREATE INDEX quotes_unchecked ON quotes (draft_id, id) WHERE status = 'unchecked' AND removed_at IS NULL;
CREATE INDEX drafts_writer_stage ON drafts (writer_id, stage);

-- +goose Down
DROP INDEX drafts_writer_stage;
DROP INDEX quotes_unchecked;
DROP INDEX reply_addressees_user;
DROP INDEX comments_open;
