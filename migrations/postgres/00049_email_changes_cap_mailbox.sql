-- The cap of ten links an hour to one mailbox went by the whole address, so victim+1@, victim+2@
-- and so on, which most mail providers deliver to one inbox, were each a mailbox of their own,
-- and a few accounts could mail that inbox as many links as they had tags. cap_mailbox is mailbox
-- with any "+tag" cut from its local part, which the cap now goes by (Store.mailboxCapped); it
-- may count as one inbox two that are not, which only makes the cap stricter. Links asked for
-- before this migration get theirs from their mailbox, taking its first "@" for the end of the
-- local part, as it is in all but quoted local parts.

-- +goose Up
ALTER TABLE email_changes ADD COLUMN cap_mailbox TEXT NOT NULL DEFAULT '';
UPDATE email_changes SET cap_mailbox = CASE
    WHEN strpos(mailbox, '+') > 0 AND strpos(mailbox, '+') < strpos(mailbox, '@')
        THEN substr(mailbox, 1, strpos(mailbox, '+') - 1) || substr(mailbox, strpos(mailbox, '@'))
    ELSE mailbox
END;
CREATE INDEX email_changes_cap_mailbox ON email_changes (cap_mailbox, created_at);

-- +goose Down
DROP INDEX email_changes_cap_mailbox;
ALTER TABLE email_changes DROP COLUMN cap_mailbox;
