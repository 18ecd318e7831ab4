-- A user whose password someone else chose (an admin's reset, or a promotion to admin) must
-- choose their own at their next sign-in before doing anything else.

-- +goose Up
ALTER TABLE users ADD COLUMN must_change_password BOOLEAN NOT NULL DEFAULT FALSE;

-- +goose Down
ALTER TABLE users DROP COLUMN must_change_password;
