-- A user added without a display name (the command line's --name is optional) was named by an
-- empty string wherever a person is named: notifications, emails and webhooks said "Copydesk
-- mentioned you" as if the server had, a refused claim said " already holds this piece", and a
-- piece's history and the inbox left a gap. A user added now without a name is named by their
-- username (Store.CreateUser); this names the users added before the same way.

-- +goose Up
UPDATE users SET name = username WHERE TRIM(name) = '';

-- +goose Down
-- The names given stay: which of them were empty before cannot be told, and a name is what an
-- earlier version shows too.
