package store

import (
	"context"

	"gorm.io/gorm"
)

// FTS4 keeps each search index as segments in levels, and left to itself merges a level's
// sixteen segments into one at the next level inside the commit that would add a seventeenth:
// at 10,000 drafts such a commit held SQLite's one writer for 200 to 700 ms, every save and
// publish waiting behind it, and the largest merges grow with the archive. The store asks FTS4
// instead for incremental merges, a few blocks at a time in transactions of their own, after
// every batch it indexes, so that no level fills and no commit merges a whole level.
const (
	// mergeCommand asks FTS4 for one incremental merge step: write at most 16 leaf blocks,
	// merging the lowest level that holds at least 4 segments (or going on with a merge left
	// unfinished). Measured on the drafts of a 10,000-draft newsroom re-indexed two at a time, a
	// step took at most 47 ms (p99 14 ms) and no commit merged a level whole; steps of 64 blocks
	// took up to 95 ms, and merging levels of 8 let levels fill while a larger merge went on.
	mergeCommand = "merge=16,4"
	// mergeSteps bounds the steps after one batch: enough to merge what the batch added at
	// every level, with room to catch up, and no more, so that a run goes back to indexing.
	mergeSteps = 4
	// crowdedLevel is how many segments at one level make merging more urgent than indexing:
	// half way to the sixteen at which FTS4 would merge the level whole.
	crowdedLevel = 8
)

// mergeIndex runs up to mergeSteps incremental merge steps on the FTS4 table index, each in a
// turn of its own (see writeTurn), and stops at the first that finds nothing to merge. It says
// whether its caller may go on.
func (s *Store) mergeIndex(ctx context.Context, turn writeTurn, index string) (bool, error) {
	for range mergeSteps {
		merged := false
		goOn, err := turn(ctx, func(tx *gorm.DB) (err error) {
			merged, err = mergeStep(tx, index)
			return err
		})
		if err != nil || !goOn || !merged {
			return goOn, err
		}
	}
	return true, nil
}

// mergeStep asks FTS4 for one incremental merge step on index and says whether it merged
// anything: FTS4 documents that a step which did work adds at least two to the connection's
// total_changes(), and one that found nothing to merge fewer.
func mergeStep(tx *gorm.DB, index string) (bool, error) {
	var before, after int64
	if err := tx.Raw("SELECT total_changes()").Scan(&before).Error; err != nil {
		return false, err
	}
	if err := tx.Exec("INSERT INTO "+index+" ("+index+") VALUES (?)", mergeCommand).Error; err != nil {
		return false, err
	}
	if err := tx.Raw("SELECT total_changes()").Scan(&after).Error; err != nil {
		return false, err
	}
	return after-before >= 2, nil
}

// mergeCrowded merges index first if one of its levels holds crowdedLevel segments or more,
// which it reads without the writer: segments also come from the drafts and comments indexed
// within their own requests, and under writes that never pause a background run has one
// transaction, which then goes to merging rather than to indexing. It says whether its caller
// may go on.
func (s *Store) mergeCrowded(ctx context.Context, turn writeTurn, index string) (bool, error) {
	var crowded []int64
	err := s.read(ctx).Raw("SELECT level FROM "+index+"_segdir GROUP BY level HAVING count(*) >= ? LIMIT 1", crowdedLevel).
		Scan(&crowded).Error
	if err != nil || len(crowded) == 0 {
		return true, err
	}
	return s.mergeIndex(ctx, turn, index)
}
