-- removed_image_id is the lead image a draft's last removal or replacement took away, which
-- Undo on the draft page brings back with its alt text, caption and credit; the image Undo
-- replaces, if any, takes its place here, so that a second Undo undoes the first.

-- +goose Up
ALTER TABLE drafts ADD COLUMN removed_image_id BIGINT REFERENCES images (id);

-- +goose Down
ALTER TABLE drafts DROP COLUMN removed_image_id;
