-- A save made on an older version of a draft is merged with the current text when the two
-- changed different words. Its revision says so: merged_with is the version it was merged with,
-- the draft's current version at the time, and stays NULL for every other revision.

-- +goose Up
ALTER TABLE revisions ADD COLUMN merged_with INTEGER;

-- +goose Down
ALTER TABLE revisions DROP COLUMN merged_with;
