-- A desk's queue lists one stage's drafts, newest change first, as summaries (id, title, byline,
-- language, stage, version, writer and dates; see internal/store/summaries.go). SQLite keeps a
-- row's columns in order and spills a long body to overflow pages, so reading the columns after
-- the body (language, version, the dates) walked every listed draft's overflow chain. The index
-- behind the queue now holds what a summary reads, so the page is read from the index alone.

-- +goose Up
DROP INDEX drafts_stage_updated;
CREATE INDEX drafts_stage_updated ON drafts (stage, updated_at DESC, id DESC, writer_id, version, created_at, language, title, byline);

-- +goose Down
DROP INDEX drafts_stage_updated;
CREATE INDEX drafts_stage_updated ON drafts (stage, updated_at DESC, id DESC);
