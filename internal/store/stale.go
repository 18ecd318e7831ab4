package store

import (
	"fmt"
	"time"

	"gorm.io/gorm"

	"github.com/copydesk/copydesk/internal/merge"
	"github.com/copydesk/copydesk/internal/newsroom"
)

// mergeStale merges a save made on an older version of cur with cur's text, reading from db (the
// save's transaction, or a read that plans it): base is the revision the save was made on,
// theirs the current text, and mine the fields the save sent over base (a field it left out is
// taken as unchanged). It returns the merged text, checked as any save is; or nil and the merge
// with its conflicts; or nil and a nil merge when there is no base to merge from (a version the
// draft never had).
func (s *Store) mergeStale(db *gorm.DB, u *newsroom.User, cur *newsroom.Draft, upd newsroom.DraftUpdate) (*newsroom.Text, *merge.Result, error) {
	if upd.Version > cur.Version {
		return nil, nil, nil
	}
	base, err := numberedRevision(db, cur.ID, upd.Version)
	if newsroom.ErrorCode(err) == newsroom.ENOTFOUND {
		return nil, nil, nil
	} else if err != nil {
		return nil, nil, err
	}
	res := merge.Texts(*base.Text, cur.Text(), upd.Apply(*base.Text).Normalize())
	merged, ok := res.Merged()
	if !ok {
		return nil, res, nil
	}
	text, err := s.checkText(u, cur, merged)
	return &text, res, err
}

// staleConflict is the answer to a stale save that could not be merged, kept as unmerged
// revision unmerged: the current version and, when the save was merged with it (res), the
// conflicts that stopped the merge.
func staleConflict(cur *newsroom.Draft, base int, unmerged int64, res *merge.Result) error {
	if res == nil {
		return newsroom.Errorf(newsroom.ECONFLICT,
			"draft %d is at version %d, but this save was based on version %d; your text is kept as unmerged revision %d",
			cur.ID, cur.Version, base, unmerged).With("current_version", cur.Version).With("unmerged_revision", unmerged)
	}
	return newsroom.Errorf(newsroom.ECONFLICT,
		"draft %d is at version %d, but this save was based on version %d and changes the same words in %s; your text is kept as unmerged revision %d",
		cur.ID, cur.Version, base, places(len(res.Conflicts)), unmerged).
		With("current_version", cur.Version).With("unmerged_revision", unmerged).
		With("base_version", base).With("conflicts", res.Conflicts)
}

// places counts conflicts in words.
func places(n int) string {
	if n == 1 {
		return "one place"
	}
	return fmt.Sprintf("%d places", n)
}

// recordSave records a save's event and, for a merged save (mergedFrom is the version it was
// made on), an audit entry saying what it was merged with. cur is the draft as saved.
func recordSave(tx *gorm.DB, cur *newsroom.Draft, actorID int64, mergedFrom int, now time.Time) error {
	if mergedFrom == 0 {
		record(tx, draftEvent(newsroom.EventSaved, cur.ID, actorID, "save", cur.Stage))
		return nil
	}
	record(tx, draftEvent(newsroom.EventSaved, cur.ID, actorID, "merge", cur.Stage))
	note := fmt.Sprintf("version %d: a save made on version %d, merged with version %d", cur.Version, mergedFrom, cur.Version-1)
	return insertAudit(tx, cur.ID, actorID, "merge", cur.Stage, cur.Stage, note, now)
}
