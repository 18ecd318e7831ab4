-- A piece an editor marks as the fact-check of a claim keeps the claim beside the draft: what
-- was claimed, by whom (a person or an organization), the rating on the newsroom's scale (its
-- key, see newsroom.Ratings), and optionally the day it was made (YYYY-MM-DD) and where. Each
-- publication copies it, as JSON, so that a snapshot keeps the verdict its readers saw.

-- +goose Up
CREATE TABLE claims (
    draft_id      BIGINT NOT NULL PRIMARY KEY REFERENCES drafts (id),
    claim         TEXT NOT NULL,
    claimed_by    TEXT NOT NULL,
    claimant_kind TEXT NOT NULL DEFAULT 'person',
    rating        TEXT NOT NULL,
    claim_date    TEXT NOT NULL DEFAULT '',
    claim_url     TEXT NOT NULL DEFAULT '',
    set_by        BIGINT NOT NULL REFERENCES users (id),
    set_at        TIMESTAMPTZ NOT NULL
);
ALTER TABLE publications ADD COLUMN claim TEXT;

-- +goose Down
ALTER TABLE publications DROP COLUMN claim;
DROP TABLE claims;
