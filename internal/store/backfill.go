package store

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"
)

// The backfills Migrate runs, by the name the backfills table records them under.
const (
	backfillTags          = "article_tags"
	backfillPublishedText = "published_search"
	backfillSymbolTags    = "article_tags_symbols"
	backfillSuffixTags    = "article_tags_suffixes"
	backfillSharpSTags    = "article_tags_capital_sharp_s"
	backfillStaleTags     = "article_tags_stale"
	backfillSpacedQuotes  = "quotes_spaced_paragraphs"
	backfillFeedIDs       = "feed_entry_ids"
)

// backfill runs a Go step that writes the rows data from before some migration lacks (fill,
// in a write transaction), unless the backfills table says it has completed on this database.
// Its name is recorded in the same transaction as its writes, so a start interrupted half-way
// runs it again, and every later start knows by one primary-key read that it has nothing to
// do: start-up costs the same on a database of ten pieces or of a million. A backfill is only
// for rows that every write since its migration makes itself (publish writes a piece's tags
// and search text), so that what it once filled stays filled.
func (s *Store) backfill(ctx context.Context, name string, fill func(tx *gorm.DB) error) error {
	if done, err := s.backfilled(ctx, name); done || err != nil {
		return err
	}
	return internal("backfill "+name, s.tx(ctx, func(tx *gorm.DB) error {
		if err := fill(tx); err != nil {
			return err
		}
		return recordBackfill(tx, name, s.clock())
	}))
}

// backfillInBatches is backfill for a fill too large for one transaction or one statement:
// step runs again and again, each time in a transaction of its own, from after (0 the first
// time), and returns where the next run starts, or 0 once there is nothing left. The name is
// recorded when the last step has committed, so a start interrupted half-way runs every step
// again: step must find nothing to write where it has already written.
func (s *Store) backfillInBatches(ctx context.Context, name string, step func(tx *gorm.DB, after int64) (int64, error)) error {
	if done, err := s.backfilled(ctx, name); done || err != nil {
		return err
	}
	for after := int64(0); ; {
		var next int64
		err := s.tx(ctx, func(tx *gorm.DB) error {
			var err error
			if next, err = step(tx, after); err != nil || next != 0 {
				return err
			}
			return recordBackfill(tx, name, s.clock())
		})
		if err != nil || next == 0 {
			return internal("backfill "+name, err)
		}
		after = next
	}
}

// backfilled reports whether the backfills table says that the backfill name has completed.
func (s *Store) backfilled(ctx context.Context, name string) (bool, error) {
	var done int64
	if err := s.w.WithContext(ctx).Table("backfills").Where("name = ?", name).Count(&done).Error; err != nil {
		return false, internal("read backfill "+name, err)
	}
	return done > 0, nil
}

// recordBackfill records, through tx, that the backfill name has completed at now.
func recordBackfill(tx *gorm.DB, name string, now time.Time) error {
	err := tx.Exec("INSERT INTO backfills (name, done_at) VALUES (?, ?) ON CONFLICT (name) DO NOTHING", name, now).Error
	if err != nil {
		return fmt.Errorf("record backfill %s: %w", name, err)
	}
	return nil
}
