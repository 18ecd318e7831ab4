package store

import (
	"fmt"
	"time"

	"gorm.io/gorm"

	"github.com/copydesk/copydesk/internal/merge"
	"github.com/copydesk/copydesk/internal/newsroom"
)

// saveStale works out, inside the save's transaction tx, what becomes of a save made on an older
// version of cur. When it merges with cur's text and the merge is valid, it returns the merged
// text to save. When it does not merge, or the merge is not valid, the save's own text is kept
// as an unmerged revision and refused says why (ECONFLICT or EINVALID): the merge is checked
// only after the save is merged or kept, so that a stale save is never lost for being invalid
// too. err is a save u may not make, or a failure.
func (s *Store) saveStale(tx *gorm.DB, u *newsroom.User, cur *newsroom.Draft, upd newsroom.DraftUpdate, now time.Time) (text newsroom.Text, refused, err error) {
	merged, res, err := s.mergeStale(tx, cur, upd)
	if err != nil {
		return newsroom.Text{}, nil, err
	}
	mine := upd.Apply(cur.Text()).Normalize()
	text = mine
	if merged != nil {
		text = *merged
	}
	if text, err = s.mayChange(u, cur, text); err != nil {
		return newsroom.Text{}, nil, err
	}
	invalid := text.Validate()
	if merged != nil && invalid == nil {
		return text, nil, nil
	}
	unmerged, err := keepUnmerged(tx, cur.ID, upd.Version, u.ID, mine, now)
	if merged == nil {
		return newsroom.Text{}, staleConflict(cur, upd.Version, unmerged, res), err
	}
	return newsroom.Text{}, staleInvalid(cur, upd.Version, unmerged, invalid), err
}

// mergeStale merges a save made on an older version of cur with cur's text, reading from db (the
// save's transaction, or a read that plans it): base is the revision the save was made on,
// theirs the current text, and mine the fields the save sent over base (a field it left out is
// taken as unchanged). It returns the merged text, normalized but not checked; or nil and the
// merge with its conflicts; or nil and a nil merge when there is no base to merge from (a version
// the draft never had).
func (s *Store) mergeStale(db *gorm.DB, cur *newsroom.Draft, upd newsroom.DraftUpdate) (*newsroom.Text, *merge.Result, error) {
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
	text := merged.Normalize()
	return &text, res, nil
}

// staleInvalid is the answer to a stale save that merged with the current version but made a
// text that is not valid (invalid says why), kept as unmerged revision unmerged.
func staleInvalid(cur *newsroom.Draft, base int, unmerged int64, invalid error) error {
	return newsroom.Errorf(newsroom.EINVALID,
		"this save was based on version %d and merged with version %d, but %s; your text is kept as unmerged revision %d",
		base, cur.Version, newsroom.ErrorMessage(invalid), unmerged).
		With("current_version", cur.Version).With("unmerged_revision", unmerged)
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
