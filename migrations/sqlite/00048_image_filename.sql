-- filename is what the uploader's browser called an image's file, cleaned and cut short
-- (newsroom.ImageFileName), so that a draft's history can name the image a change set, replaced,
-- removed or restored; an image stored before it, or sent with no name, has ''.

-- +goose Up
ALTER TABLE images ADD COLUMN filename TEXT NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE images DROP COLUMN filename;
