package store

import (
	"fmt"
	"time"

	"gorm.io/gorm"

	"github.com/copydesk/copydesk/internal/merge"
	"github.com/copydesk/copydesk/internal/newsroom"
)

// staleSave is what becomes of a save made on an older version of a draft: text is the text
// it makes, normalized and let by the policy; merged reports that text is a valid merge with
// the draft's current text, to save. Otherwise the save's own text (kept) is kept as an unmerged
// revision and refused (see keep), with the conflicts that stopped the merge (res) or what is
// wrong with the text it made (invalid).
type staleSave struct {
	text     newsroom.Text
	merged   bool
	kept     newsroom.Text
	res      *merge.Result
	invalid  error
	outgrown bool
}

// judgeStale judges a save upd made on an older version of cur, given the merge it makes
// (merged, nil when it does not merge, with res its conflicts, or nil for no merge tried; a
// text with no res is one that outgrew a field and was not merged, see mergeStale). The merge
// is checked only after the policy lets u make it, so that a stale save is never lost for being
// invalid too. err is a save u may not make.
func (s *Store) judgeStale(u *newsroom.User, cur *newsroom.Draft, upd newsroom.DraftUpdate, merged *newsroom.Text, res *merge.Result) (staleSave, error) {
	mine := upd.Apply(cur.Text()).Normalize()
	text := mine
	if merged != nil {
		text = *merged
	}
	text, err := s.mayChange(u, cur, text)
	if err != nil {
		return staleSave{}, err
	}
	st := staleSave{text: text, kept: mine, res: res, outgrown: merged != nil && res == nil}
	if merged == nil {
		return st, nil
	}
	st.invalid = validNext(cur, text)
	st.merged = st.invalid == nil
	return st, nil
}

// keep keeps a stale save that is not saved as an unmerged revision of cur, made on version
// base by authorID, and returns the refusal that says so (ECONFLICT or EINVALID).
func (st staleSave) keep(tx *gorm.DB, cur *newsroom.Draft, base int, authorID int64, now time.Time) (refused, err error) {
	unmerged, err := keepUnmerged(tx, cur.ID, base, authorID, st.kept, now)
	if st.invalid != nil {
		return staleInvalid(cur, base, unmerged, st.invalid, st.outgrown), err
	}
	return staleConflict(cur, base, unmerged, st.res), err
}

// mergeStale merges a save made on an older version of cur with cur's text, reading from db (the
// read that plans the save; never the writer's transaction, see savePlan): base is the revision the save was made on,
// theirs the current text, and mine the fields the save sent over base (a field it left out is
// taken as unchanged). It returns the merged text, normalized but not checked; or nil and the
// merge with its conflicts; or nil and a nil merge when there is no base to merge from (a version
// the draft never had). A save that grew a field by more than the field may hold is not merged
// (see newsroom.Text.Outgrows): the current text with the fields the save changed over base in
// its own words is returned, with no merge, for the policy to judge only what the save changed
// and the limits to refuse.
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
	mine := upd.Apply(*base.Text).Normalize()
	if mine.Outgrows(*base.Text) {
		// No merge can be valid, so the save's own fields stand for it, to be refused and kept.
		text := cur.Text().Over(mine, mine.Changed(*base.Text))
		return &text, nil, nil
	}
	res := merge.Texts(*base.Text, cur.Text(), mine)
	merged, ok := res.Merged()
	if !ok {
		return nil, res, nil
	}
	text := merged.Normalize()
	return &text, res, nil
}

// staleInvalid is the answer to a stale save that merged with the current version but made a
// text that is not valid (invalid says why), or that outgrew a field and was not merged,
// kept as unmerged revision unmerged.
func staleInvalid(cur *newsroom.Draft, base int, unmerged int64, invalid error, outgrown bool) error {
	how := fmt.Sprintf("this save was based on version %d and merged with version %d, but", base, cur.Version)
	if outgrown {
		how = fmt.Sprintf("this save was based on version %d and was not merged with version %d:", base, cur.Version)
	}
	return newsroom.Errorf(newsroom.EINVALID, "%s %s; your text is kept as unmerged revision %d",
		how, newsroom.ErrorMessage(invalid), unmerged).
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
	record(tx, draftEvent(newsroom.EventSaved, cur.ID, actorID, newsroom.StepMerge, cur.Stage))
	note := fmt.Sprintf("version %d: a save made on version %d, merged with version %d", cur.Version, mergedFrom, cur.Version-1)
	return insertAudit(tx, cur.ID, actorID, newsroom.StepMerge, cur.Stage, cur.Stage, note, now)
}
