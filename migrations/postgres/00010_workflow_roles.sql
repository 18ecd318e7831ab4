-- A user's role is one the newsroom's workflow file declares (policies/workflow.yaml), checked
-- by the policy when a user is added or changed, so the table no longer holds it to the default
-- workflow's four.

-- +goose Up
ALTER TABLE users DROP CONSTRAINT users_role_check;
ALTER TABLE users ADD CONSTRAINT users_role_named CHECK (role <> '');

-- +goose Down
ALTER TABLE users DROP CONSTRAINT users_role_named;
ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN ('writer', 'factchecker', 'editor', 'admin'));
