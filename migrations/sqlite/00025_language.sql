-- Each piece has a language, a BCP 47 tag such as "ar" or "pt-BR"; empty means the site's. A
-- publication keeps the language its piece had when it was published, as it keeps the text.

-- +goose Up
ALTER TABLE drafts ADD COLUMN language TEXT NOT NULL DEFAULT '';
ALTER TABLE publications ADD COLUMN language TEXT NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE publications DROP COLUMN language;
ALTER TABLE drafts DROP COLUMN language;
