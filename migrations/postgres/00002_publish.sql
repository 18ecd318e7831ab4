-- Publishing: a draft's date from an import, scheduling, and articles with their immutable
-- published snapshots (the first publication and every correction).

-- +goose Up
ALTER TABLE drafts ADD COLUMN dateline TEXT NOT NULL DEFAULT '';
ALTER TABLE drafts ADD COLUMN scheduled_at TIMESTAMPTZ;
ALTER TABLE drafts ADD COLUMN scheduled_by BIGINT REFERENCES users (id);
CREATE INDEX drafts_scheduled ON drafts (stage, scheduled_at);

-- An article is a draft's public identity: its slug, reserved when the draft is first published
-- or scheduled, and a pointer to its newest snapshot once it is public.
CREATE TABLE articles (
    id                    BIGSERIAL PRIMARY KEY,
    draft_id              BIGINT NOT NULL UNIQUE REFERENCES drafts (id),
    slug                  TEXT NOT NULL UNIQUE,
    first_published_at    TIMESTAMPTZ,
    latest_publication_id BIGINT
);
CREATE INDEX articles_first_published ON articles (first_published_at DESC, id DESC);

-- A publication is an immutable snapshot of what readers saw: number 1 is the first
-- publication, each later one a correction with its public note.
CREATE TABLE publications (
    id               BIGSERIAL PRIMARY KEY,
    article_id       BIGINT NOT NULL REFERENCES articles (id),
    number           BIGINT NOT NULL,
    revision_version BIGINT NOT NULL,
    title            TEXT NOT NULL,
    byline           TEXT NOT NULL,
    brief            TEXT NOT NULL,
    body             TEXT NOT NULL,
    topics           TEXT NOT NULL,
    editor_comment   TEXT NOT NULL,
    correction_note  TEXT NOT NULL DEFAULT '',
    published_at     TIMESTAMPTZ NOT NULL,
    published_by     BIGINT NOT NULL REFERENCES users (id),
    content_hash     TEXT NOT NULL,
    UNIQUE (article_id, number)
);

CREATE TRIGGER publications_append_only BEFORE UPDATE OR DELETE ON publications
    FOR EACH ROW EXECUTE FUNCTION append_only('publications are immutable');
CREATE TRIGGER publications_append_only_truncate BEFORE TRUNCATE ON publications
    FOR EACH STATEMENT EXECUTE FUNCTION append_only('publications are immutable');

-- +goose Down
DROP TABLE publications;
DROP TABLE articles;
DROP INDEX drafts_scheduled;
ALTER TABLE drafts DROP COLUMN scheduled_by;
ALTER TABLE drafts DROP COLUMN scheduled_at;
ALTER TABLE drafts DROP COLUMN dateline;
