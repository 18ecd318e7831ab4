-- A publish no longer writes its piece into published_search inside its own transaction:
-- tokenizing a 1,500-word body and writing it into the FTS4 table, with the merges of its
-- segments that FTS4 runs on every sixteenth insert, held SQLite's one writer for a third of a
-- publish's time. A publication now files its article in published_pending, and the store
-- indexes the pending articles together, after the publishes committed: every second in the
-- background, and before any public search reads the index, so that a search never misses a
-- publication committed before it began (see internal/store/published_pending.go). An article
-- published or corrected many times between two such runs is indexed once, from its latest
-- publication.

-- +goose Up
CREATE TABLE published_pending (article_id INTEGER PRIMARY KEY REFERENCES articles (id));

-- +goose Down
-- The pending articles' old rows go, and the published_search backfill is marked not done, so
-- that the next start of the earlier version indexes them from their latest publications.
DELETE FROM published_search WHERE docid IN (SELECT article_id FROM published_pending);
DELETE FROM backfills WHERE name = 'published_search' AND EXISTS (SELECT 1 FROM published_pending);
DROP TABLE published_pending;
