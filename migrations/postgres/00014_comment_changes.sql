-- A comment's author may edit it until someone replies: edited_at says when it last was. A reply
-- may be addressed to people who can see the draft; each addressee is a row here. An API token
-- made from the account page carries the name its owner gave it, to tell it from others.

-- +goose Up
ALTER TABLE comments ADD COLUMN edited_at TIMESTAMPTZ;

CREATE TABLE reply_addressees (
    reply_id BIGINT NOT NULL REFERENCES comment_replies (id),
    user_id  BIGINT NOT NULL REFERENCES users (id),
    PRIMARY KEY (reply_id, user_id)
);

ALTER TABLE tokens ADD COLUMN name TEXT NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE tokens DROP COLUMN name;
DROP TABLE reply_addressees;
ALTER TABLE comments DROP COLUMN edited_at;
