package store

import (
	"context"
	"fmt"

	"gorm.io/gorm"

	"github.com/copydesk/copydesk/internal/revpack"
)

// packBatch is how many revisions one transaction of packOldRevisions packs: a few megabytes of
// text, so that a large database is converted in steps that each commit quickly.
const packBatch = 500

// packOldRevisions packs the whole texts of the numbered revisions written before migration
// 00029, packBatch at a time in version order, each batch in its own transaction, so that a
// run stopped part-way goes on where it stopped at the next start. Once every revision is
// packed it costs one look at the empty index revisions_unpacked, so Migrate runs it every
// time; a cancelled ctx stops it between batches.
func (s *Store) packOldRevisions(ctx context.Context) error {
	for {
		n, err := s.packRevisionBatch(ctx, packBatch)
		if err != nil {
			return internal("pack revisions", err)
		}
		if n == 0 {
			return nil
		}
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("store: pack revisions: %w", err)
		}
	}
}

// packRevisionBatch packs up to limit unpacked numbered revisions, the first in order of draft
// and version, in one transaction, and returns how many it packed. Each continues the chain of
// the one before it in the batch when that is its previous version, and starts a keyframe
// otherwise. Servers sharing a PostgreSQL database take turns at it (see lockPacking).
func (s *Store) packRevisionBatch(ctx context.Context, limit int) (int, error) {
	n := 0
	err := s.transact(ctx, func(tx *gorm.DB) error {
		if err := s.lockPacking(tx); err != nil {
			return err
		}
		var rows []revisionRow
		if err := tx.Select(revisionColumns).Where("packed IS NULL AND version IS NOT NULL").Order("draft_id, version").Limit(limit).Find(&rows).Error; err != nil {
			return err
		}
		var prev *packedText
		var prevRaw []byte
		for i, r := range rows {
			raw := revpack.Marshal(r.wholeText())
			after := prev
			if i == 0 || rows[i-1].DraftID != r.DraftID || *rows[i-1].Version != *r.Version-1 {
				after = nil
			}
			p := packAfter(after, prevRaw, raw, *r.Version)
			packed, err := packRevision(tx, r.ID, p)
			if err != nil {
				return fmt.Errorf("revision %d: %w", r.ID, err)
			}
			prev, prevRaw = &p, raw
			if !packed {
				prev = nil
			}
		}
		n = len(rows)
		return nil
	})
	return n, err
}

// packRevision moves the whole text of revision id into p, the one update the append-only
// trigger on revisions lets through (see migration 00029), and says whether it did. It does not
// when another run packed the revision first (a server that does not take lockPacking's turn):
// that run's chain may differ from this one's, so the caller starts the next revision's chain
// afresh rather than make a delta against it.
func packRevision(tx *gorm.DB, id int64, p packedText) (bool, error) {
	res := tx.Table("revisions").Where("id = ? AND packed IS NULL", id).Updates(map[string]any{
		"title": "", "byline": "", "brief": "", "body": "", "topics": "[]", "editor_comment": "",
		"packed": p.data, "packed_from": p.from, "packed_chain": p.chain.Bytes, "packed_sum": int64(p.sum),
	})
	return res.RowsAffected == 1, res.Error
}
