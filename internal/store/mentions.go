package store

import (
	"context"
	"errors"
	"strings"
	"time"

	"gorm.io/gorm"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// mentionRow is one person a comment, reply or workflow note called on by @username (migration
// 00015). Exactly one of CommentID (with ReplyID for a reply) and AuditID says where.
type mentionRow struct {
	ID        int64
	DraftID   int64
	UserID    int64
	AuthorID  int64
	CommentID *int64
	ReplyID   *int64
	AuditID   *int64
	CreatedAt time.Time
}

func (mentionRow) TableName() string { return "mentions" }

// mentionPlace is where a mention was written: a comment, a reply in its thread, or the note of
// a workflow step (an audit row).
type mentionPlace struct {
	commentID, replyID, auditID int64
}

// row is the mention of userID by authorID in p on draftID.
func (p mentionPlace) row(draftID, userID, authorID int64, now time.Time) mentionRow {
	r := mentionRow{DraftID: draftID, UserID: userID, AuthorID: authorID, CreatedAt: now}
	for _, f := range []struct {
		id  int64
		dst **int64
	}{{p.commentID, &r.CommentID}, {p.replyID, &r.ReplyID}, {p.auditID, &r.AuditID}} {
		if f.id != 0 {
			id := f.id
			*f.dst = &id
		}
	}
	return r
}

// mention records the people text mentions, written by u at p on draft v as it stands in stage
// (where the draft is once the change is made: a note's readers read it there), each with a
// mentions row and an EventMentioned event, all in tx. It refuses the whole change when a name
// is not that of someone who may read the piece; u mentioning themselves, and anyone skip names
// (already mentioned there), are left out.
func (s *Store) mention(tx *gorm.DB, u *newsroom.User, v *draftView, stage newsroom.Stage, text string, p mentionPlace, action string, skip map[int64]bool) error {
	now := s.clock()
	for _, name := range newsroom.Mentions(text) {
		row, err := s.reader(tx, v.Row.WriterID, stage, name)
		if err != nil {
			return err
		}
		if row == nil {
			return newsroom.Errorf(newsroom.EINVALID, "@%s cannot see this piece; mention someone who can, or leave the name out", name)
		}
		if row.ID == u.ID || skip[row.ID] {
			continue
		}
		m := p.row(v.Row.ID, row.ID, u.ID, now)
		if err := tx.Create(&m).Error; err != nil {
			return err
		}
		e := about(draftEvent(newsroom.EventMentioned, v.Row.ID, u.ID, action, stage), p.commentID)
		e.SubjectID = row.ID
		record(tx, e)
	}
	return nil
}

// mentioned returns the people already mentioned in comment commentID itself (not its replies),
// so that an edit mentions only those it adds.
func mentioned(tx *gorm.DB, commentID int64) (map[int64]bool, error) {
	var ids []int64
	if err := tx.Model(&mentionRow{}).Where("comment_id = ? AND reply_id IS NULL", commentID).Pluck("user_id", &ids).Error; err != nil {
		return nil, err
	}
	out := map[int64]bool{}
	for _, id := range ids {
		out[id] = true
	}
	return out, nil
}

// unmentionDropped deletes the mentions of comment commentID itself (not its replies) of people
// text no longer names, so that an edit taking @name out takes the mention out of their inbox.
func unmentionDropped(tx *gorm.DB, commentID int64, text string) error {
	kept := []int64{0}
	for _, name := range newsroom.Mentions(text) {
		var row userRow
		if err := takeUserNamed(tx, name, &row); err == nil {
			kept = append(kept, row.ID)
		} else if !errors.Is(err, gorm.ErrRecordNotFound) {
			return err
		}
	}
	return tx.Where("comment_id = ? AND reply_id IS NULL AND user_id NOT IN ?", commentID, kept).Delete(&mentionRow{}).Error
}

// reader finds the user called name if they may read a draft written by writerID in stage, and
// returns nil otherwise: no such user, a disabled one and one who may not see the draft are all
// no reader, so that the refusals built on it read alike and tell no one who has an account.
func (s *Store) reader(tx *gorm.DB, writerID int64, stage newsroom.Stage, name string) (*userRow, error) {
	var row userRow
	if err := takeUserNamed(tx, name, &row); errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	if row.Disabled || !s.policy.CanSee(row.user(), writerID, stage) {
		return nil, nil
	}
	return &row, nil
}

// MaxPeople is the most people MentionCandidates returns.
const MaxPeople = 8

// MentionCandidates returns, for completing an @name on draft draftID, up to MaxPeople of the
// people who may read the draft whose username or name begins with prefix (in any ASCII case),
// by username, leaving out the acting user (mentioning oneself does nothing). A draft the acting
// user may not see is ENOTFOUND; a prefix that no username could begin with finds no one.
func (s *Store) MentionCandidates(ctx context.Context, draftID int64, prefix string) ([]newsroom.Person, error) {
	u, err := actor(ctx)
	if err != nil {
		return nil, err
	}
	db := s.read(ctx)
	v, err := s.findDraft(db, u, draftID)
	if err != nil {
		return nil, internal("mention candidates", err)
	}
	if prefix != "" && validUsername(prefix) != nil {
		return []newsroom.Person{}, nil
	}
	like := strings.NewReplacer(`\`, `\\`, "%", `\%`, "_", `\_`).Replace(usernameKey(prefix)) + "%"
	var rows []userRow
	err = db.Where(`NOT disabled AND id <> ? AND (lower(username) LIKE ? ESCAPE '\' OR lower(name) LIKE ? ESCAPE '\')`, u.ID, like, like).
		Order("username").Find(&rows).Error
	if err != nil {
		return nil, internal("mention candidates", err)
	}
	out := []newsroom.Person{}
	for _, r := range rows {
		if len(out) < MaxPeople && s.policy.CanSee(r.user(), v.Row.WriterID, newsroom.Stage(v.Row.Stage)) {
			out = append(out, newsroom.Person{ID: r.ID, Username: r.Username, Name: r.Name})
		}
	}
	return out, nil
}
