-- A user's role is one the newsroom's workflow file declares (policies/workflow.yaml), checked
-- by the policy when a user is added or changed, so the table no longer holds it to the default
-- workflow's four; it only refuses an empty one. SQLite cannot drop a CHECK, but its
-- documentation allows removing one by editing the table's stored definition
-- (https://sqlite.org/lang_altertable.html#otheralter): nothing on disk changes, so no row is
-- copied and every reference to users stays as it is. It runs in goose's transaction, so a
-- failure leaves the schema as it was. RESET makes this connection read the new definition,
-- and a CREATE and DROP move the schema's version, which makes every other open connection
-- read it; the temporary table's CHECK fails the migration if the definition was not the one
-- 00001 wrote.

-- +goose Up
PRAGMA writable_schema = ON;
UPDATE sqlite_schema
   SET sql = replace(sql, 'CHECK (role IN (''writer'', ''factchecker'', ''editor'', ''admin''))', 'CHECK (role <> '''')')
 WHERE type = 'table' AND name = 'users';
PRAGMA writable_schema = RESET;
CREATE TEMP TABLE migration_00010 (edited INTEGER CHECK (edited = 1));
INSERT INTO migration_00010 SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'users' AND sql LIKE '%CHECK (role <> '''')%';
DROP TABLE migration_00010;
CREATE TABLE schema_version_bump (x INTEGER);
DROP TABLE schema_version_bump;

-- +goose Down
PRAGMA writable_schema = ON;
UPDATE sqlite_schema
   SET sql = replace(sql, 'CHECK (role <> '''')', 'CHECK (role IN (''writer'', ''factchecker'', ''editor'', ''admin''))')
 WHERE type = 'table' AND name = 'users';
PRAGMA writable_schema = RESET;
CREATE TABLE schema_version_bump (x INTEGER);
DROP TABLE schema_version_bump;
