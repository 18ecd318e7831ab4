-- Images: a piece's lead image and the publication's logo. The original upload is not kept: only
-- its hash (to tell a re-upload of the same file) and the sizes made from it, re-encoded without
-- metadata, stored in the database so that every app node serves them. An image row never
-- changes; replacing a lead image uploads a new one, so a published snapshot keeps the image it
-- went out with. A variant is named by the SHA-256 of its bytes, which is also its ETag.

-- +goose Up
CREATE TABLE images (
    id          BIGSERIAL PRIMARY KEY,
    kind        TEXT NOT NULL,
    hash        TEXT NOT NULL,
    width       BIGINT NOT NULL,
    height      BIGINT NOT NULL,
    alt         TEXT NOT NULL,
    caption     TEXT NOT NULL DEFAULT '',
    credit      TEXT NOT NULL DEFAULT '',
    uploaded_by BIGINT NOT NULL REFERENCES users (id),
    uploaded_at TIMESTAMPTZ NOT NULL
);

-- kind is "size" for a variant served in srcset, "icon" for a logo's square favicon sizes.
CREATE TABLE image_variants (
    id           BIGSERIAL PRIMARY KEY,
    image_id     BIGINT NOT NULL REFERENCES images (id),
    kind         TEXT NOT NULL,
    width        BIGINT NOT NULL,
    height       BIGINT NOT NULL,
    content_type TEXT NOT NULL,
    hash         TEXT NOT NULL,
    data         BYTEA NOT NULL,
    UNIQUE (image_id, kind, width)
);
CREATE INDEX image_variants_hash ON image_variants (hash);

ALTER TABLE drafts ADD COLUMN lead_image_id BIGINT REFERENCES images (id);
ALTER TABLE publications ADD COLUMN lead_image_id BIGINT REFERENCES images (id);
CREATE INDEX publications_lead_image ON publications (lead_image_id) WHERE lead_image_id IS NOT NULL;
CREATE INDEX drafts_lead_image ON drafts (lead_image_id) WHERE lead_image_id IS NOT NULL;

-- +goose Down
DROP INDEX drafts_lead_image;
DROP INDEX publications_lead_image;
ALTER TABLE publications DROP COLUMN lead_image_id;
ALTER TABLE drafts DROP COLUMN lead_image_id;
DROP TABLE image_variants;
DROP TABLE images;
