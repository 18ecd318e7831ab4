package store

import (
	"context"
	"fmt"
	"strconv"

	"github.com/google/uuid"
	"gorm.io/gorm"
)

// keyFeedIDs is the settings row that gives feed entries ids of their own: "NAMESPACE AFTER",
// a UUID made for this newsroom and the highest article id when it was made. An article after
// that id goes in feeds as urn:uuid (see feedID); one at or below it keeps the id its URL gave
// it, which feed readers already hold.
const keyFeedIDs = "feed.entry_ids"

// markFeedIDs writes, through tx, the settings row keyFeedIDs: a new namespace, and the highest
// article id so far. Migrate runs it as a backfill, once per database (see backfill); a row
// already written is kept, whatever runs the backfill again, since readers hold the ids it gave.
func (s *Store) markFeedIDs(tx *gorm.DB) error {
	if ids, err := readFeedIDs(tx); err != nil || ids.namespace != uuid.Nil {
		return err
	}
	var after int64
	if err := tx.Table("articles").Select("COALESCE(MAX(id), 0)").Scan(&after).Error; err != nil {
		return fmt.Errorf("highest article id: %w", err)
	}
	return putSetting(tx, settingRow{Key: keyFeedIDs, Value: uuid.NewString() + " " + strconv.FormatInt(after, 10), UpdatedAt: s.clock()})
}

// feedIDs says the id each article goes by in feeds, as the settings row keyFeedIDs names them;
// a newsroom without the row gives every article the id of its URL, "".
type feedIDs struct {
	namespace uuid.UUID
	after     int64
}

// readFeedIDs reads the settings row keyFeedIDs through db.
func readFeedIDs(db *gorm.DB) (feedIDs, error) {
	var rows []settingRow
	if err := db.Where("key = ?", keyFeedIDs).Find(&rows).Error; err != nil || len(rows) == 0 {
		return feedIDs{}, err
	}
	var ns string
	var ids feedIDs
	if _, err := fmt.Sscanf(rows[0].Value, "%s %d", &ns, &ids.after); err != nil {
		return feedIDs{}, fmt.Errorf("the setting %s reads %q: %w", keyFeedIDs, rows[0].Value, err)
	}
	var err error
	ids.namespace, err = uuid.Parse(ns)
	return ids, err
}

// feedID is the id the article goes by in feeds: a name-based UUID (RFC 9562, version 5) of its
// id in the newsroom's namespace, which no change of the base URL or of its slug changes; or,
// for an article that was already in feeds when ids were first given, "", its URL.
func (f feedIDs) feedID(articleID int64) string {
	if f.namespace == uuid.Nil || articleID <= f.after {
		return ""
	}
	return "urn:uuid:" + uuid.NewSHA1(f.namespace, []byte(strconv.FormatInt(articleID, 10))).String()
}

// FeedID returns the atom:id of the feed at path (its site path, such as /topics/mexico/feed.atom):
// a name-based UUID of the path in the newsroom's namespace, which no change of the base URL
// changes; or "", the feed's URL, in a newsroom that had published when ids were first given,
// whose feed readers already hold that URL as its id.
func (s *Store) FeedID(ctx context.Context, path string) (string, error) {
	ids, err := readFeedIDs(s.read(ctx))
	if err != nil {
		return "", internal("read feed ids", err)
	}
	if ids.namespace == uuid.Nil || ids.after > 0 {
		return "", nil
	}
	return "urn:uuid:" + uuid.NewSHA1(ids.namespace, []byte("feed "+path)).String(), nil
}
