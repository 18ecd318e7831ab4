-- Inline comments: each sits on a span of one field, anchored like a W3C TextQuoteSelector
-- (exact text, prefix, suffix, and the code-point range as a hint), with a thread of replies.

-- +goose Up
CREATE TABLE comments (
    id               BIGSERIAL PRIMARY KEY,
    draft_id         BIGINT NOT NULL REFERENCES drafts (id),
    author_id        BIGINT NOT NULL REFERENCES users (id),
    field            TEXT NOT NULL CHECK (field IN ('title', 'brief', 'body', 'editor_comment')),
    body             TEXT NOT NULL,
    quote            TEXT NOT NULL,
    exact            TEXT NOT NULL,
    prefix           TEXT NOT NULL,
    suffix           TEXT NOT NULL,
    start_pos        BIGINT NOT NULL,
    end_pos          BIGINT NOT NULL,
    status           TEXT NOT NULL DEFAULT 'exact' CHECK (status IN ('exact', 'moved', 'detached')),
    anchored_version BIGINT NOT NULL,
    resolved_by      BIGINT REFERENCES users (id),
    resolved_at      TIMESTAMPTZ,
    created_at       TIMESTAMPTZ NOT NULL
);
CREATE INDEX comments_draft ON comments (draft_id, id);

CREATE TABLE comment_replies (
    id         BIGSERIAL PRIMARY KEY,
    comment_id BIGINT NOT NULL REFERENCES comments (id),
    author_id  BIGINT NOT NULL REFERENCES users (id),
    body       TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX comment_replies_comment ON comment_replies (comment_id, id);

-- +goose Down
DROP TABLE comment_replies;
DROP TABLE comments;
