package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/policy"
)

// addresseeRow is one person a reply was addressed to.
type addresseeRow struct {
	ReplyID int64
	UserID  int64
}

func (addresseeRow) TableName() string { return "reply_addressees" }

// addressees finds the users the usernames name, each once, and refuses a name that is no
// one's or that of someone who may not see draft v: a reply is never addressed to a person who
// could not read it. Both refusals read the same, naming only the username sent, so that no one
// can learn from them who has an account or what their name is. Each name is looked up once
// however often it is sent (in any ASCII case, as usernames compare), as the lookups run under
// the write lock: a request body of one name sent 85,000 times held it for 2.7 seconds.
func (s *Store) addressees(tx *gorm.DB, v *draftView, usernames []string) ([]int64, error) {
	var ids []int64
	seen, looked := map[int64]bool{}, map[string]bool{}
	for _, name := range usernames {
		if name = strings.TrimSpace(name); name == "" || looked[usernameKey(name)] {
			continue
		}
		looked[usernameKey(name)] = true
		row, err := s.reader(tx, v.Row.WriterID, newsroom.Stage(v.Row.Stage), name)
		if err != nil {
			return nil, err
		}
		if row == nil {
			return nil, newsroom.Errorf(newsroom.EINVALID, "no one called %q may see this draft, so the reply cannot be addressed to them", name)
		}
		if !seen[row.ID] {
			seen[row.ID] = true
			ids = append(ids, row.ID)
		}
	}
	return ids, nil
}

// EditComment changes the text of a comment: only its author may, and only until someone
// replies. The comment keeps its words in the text; edited_at says when it was changed, and the
// audit trail keeps what it said before.
func (s *Store) EditComment(ctx context.Context, commentID int64, body string) (*newsroom.Comment, error) {
	body = newsroom.Composed(body)
	if err := newsroom.CheckCommentBody(body); err != nil {
		return nil, err
	}
	return s.onComment(ctx, commentID, "", newsroom.StepEditComment, false, func(tx *gorm.DB, u *newsroom.User, v *draftView, r *commentRow, now time.Time) error {
		if _, err := s.checkCommentChange(tx, u, v, r, newsroom.CommentEdit); err != nil {
			return err
		}
		if err := addToComments(tx, r.DraftID, 0, []string{strings.TrimSpace(body)}, r.Body); err != nil {
			return err
		}
		stage := newsroom.Stage(v.Row.Stage)
		already, err := mentioned(tx, r.ID)
		if err != nil {
			return err
		}
		if err := s.mention(tx, u, v, stage, body, mentionPlace{commentID: r.ID}, newsroom.StepEditComment, already); err != nil {
			return err
		}
		if err := unmentionDropped(tx, r.ID, body); err != nil {
			return fmt.Errorf("edit comment %d: drop mentions: %w", r.ID, err)
		}
		note := fmt.Sprintf("comment %d on “%s” said: %s", r.ID, r.Quote, r.Body)
		if err := insertAudit(tx, r.DraftID, u.ID, newsroom.StepEditComment, stage, stage, note, now); err != nil {
			return err
		}
		return tx.Model(r).Updates(map[string]any{"body": strings.TrimSpace(body), "edited_at": now}).Error
	})
}

// DeleteComment removes a comment: only its author may, and only until someone replies. The
// audit trail keeps who deleted it, its words and what it said. It returns the comment as it was.
func (s *Store) DeleteComment(ctx context.Context, commentID int64) (*newsroom.Comment, error) {
	var gone *newsroom.Comment
	_, err := s.onComment(ctx, commentID, "", newsroom.StepDeleteComment, false, func(tx *gorm.DB, u *newsroom.User, v *draftView, r *commentRow, now time.Time) error {
		c, err := s.checkCommentChange(tx, u, v, r, newsroom.CommentDelete)
		if err != nil {
			return err
		}
		gone = c
		if err := addToComments(tx, r.DraftID, -1, nil, r.Body, r.Quote); err != nil {
			return err
		}
		if err := tx.Where("comment_id = ?", r.ID).Delete(&mentionRow{}).Error; err != nil {
			return err
		}
		if err := tx.Delete(&commentRow{}, r.ID).Error; err != nil {
			return err
		}
		stage := newsroom.Stage(v.Row.Stage)
		note := fmt.Sprintf("comment %d on “%s”: %s", r.ID, r.Quote, r.Body)
		return insertAudit(tx, r.DraftID, u.ID, newsroom.StepDeleteComment, stage, stage, note, now)
	})
	if err != nil {
		return nil, err
	}
	return gone, nil
}

// checkCommentChange applies newsroom.CheckCommentChange to the comment r on draft v as it is
// now, with its thread, and then checks that u may still comment on the draft (changing a
// comment is commenting). It returns that comment.
func (s *Store) checkCommentChange(tx *gorm.DB, u *newsroom.User, v *draftView, r *commentRow, change newsroom.CommentChange) (*newsroom.Comment, error) {
	cs, err := loadComments(tx, "id = ?", r.ID)
	if err != nil {
		return nil, fmt.Errorf("reload comment %d: %w", r.ID, err)
	}
	if len(cs) != 1 {
		return nil, fmt.Errorf("reload comment %d: found %d", r.ID, len(cs))
	}
	if err := newsroom.CheckCommentChange(cs[0], u.ID, change); err != nil {
		return nil, err
	}
	return &cs[0], s.policy.Check(u, policy.CommentCreate, v.Row.WriterID)
}

// Readers returns those of people who may see draft d now, in the order given: the people a
// reply on it may be addressed to.
func (s *Store) Readers(ctx context.Context, d *newsroom.Draft, people []newsroom.Person) ([]newsroom.Person, error) {
	if len(people) == 0 {
		return nil, nil
	}
	ids := make([]int64, len(people))
	for i, p := range people {
		ids[i] = p.ID
	}
	var rows []userRow
	if err := s.read(ctx).Where("id IN ?", ids).Find(&rows).Error; err != nil {
		return nil, internal("readers", err)
	}
	sees := map[int64]bool{}
	for _, r := range rows {
		sees[r.ID] = !r.Disabled && s.policy.CanSee(r.user(), d.Writer.ID, d.Stage)
	}
	var out []newsroom.Person
	for _, p := range people {
		if sees[p.ID] {
			out = append(out, p)
		}
	}
	return out, nil
}
