package store

import (
	"context"
	"fmt"

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
	var done int64
	if err := s.w.WithContext(ctx).Table("backfills").Where("name = ?", name).Count(&done).Error; err != nil {
		return internal("read backfill "+name, err)
	}
	if done > 0 {
		return nil
	}
	return internal("backfill "+name, s.tx(ctx, func(tx *gorm.DB) error {
		if err := fill(tx); err != nil {
			return err
		}
		err := tx.Exec("INSERT INTO backfills (name, done_at) VALUES (?, ?) ON CONFLICT (name) DO NOTHING", name, s.clock()).Error
		if err != nil {
			return fmt.Errorf("record backfill %s: %w", name, err)
		}
		return nil
	}))
}
