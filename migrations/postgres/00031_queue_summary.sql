-- A desk's queue lists one stage's drafts, newest change first, as summaries (id, title, byline,
-- language, stage, version, writer and dates; see internal/store/summaries.go). The index behind
-- the queue now carries what a summary reads, as on SQLite, so that a stage whose pieces have not
-- changed since the last VACUUM is listed by an index-only scan.

-- +goose Up
DROP INDEX drafts_stage_updated;
CREATE INDEX drafts_stage_updated ON drafts (stage, updated_at DESC, id DESC) INCLUDE (writer_id, version, created_at, language, title, byline);

-- +goose Down
DROP INDEX drafts_stage_updated;
CREATE INDEX drafts_stage_updated ON drafts (stage, updated_at DESC, id DESC);
