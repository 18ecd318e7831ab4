-- Working copies: each user's unsaved typing in a draft, one row per user and draft, saved over
-- and over while they type so that they can go on from another machine, and deleted by their
-- next save. Not history: no revision, no audit row. A row saved in the last few seconds also
-- says that its user is editing the draft now.

-- +goose Up
CREATE TABLE working_copies (
    draft_id       INTEGER NOT NULL REFERENCES drafts (id),
    user_id        INTEGER NOT NULL REFERENCES users (id),
    base_version   INTEGER NOT NULL,
    title          TEXT NOT NULL,
    byline         TEXT NOT NULL,
    brief          TEXT NOT NULL,
    body           TEXT NOT NULL,
    topics         TEXT NOT NULL,
    editor_comment TEXT NOT NULL,
    updated_at     TIMESTAMP NOT NULL,
    PRIMARY KEY (draft_id, user_id)
);

-- +goose Down
DROP TABLE working_copies;
