-- On PostgreSQL a reply's re-indexing of its piece for search no longer reads the whole
-- discussion (see the PostgreSQL migration of this number). SQLite indexes a reply's piece
-- after its transaction, once a run however many replies came in meanwhile (00036), so a
-- reply's write costs the same here whatever the discussion's length.

-- +goose Up
SELECT 1;

-- +goose Down
SELECT 1;
