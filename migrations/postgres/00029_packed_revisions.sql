-- Packed revisions: a numbered revision's text is kept in packed, either whole and compressed (a
-- keyframe) or as a delta against the revision before it (see internal/revpack), instead of a
-- whole copy in the text columns, which a packed revision leaves empty. packed_from is the
-- version of the keyframe its chain starts at, so a read fetches versions packed_from through
-- the one it wants; packed_chain is the bytes packed from that keyframe through this revision
-- and packed_sum the CRC-32 of the marshalled text, which the next save compares with the text
-- it has in hand before making a delta against it. Unmerged revisions keep their texts apart
-- (00008) and are never packed. PostgreSQL would compress a whole text on its own (TOAST), but
-- each alone: the deltas are what make a save small.
--
-- Revisions written before this migration are packed by the store at start, a batch of drafts
-- per transaction (internal/store/revision_packing.go); revisions_unpacked indexes those left,
-- so that asking whether any are costs one look at an empty index once they are all done.
--
-- Revisions stay append-only: the one update the trigger lets through is packing a whole text,
-- once. The revision's text columns become empty, packed and its chain columns are set, and
-- nothing else of the row changes; a packed revision can never be updated again. Deletes and
-- truncation stay refused. The database cannot check that packed holds the text it replaces;
-- the store packs and checks it in Go.

-- +goose Up
ALTER TABLE revisions ADD COLUMN packed BYTEA;
ALTER TABLE revisions ADD COLUMN packed_from BIGINT;
ALTER TABLE revisions ADD COLUMN packed_chain BIGINT;
ALTER TABLE revisions ADD COLUMN packed_sum BIGINT;
CREATE INDEX revisions_unpacked ON revisions (draft_id, version) WHERE packed IS NULL AND version IS NOT NULL;

DROP TRIGGER revisions_append_only ON revisions;
CREATE TRIGGER revisions_append_only_delete BEFORE DELETE ON revisions
    FOR EACH ROW EXECUTE FUNCTION append_only('revisions are append-only');
CREATE TRIGGER revisions_append_only_update BEFORE UPDATE ON revisions
    FOR EACH ROW WHEN (NOT (OLD.packed IS NULL AND OLD.version IS NOT NULL AND NEW.packed IS NOT NULL
        AND NEW.packed_from IS NOT NULL AND NEW.packed_chain IS NOT NULL AND NEW.packed_sum IS NOT NULL
        AND NEW.id IS NOT DISTINCT FROM OLD.id AND NEW.draft_id IS NOT DISTINCT FROM OLD.draft_id
        AND NEW.version IS NOT DISTINCT FROM OLD.version AND NEW.base_version IS NOT DISTINCT FROM OLD.base_version
        AND NEW.author_id IS NOT DISTINCT FROM OLD.author_id
        AND NEW.merged_with IS NOT DISTINCT FROM OLD.merged_with AND NEW.created_at IS NOT DISTINCT FROM OLD.created_at
        AND NEW.title = '' AND NEW.byline = '' AND NEW.brief = '' AND NEW.body = ''
        AND NEW.topics = '[]' AND NEW.editor_comment = ''))
    EXECUTE FUNCTION append_only('revisions are append-only');

-- +goose Down
-- Packed texts can only be unpacked by the store (zstd), not by SQL: while any revision is
-- packed, going below 00029 would drop the only copy of its text, so it is refused.
-- +goose StatementBegin
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM revisions WHERE packed IS NOT NULL) THEN
        RAISE EXCEPTION 'migration 00029 cannot be undone while revisions are packed: their texts exist only packed; restore a backup taken before the upgrade instead';
    END IF;
END
$$;
-- +goose StatementEnd
DROP TRIGGER revisions_append_only_update ON revisions;
DROP TRIGGER revisions_append_only_delete ON revisions;
CREATE TRIGGER revisions_append_only BEFORE UPDATE OR DELETE ON revisions
    FOR EACH ROW EXECUTE FUNCTION append_only('revisions are append-only');
DROP INDEX revisions_unpacked;
ALTER TABLE revisions DROP COLUMN packed_sum;
ALTER TABLE revisions DROP COLUMN packed_chain;
ALTER TABLE revisions DROP COLUMN packed_from;
ALTER TABLE revisions DROP COLUMN packed;
