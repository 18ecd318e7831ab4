package store

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"gorm.io/gorm"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// upsertWorkingCopySQL keeps a user's working copy of a draft in place of the one before. A page
// saves its viewer's working copy every few seconds while they type, so a save must cost the
// database little: on SQLite every write waits for the one writer connection, and someone who
// types all day must not hold up anyone's real saves. So a save is this one statement, in a
// transaction of its own, after a read of the draft's writer, stage and version on the read
// pool: no revision, no audit row, no event, no quote ledger, no re-anchoring of comments. What
// is left is writing the text's bytes, which BenchmarkSaveWorkingCopy measures on SQLite: about
// 0.13 ms for a piece of 1,500 words and 4 ms for the longest body a draft may have. A hundred
// people typing at once, each page saving every five seconds, then keep the writer busy well
// under 1% of the time with pieces of 1,500 words, and about 8% if every piece were as long as
// a draft may be; a page should save only when the text changed since its last save.
const upsertWorkingCopySQL = "INSERT INTO working_copies " +
	"(draft_id, user_id, base_version, title, byline, brief, body, topics, editor_comment, updated_at) " +
	"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (draft_id, user_id) DO UPDATE SET " +
	"base_version = excluded.base_version, title = excluded.title, byline = excluded.byline, brief = excluded.brief, " +
	"body = excluded.body, topics = excluded.topics, editor_comment = excluded.editor_comment, updated_at = excluded.updated_at"

// workingCopySQL reads one user's working copy of a draft, by its primary key.
const workingCopySQL = "SELECT base_version, title, byline, brief, body, topics, editor_comment, updated_at " +
	"FROM working_copies WHERE draft_id = ? AND user_id = ?"

// draftAccessSQL reads what deciding who may do what to a draft needs, without its text.
const draftAccessSQL = "SELECT writer_id, stage, version FROM drafts WHERE id = ?"

// draftBodySQL reads a draft's body alone.
const draftBodySQL = "SELECT body FROM drafts WHERE id = ?"

// SaveWorkingCopy keeps the acting user's unsaved typing in draft id, in place of any they kept
// before, and returns it as kept. Only a user who may edit some field of the draft now may keep
// one; its text is checked against the limits on a draft's text but may be unfinished (an empty
// title, say). Their next save of the draft, or DiscardWorkingCopy, drops it. The permission is
// read before the write's transaction, to keep the writer's turn short: a copy saved as the draft
// leaves the user's hands is harmless, being theirs alone, and their page offers it back only
// while they may edit.
func (s *Store) SaveWorkingCopy(ctx context.Context, id int64, wc newsroom.WorkingCopy) (*newsroom.WorkingCopy, error) {
	u, err := actor(ctx)
	if err != nil {
		return nil, err
	}
	d, err := s.draftAccess(ctx, u, id)
	if err != nil {
		return nil, err
	}
	if err := s.mayKeepWorkingCopy(ctx, u, d, wc); err != nil {
		return nil, err
	}
	t := wc.Text
	if t.Topics == nil {
		t.Topics = []string{}
	}
	now := s.clock()
	err = s.transact(ctx, func(tx *gorm.DB) error {
		return tx.Exec(upsertWorkingCopySQL, id, u.ID, wc.BaseVersion, t.Title, t.Byline, t.Brief, t.Body,
			mustJSON(t.Topics), t.EditorComment, now).Error
	})
	if err != nil {
		return nil, internal("save working copy", err)
	}
	return &newsroom.WorkingCopy{DraftID: id, BaseVersion: wc.BaseVersion, Text: t, SavedAt: now}, nil
}

// mayKeepWorkingCopy checks a working copy u would keep of draft d: u must be able to edit some
// field of d now (EFORBIDDEN when u may edit such a draft in no stage, ECONFLICT when in another
// one), the copy must be based on one of d's versions, and its text within the limits.
func (s *Store) mayKeepWorkingCopy(ctx context.Context, u *newsroom.User, d *newsroom.Draft, wc newsroom.WorkingCopy) error {
	if len(s.policy.Fields(u, d)) == 0 {
		if err := s.policy.CheckEdit(u, d, nil); err != nil {
			return err
		}
		return newsroom.Errorf(newsroom.ECONFLICT, "%s may change no field of a draft at %s", s.policy.RoleWords(u.Role), s.policy.StageWords(d.Stage))
	}
	if wc.BaseVersion < 1 || wc.BaseVersion > d.Version {
		return newsroom.Errorf(newsroom.EINVALID,
			"base_version must be the version the typing started from, 1 to %d, not %d", d.Version, wc.BaseVersion)
	}
	if err := wc.Text.CheckLimits(); err != nil {
		return err
	}
	return s.checkCopyParagraphs(ctx, d.ID, wc.Text)
}

// checkCopyParagraphs holds the body of a working copy of draft id to the paragraph cap against
// the draft's stored body, as a save of it would be (see newsroom.Text.CheckParagraphs), so that
// a copy of a body stored over the cap before it came in can be kept while its title is typed.
// The stored body is read only for a copy over the cap: a page saves every few seconds, and
// reading the whole body each time would cost every save for the one that is almost never over.
func (s *Store) checkCopyParagraphs(ctx context.Context, id int64, t newsroom.Text) error {
	if t.CheckParagraphs(newsroom.Text{}) == nil {
		return nil
	}
	var stored newsroom.Text
	err := s.queryRowPrepared(ctx, draftBodySQL, id).Scan(&stored.Body)
	if errors.Is(err, sql.ErrNoRows) {
		return newsroom.Errorf(newsroom.ENOTFOUND, "draft %d not found", id)
	} else if err != nil {
		return internal("read draft body", err)
	}
	return t.CheckParagraphs(stored)
}

// WorkingCopy returns the acting user's working copy of draft id, or ENOTFOUND when they keep
// none (or may not see the draft).
func (s *Store) WorkingCopy(ctx context.Context, id int64) (*newsroom.WorkingCopy, error) {
	u, err := actor(ctx)
	if err != nil {
		return nil, err
	}
	if _, err := s.draftAccess(ctx, u, id); err != nil {
		return nil, err
	}
	wc := &newsroom.WorkingCopy{DraftID: id}
	t := &wc.Text
	var topics string
	err = s.queryRowPrepared(ctx, workingCopySQL, id, u.ID).Scan(&wc.BaseVersion, &t.Title, &t.Byline, &t.Brief, &t.Body,
		&topics, &t.EditorComment, &wc.SavedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, newsroom.Errorf(newsroom.ENOTFOUND, "you keep no working copy of draft %d", id)
	} else if err != nil {
		return nil, internal("get working copy", err)
	}
	if err := unmarshalColumn(sql.NullString{String: topics, Valid: true}, &t.Topics); err != nil {
		return nil, internal("get working copy", err)
	}
	return wc, nil
}

// DiscardWorkingCopy drops the acting user's working copy of draft id, if they keep one. With
// savedAt it drops only the copy kept at that time, the one the caller was shown: a copy kept
// since, from another tab or machine, is typing the caller has not seen, and stays (ECONFLICT).
func (s *Store) DiscardWorkingCopy(ctx context.Context, id int64, savedAt *time.Time) error {
	u, err := actor(ctx)
	if err != nil {
		return err
	}
	if _, err := s.draftAccess(ctx, u, id); err != nil {
		return err
	}
	var kept []time.Time
	err = s.transact(ctx, func(tx *gorm.DB) error {
		if err := clearWorkingCopy(tx, id, u.ID, savedAt); err != nil {
			return err
		}
		if savedAt == nil {
			return nil
		}
		return tx.Raw("SELECT updated_at FROM working_copies WHERE draft_id = ? AND user_id = ?", id, u.ID).Scan(&kept).Error
	})
	if err != nil {
		return internal("discard working copy", err)
	}
	if len(kept) > 0 {
		return newsroom.Errorf(newsroom.ECONFLICT, "your working copy of draft %d was kept again at %s, after the one discarded (%s): it stays",
			id, kept[0].UTC().Format(time.RFC3339Nano), savedAt.UTC().Format(time.RFC3339Nano))
	}
	return nil
}

// clearWorkingCopy drops userID's working copy of draft id, inside the caller's transaction: a
// save or a discard by that user has taken its place. A nil savedAt drops any copy; otherwise
// only the one kept at savedAt, and none for the zero time (see newsroom.DraftUpdate).
func clearWorkingCopy(tx *gorm.DB, id, userID int64, savedAt *time.Time) error {
	if savedAt == nil {
		return execRaw(tx, "DELETE FROM working_copies WHERE draft_id = ? AND user_id = ?", id, userID)
	}
	if savedAt.IsZero() {
		return nil
	}
	return execRaw(tx, "DELETE FROM working_copies WHERE draft_id = ? AND user_id = ? AND updated_at = ?", id, userID, savedAt.UTC())
}

// draftAccess reads draft id's writer, stage and version, as the policy needs them to decide
// what u may do to it, without its text; ENOTFOUND when u may not see it.
func (s *Store) draftAccess(ctx context.Context, u *newsroom.User, id int64) (*newsroom.Draft, error) {
	d := &newsroom.Draft{ID: id}
	err := s.queryRowPrepared(ctx, draftAccessSQL, id).Scan(&d.Writer.ID, &d.Stage, &d.Version)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return nil, internal("read draft", err)
	}
	if err != nil || !s.policy.CanSee(u, d.Writer.ID, d.Stage) {
		return nil, newsroom.Errorf(newsroom.ENOTFOUND, "draft %d not found", id)
	}
	return d, nil
}
