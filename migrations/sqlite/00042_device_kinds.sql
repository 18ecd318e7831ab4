-- A user holds at most 50 device cookies and tokens (store.maxDevices), the oldest going first.
-- Browsers and API clients shared that count, so a script signing in over the API 50 times
-- without sending its token back ended the user's browser cookie, and the browser was then
-- throttled with strangers guessing at the password. kind says which a device is, and each kind
-- is counted on its own. Devices given before this migration were browsers' cookies or tokens
-- that no client has sent back yet; they count as browsers'.

-- +goose Up
ALTER TABLE devices ADD COLUMN kind TEXT NOT NULL DEFAULT 'browser';

-- +goose Down
ALTER TABLE devices DROP COLUMN kind;
