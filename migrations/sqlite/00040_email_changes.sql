-- A person's new email address took effect the moment they typed it, so anyone could point the
-- newsroom's mail (piece titles, comment text) at a stranger's mailbox, and a typo sent it to
-- whoever owned the mistyped one. A new address now waits here until its owner follows the link
-- mailed to it (Store.RequestEmailChange, Store.ConfirmEmail); users.email stays the confirmed
-- address, where mail goes meanwhile, so the addresses set before this change stay confirmed.
-- Only the link's hash is kept. mailbox is the address lower-cased, which the limit on how
-- often one address is mailed goes by, whoever asks.

-- +goose Up
CREATE TABLE email_changes (
    id         INTEGER PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id),
    address    TEXT NOT NULL,
    mailbox    TEXT NOT NULL,
    hash       TEXT NOT NULL UNIQUE,
    status     TEXT NOT NULL DEFAULT 'pending',
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL
);
CREATE INDEX email_changes_user ON email_changes (user_id, created_at);
CREATE INDEX email_changes_mailbox ON email_changes (mailbox, created_at);

-- +goose Down
DROP TABLE email_changes;
