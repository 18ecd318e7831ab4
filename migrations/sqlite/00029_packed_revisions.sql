-- Packed revisions: a numbered revision's text is kept in packed, either whole and compressed (a
-- keyframe) or as a delta against the revision before it (see internal/revpack), instead of a
-- whole copy in the text columns, which a packed revision leaves empty. packed_from is the
-- version of the keyframe its chain starts at, so a read fetches versions packed_from through
-- the one it wants; packed_chain is the bytes packed from that keyframe through this revision
-- and packed_sum the CRC-32 of the marshalled text, which the next save compares with the text
-- it has in hand before making a delta against it. Unmerged revisions keep their texts apart
-- (00008) and are never packed.
--
-- Revisions written before this migration are packed by the store at start, a batch of drafts
-- per transaction (internal/store/revision_packing.go); revisions_unpacked indexes those left,
-- so that asking whether any are costs one look at an empty index once they are all done.
--
-- Revisions stay append-only: the one update the trigger lets through is packing a whole text,
-- once. The revision's text columns become empty, packed and its chain columns are set, and
-- nothing else of the row changes; a packed revision can never be updated again. The database
-- cannot check that packed holds the text it replaces; the store packs and checks it in Go.

-- +goose Up
ALTER TABLE revisions ADD COLUMN packed BLOB;
ALTER TABLE revisions ADD COLUMN packed_from INTEGER;
ALTER TABLE revisions ADD COLUMN packed_chain INTEGER;
ALTER TABLE revisions ADD COLUMN packed_sum INTEGER;
CREATE INDEX revisions_unpacked ON revisions (draft_id, version) WHERE packed IS NULL AND version IS NOT NULL;

DROP TRIGGER revisions_append_only_update;
-- +goose StatementBegin
CREATE TRIGGER revisions_append_only_update BEFORE UPDATE ON revisions
WHEN NOT (OLD.packed IS NULL AND OLD.version IS NOT NULL AND NEW.packed IS NOT NULL
    AND NEW.packed_from IS NOT NULL AND NEW.packed_chain IS NOT NULL AND NEW.packed_sum IS NOT NULL
    AND NEW.id IS OLD.id AND NEW.draft_id IS OLD.draft_id AND NEW.version IS OLD.version
    AND NEW.base_version IS OLD.base_version AND NEW.author_id IS OLD.author_id
    AND NEW.merged_with IS OLD.merged_with AND NEW.created_at IS OLD.created_at
    AND NEW.title = '' AND NEW.byline = '' AND NEW.brief = '' AND NEW.body = ''
    AND NEW.topics = '[]' AND NEW.editor_comment = '')
BEGIN SELECT RAISE(ABORT, 'revisions are append-only'); END;
-- +goose StatementEnd

-- +goose Down
-- Packed texts can only be unpacked by the store (zstd), not by SQL: while any revision is
-- packed, going below 00029 would drop the only copy of its text, so it is refused. A temporary
-- trigger is the one way plain SQL can raise an error of its own.
CREATE TEMP TABLE undo_00029 (packed INTEGER);
-- +goose StatementBegin
CREATE TEMP TRIGGER undo_00029_refused BEFORE INSERT ON undo_00029 WHEN NEW.packed > 0 BEGIN
    SELECT RAISE(ABORT, 'migration 00029 cannot be undone while revisions are packed: their texts exist only packed; restore a backup taken before the upgrade instead');
END;
-- +goose StatementEnd
INSERT INTO undo_00029 SELECT count(*) FROM revisions WHERE packed IS NOT NULL;
DROP TABLE undo_00029;
DROP TRIGGER revisions_append_only_update;
-- +goose StatementBegin
CREATE TRIGGER revisions_append_only_update BEFORE UPDATE ON revisions
BEGIN SELECT RAISE(ABORT, 'revisions are append-only'); END;
-- +goose StatementEnd
DROP INDEX revisions_unpacked;
ALTER TABLE revisions DROP COLUMN packed_sum;
ALTER TABLE revisions DROP COLUMN packed_chain;
ALTER TABLE revisions DROP COLUMN packed_from;
ALTER TABLE revisions DROP COLUMN packed;
