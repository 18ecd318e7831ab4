-- A new-draft form could be sent twice (a double click, a form sent again after a network
-- hiccup, Back and send again) and make two drafts. The form carries a token the server gave
-- it, and an API request its Idempotency-Key; the draft the first sending made is kept here
-- under it, so that the same form sent again answers with that draft (Store.CreateDraftOnce).
-- digest is the SHA-256 of the draft's text as created: the same token with other text is
-- refused, not answered with a draft that lacks it.

-- +goose Up
CREATE TABLE draft_creations (
    user_id    BIGINT NOT NULL REFERENCES users (id),
    token      TEXT NOT NULL,
    draft_id   BIGINT NOT NULL REFERENCES drafts (id),
    digest     TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (user_id, token)
);

-- +goose Down
DROP TABLE draft_creations;
