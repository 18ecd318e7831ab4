-- A comment's author may edit it until someone replies: edited_at says when it last was. A reply
-- may be addressed to people who can see the draft; each addressee is a row here.

-- +goose Up
ALTER TABLE comments ADD COLUMN edited_at TIMESTAMP;

CREATE TABLE reply_addressees (
    reply_id INTEGER NOT NULL REFERENCES comment_replies (id),
    user_id  INTEGER NOT NULL REFERENCES users (id),
    PRIMARY KEY (reply_id, user_id)
);

-- +goose Down
DROP TABLE reply_addressees;
ALTER TABLE comments DROP COLUMN edited_at;
