package store

import (
	"context"
	"slices"

	"github.com/copydesk/copydesk/internal/merge"
	"github.com/copydesk/copydesk/internal/newsroom"
)

// StaleSave is an unmerged save merged again with the version it crossed, for its author to
// settle the conflicts: Theirs is that version with its text, and Merge the merge of the save's
// text into it from the version the save was made on.
type StaleSave struct {
	Draft    *newsroom.Draft
	Unmerged *newsroom.Revision
	Theirs   *newsroom.Revision
	Merge    *merge.Result
}

// StaleSave returns unmerged revision rid of draft id merged again with the version that was
// current when it was saved, if the acting user may see the draft and the save's text is kept;
// a save that outgrew a field is refused (EINVALID), as it was when it was sent.
// An unmerged save is its author's typing, so no one else may open it for settling: to them it
// is not found, as another user's working copy is.
func (s *Store) StaleSave(ctx context.Context, id, rid int64) (*StaleSave, error) {
	u, err := actor(ctx)
	if err != nil {
		return nil, err
	}
	unmerged, err := s.UnmergedRevision(ctx, id, rid)
	if err != nil {
		return nil, err
	}
	if unmerged.Author.ID != u.ID {
		return nil, newsroom.Errorf(newsroom.ENOTFOUND, "draft %d has no unmerged save %d of yours", id, rid)
	}
	if unmerged.Text == nil {
		return nil, newsroom.Errorf(newsroom.ENOTFOUND, "the text of unmerged revision %d was dropped", rid)
	}
	db := s.read(ctx)
	v, err := s.findDraft(db, u, id)
	if err != nil {
		return nil, internal("stale save", err)
	}
	var crossed int
	if err := db.Table("revisions").Select("COALESCE(MAX(version), 0)").
		Where("draft_id = ? AND id < ? AND version IS NOT NULL", id, rid).Scan(&crossed).Error; err != nil {
		return nil, internal("stale save", err)
	}
	theirs, err := numberedRevision(db, id, crossed)
	if err != nil {
		return nil, internal("stale save", err)
	}
	base, err := numberedRevision(db, id, unmerged.BaseVersion)
	if err != nil {
		return nil, internal("stale save", err)
	}
	if unmerged.Text.Outgrows(*base.Text) {
		// The save was kept without a merge (see mergeStale), and no merge of it could be saved:
		// merging it on each view would cost hundreds of megabytes for nothing.
		return nil, newsroom.Errorf(newsroom.EINVALID,
			"unmerged revision %d adds more to a field than the field may hold, so it cannot be merged; its text is kept as it was sent", rid).
			With("unmerged_revision", rid)
	}
	return &StaleSave{Draft: v.draft(), Unmerged: unmerged, Theirs: theirs,
		Merge: merge.Texts(*base.Text, *theirs.Text, *unmerged.Text)}, nil
}

// ResolveStaleSave settles the conflicts of unmerged revision rid by the acting user's choices,
// one per conflict, and saves the text they make on the version the save crossed, which the form
// must name. The fields that text changes are saved as any save is, by whoever may edit the
// draft now, so a draft that moved on again since is merged with them once more.
func (s *Store) ResolveStaleSave(ctx context.Context, id, rid int64, version int, choices []merge.Choice) (*newsroom.Draft, error) {
	ss, err := s.StaleSave(ctx, id, rid)
	if err != nil {
		return nil, err
	}
	if version != ss.Theirs.Version {
		return nil, newsroom.Errorf(newsroom.EINVALID, "these choices were made against version %d, but this save crossed version %d: open it again", version, ss.Theirs.Version)
	}
	text, err := ss.Merge.Choose(choices)
	if err != nil {
		return nil, err
	}
	return s.UpdateDraft(ctx, id, changesFrom(*ss.Theirs.Text, text, version))
}

// changesFrom is the save that makes was into text on version: the fields that differ, and
// no others, so that a field left as it was is taken as unchanged.
func changesFrom(was, text newsroom.Text, version int) newsroom.DraftUpdate {
	upd := newsroom.DraftUpdate{Version: version}
	pick := func(now, then string) *string {
		if now == then {
			return nil
		}
		return &now
	}
	upd.Title, upd.Byline, upd.Brief = pick(text.Title, was.Title), pick(text.Byline, was.Byline), pick(text.Brief, was.Brief)
	upd.Body, upd.EditorComment = pick(text.Body, was.Body), pick(text.EditorComment, was.EditorComment)
	if !slices.Equal(text.Topics, was.Topics) {
		upd.Topics = &text.Topics
	}
	return upd
}
