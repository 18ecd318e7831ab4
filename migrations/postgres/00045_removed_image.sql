-- removed_image_id is the lead image a draft's last removal took away, which Undo on the draft
-- page brings back with its alt text, caption and credit while the draft has no lead image.
-- Setting or restoring an image clears it.

-- +goose Up
ALTER TABLE drafts ADD COLUMN removed_image_id BIGINT REFERENCES images (id);

-- +goose Down
ALTER TABLE drafts DROP COLUMN removed_image_id;
