package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"gorm.io/gorm"

	"github.com/copydesk/copydesk/internal/anchor"
	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/policy"
)

type commentRow struct {
	ID              int64
	DraftID         int64
	AuthorID        int64
	Field           string
	Body            string
	Quote           string
	Exact           string
	Prefix          string
	Suffix          string
	StartPos        int
	EndPos          int
	Status          string
	AnchoredVersion int
	ResolvedBy      *int64
	ResolvedAt      *time.Time
	EditedAt        *time.Time
	CreatedAt       time.Time
}

func (commentRow) TableName() string { return "comments" }

type replyRow struct {
	ID        int64
	CommentID int64
	AuthorID  int64
	Body      string
	CreatedAt time.Time
}

func (replyRow) TableName() string { return "comment_replies" }

// CreateComment puts a comment on a span of one field of a draft. The span is given by a quote
// (exact words with optional prefix and suffix), by a code-point range, or by both, which must
// agree. The words are found on a read of the draft before the write transaction, which only
// checks that the field still reads the same: finding them in a long body takes milliseconds that
// every other writer would otherwise wait for.
func (s *Store) CreateComment(ctx context.Context, draftID int64, nc newsroom.NewComment) (*newsroom.Comment, error) {
	u, err := actor(ctx)
	if err != nil {
		return nil, err
	}
	nc = nc.Normalize()
	if err := newsroom.CheckCommentBody(nc.Body); err != nil {
		return nil, err
	}
	v, err := s.findDraft(s.read(ctx), u, draftID)
	if err != nil {
		return nil, internal("create comment", err)
	}
	p, err := s.placeComment(u, v, nc, nil)
	if err != nil {
		return nil, internal("create comment", err)
	}
	var c *newsroom.Comment
	err = s.tx(ctx, func(tx *gorm.DB) error {
		v, err := s.lockDraft(tx, u, draftID)
		if err != nil {
			return err
		}
		placed, err := s.placeComment(u, v, nc, &p)
		if err != nil {
			return err
		}
		if err := checkOpenComments(tx, draftID); err != nil {
			return err
		}
		sel := placed.sel
		row := commentRow{DraftID: draftID, AuthorID: u.ID, Field: nc.Field, Body: strings.TrimSpace(nc.Body), Quote: sel.Exact,
			Exact: sel.Exact, Prefix: sel.Prefix, Suffix: sel.Suffix, StartPos: sel.Start, EndPos: sel.End,
			Status: anchor.Exact.String(), AnchoredVersion: v.Row.Version, CreatedAt: s.clock()}
		if err := addToComments(tx, draftID, 1, []string{row.Body, row.Quote}); err != nil {
			return err
		}
		if err := tx.Create(&row).Error; err != nil {
			return err
		}
		if err := s.mention(tx, u, v, newsroom.Stage(v.Row.Stage), row.Body, mentionPlace{commentID: row.ID}, "comment", nil); err != nil {
			return err
		}
		record(tx, about(draftEvent(newsroom.EventCommented, draftID, u.ID, "comment", newsroom.Stage(v.Row.Stage)), row.ID))
		cs, err := loadComments(tx, "id = ?", row.ID)
		if len(cs) == 1 {
			c = &cs[0]
		}
		return err
	})
	return c, internal("create comment", err)
}

// checkOpenComments refuses one more open thread on a draft that has newsroom.MaxOpenComments.
// It counts under the draft's lock, which every change to its comments holds, so two comments
// at once cannot both take the last place.
func checkOpenComments(tx *gorm.DB, draftID int64) error {
	var open int64
	if err := tx.Model(&commentRow{}).Where("draft_id = ? AND resolved_at IS NULL", draftID).Count(&open).Error; err != nil {
		return err
	}
	return newsroom.CheckOpenComments(int(open))
}

// placement is where a new comment's words are in the text of its field.
type placement struct {
	text string
	sel  anchor.Selector
}

// placeComment checks that u may comment on draft v and finds the words of nc in it. When prev
// was worked out on the same text of the field, it is the answer and nothing is searched again.
func (s *Store) placeComment(u *newsroom.User, v *draftView, nc newsroom.NewComment, prev *placement) (placement, error) {
	if err := s.policy.Check(u, policy.CommentCreate, v.Row.WriterID); err != nil {
		return placement{}, err
	}
	text, err := v.draft().Text().Field(nc.Field)
	if err != nil {
		return placement{}, err
	}
	if prev != nil && prev.text == text {
		return *prev, nil
	}
	sel, err := selectorFor(text, nc)
	return placement{text: text, sel: sel}, err
}

// selectorFor turns a new comment's quote and range into a selector on text, or says plainly why
// they do not pick out words of it. With a quote, the range only says which occurrence the client
// saw: the text may have changed since, so the words are found by anchor.Pick.
func selectorFor(text string, nc newsroom.NewComment) (anchor.Selector, error) {
	hasQuote := nc.Quote != nil && nc.Quote.Exact != ""
	hasRange := nc.Start != nil && nc.End != nil
	switch {
	case hasQuote:
		if err := checkQuoteLen(nc.Field, utf8.RuneCountInString(nc.Quote.Exact)); err != nil {
			return anchor.Selector{}, err
		}
		start, end := -1, -1
		if hasRange {
			start, end = *nc.Start, *nc.End
		}
		start, end, err := anchor.Pick(text, nc.Quote.Exact, nc.Quote.Prefix, nc.Quote.Suffix, start, end)
		switch {
		case errors.Is(err, anchor.ErrNotFound) && hasRange:
			return anchor.Selector{}, newsroom.Errorf(newsroom.EINVALID,
				"%q is not in the %s as it is now: it may have changed since you chose these words", nc.Quote.Exact, nc.Field)
		case errors.Is(err, anchor.ErrNotFound):
			return anchor.Selector{}, newsroom.Errorf(newsroom.EINVALID, "%q is not in the %s", nc.Quote.Exact, nc.Field)
		case errors.Is(err, anchor.ErrAmbiguous) && hasRange:
			return anchor.Selector{}, newsroom.Errorf(newsroom.EINVALID,
				"%q appears several times in the %s, and as it is now neither start and end nor the prefix and suffix tell which: it may have changed since you chose these words, so choose them again", nc.Quote.Exact, nc.Field)
		case errors.Is(err, anchor.ErrAmbiguous):
			return anchor.Selector{}, newsroom.Errorf(newsroom.EINVALID,
				"%q appears several times in the %s and its prefix and suffix do not tell which; send start and end too", nc.Quote.Exact, nc.Field)
		case err != nil:
			return anchor.Selector{}, newsroom.Errorf(newsroom.EINVALID, "invalid quote: %v", err)
		}
		return anchor.New(text, start, end)
	case hasRange:
		n := utf8.RuneCountInString(text)
		if *nc.Start < 0 || *nc.End > n || *nc.Start >= *nc.End {
			return anchor.Selector{}, newsroom.Errorf(newsroom.EINVALID,
				"start and end must pick out words of the %s: 0 <= start < end <= %d code points", nc.Field, n)
		}
		if err := checkQuoteLen(nc.Field, *nc.End-*nc.Start); err != nil {
			return anchor.Selector{}, err
		}
		sel, err := anchor.New(text, *nc.Start, *nc.End)
		if err != nil {
			return anchor.Selector{}, newsroom.Errorf(newsroom.EINVALID, "invalid range: %v", err)
		}
		return sel, nil
	}
	return anchor.Selector{}, newsroom.Errorf(newsroom.EINVALID, "say which words the comment is on: a quote {exact, prefix, suffix}, or start and end")
}

// checkQuoteLen refuses a comment on more than newsroom.MaxCommentQuote code points.
func checkQuoteLen(field string, n int) error {
	if n > newsroom.MaxCommentQuote {
		return newsroom.Errorf(newsroom.EINVALID,
			"a comment can be on at most %d code points of the %s, and this one is on %d", newsroom.MaxCommentQuote, field, n)
	}
	return nil
}

// Comments returns a draft's comments with their threads, oldest first.
func (s *Store) Comments(ctx context.Context, draftID int64) ([]newsroom.Comment, error) {
	u, err := actor(ctx)
	if err != nil {
		return nil, err
	}
	db := s.read(ctx)
	if _, err := s.findDraft(db, u, draftID); err != nil {
		return nil, internal("comments", err)
	}
	cs, err := loadComments(db, "draft_id = ?", draftID)
	return cs, internal("comments", err)
}

// ThreadsShown says which of a draft's resolved threads the draft page shows in full beside its
// open ones: every one (All), or the one of id One (0 for none).
type ThreadsShown struct {
	All bool
	One int64
}

// PageComments lists draftID's open threads and the resolved ones shown asks for, with the ids
// of its resolved threads in all, in order: the draft page's comments, which leave the resolved
// threads, up to newsroom.MaxThreads of them and most of the piece's comment text, unread until
// asked for, and say which threads they fold.
func (s *Store) PageComments(ctx context.Context, draftID int64, shown ThreadsShown) ([]newsroom.Comment, []int64, error) {
	u, err := actor(ctx)
	if err != nil {
		return nil, nil, err
	}
	db := s.read(ctx)
	if _, err := s.findDraft(db, u, draftID); err != nil {
		return nil, nil, internal("page comments", err)
	}
	where, args := "draft_id = ? AND (resolved_at IS NULL OR id = ?)", []any{draftID, shown.One}
	if shown.All {
		where, args = "draft_id = ?", []any{draftID}
	}
	cs, err := loadComments(db, where, args...)
	if err != nil {
		return nil, nil, internal("page comments", err)
	}
	var resolved []int64
	err = db.Session(&gorm.Session{NewDB: true}).Model(&commentRow{}).Where("draft_id = ? AND resolved_at IS NOT NULL", draftID).Order("id").Pluck("id", &resolved).Error
	return cs, resolved, internal("page comments", err)
}

// loadComments loads the comments that the condition where, with args, selects, with their
// replies and the names of everyone in them. The replies and their addressees are selected by
// the same condition in a subquery rather than by a list of ids: a piece's threads may hold
// 100,000 replies (MaxOpenComments of MaxReplies), and SQLite refuses a statement of more than
// 32,766 parameters.
func loadComments(db *gorm.DB, where string, args ...any) ([]newsroom.Comment, error) {
	fresh := func() *gorm.DB { return db.Session(&gorm.Session{NewDB: true}) }
	var rows []commentRow
	if err := fresh().Where(where, args...).Order("id").Find(&rows).Error; err != nil {
		return nil, err
	}
	out := make([]newsroom.Comment, 0, len(rows))
	if len(rows) == 0 {
		return out, nil
	}
	var userIDs []int64
	for _, r := range rows {
		userIDs = append(userIDs, r.AuthorID)
		if r.ResolvedBy != nil {
			userIDs = append(userIDs, *r.ResolvedBy)
		}
	}
	threads := fresh().Model(&commentRow{}).Select("id").Where(where, args...)
	var replies []replyRow
	if err := fresh().Where("comment_id IN (?)", threads).Order("id").Find(&replies).Error; err != nil {
		return nil, err
	}
	var addressees []addresseeRow
	err := fresh().Where("reply_id IN (?)", fresh().Model(&replyRow{}).Select("id").Where("comment_id IN (?)", threads)).
		Order("reply_id, user_id").Find(&addressees).Error
	if err != nil {
		return nil, err
	}
	for _, r := range replies {
		userIDs = append(userIDs, r.AuthorID)
	}
	for _, a := range addressees {
		userIDs = append(userIDs, a.UserID)
	}
	names, err := people(db.Session(&gorm.Session{NewDB: true}), userIDs)
	if err != nil {
		return nil, err
	}
	to := map[int64][]newsroom.Person{}
	for _, a := range addressees {
		to[a.ReplyID] = append(to[a.ReplyID], names[a.UserID])
	}
	byComment := map[int64][]newsroom.Reply{}
	for _, r := range replies {
		addressed := to[r.ID]
		if addressed == nil {
			addressed = []newsroom.Person{}
		}
		byComment[r.CommentID] = append(byComment[r.CommentID], newsroom.Reply{ID: r.ID, Author: names[r.AuthorID], Body: r.Body,
			Addressed: addressed, CreatedAt: r.CreatedAt})
	}
	for _, r := range rows {
		c := newsroom.Comment{ID: r.ID, DraftID: r.DraftID, Field: r.Field, Body: r.Body, Quote: r.Quote,
			Anchor:   newsroom.Anchor{Start: r.StartPos, End: r.EndPos, Exact: r.Exact, Version: r.AnchoredVersion},
			Detached: r.Status == anchor.Detached.String(), Moved: r.Status == anchor.Moved.String(),
			Resolved: r.ResolvedAt != nil, ResolvedAt: r.ResolvedAt, Author: names[r.AuthorID], CreatedAt: r.CreatedAt,
			EditedAt: r.EditedAt, Replies: byComment[r.ID]}
		if c.Replies == nil {
			c.Replies = []newsroom.Reply{}
		}
		if r.ResolvedBy != nil {
			p := names[*r.ResolvedBy]
			c.ResolvedBy = &p
		}
		out = append(out, c)
	}
	return out, nil
}

// Reply adds a message to a comment's thread, addressed to the people nr.To names (usernames),
// each of whom must be able to see the draft. The addressees are recorded, and shown with the
// reply; the people its text mentions are recorded as mentioned.
func (s *Store) Reply(ctx context.Context, commentID int64, nr newsroom.NewReply) (*newsroom.Comment, error) {
	nr.Body = newsroom.Composed(nr.Body)
	if err := nr.Validate(); err != nil {
		return nil, err
	}
	return s.onComment(ctx, commentID, policy.CommentReply, "reply", false, func(tx *gorm.DB, u *newsroom.User, v *draftView, r *commentRow, now time.Time) error {
		var replies int64
		if err := tx.Model(&replyRow{}).Where("comment_id = ?", r.ID).Count(&replies).Error; err != nil {
			return err
		}
		if err := newsroom.CheckReplies(int(replies)); err != nil {
			return err
		}
		reply := replyRow{CommentID: r.ID, AuthorID: u.ID, Body: strings.TrimSpace(nr.Body), CreatedAt: now}
		if err := addToComments(tx, r.DraftID, 0, []string{reply.Body}); err != nil {
			return err
		}
		to, err := s.addressees(tx, v, nr.To)
		if err != nil {
			return err
		}
		if err := tx.Create(&reply).Error; err != nil {
			return err
		}
		for _, id := range to {
			if err := tx.Create(&addresseeRow{ReplyID: reply.ID, UserID: id}).Error; err != nil {
				return err
			}
		}
		return s.mention(tx, u, v, newsroom.Stage(v.Row.Stage), reply.Body, mentionPlace{commentID: r.ID, replyID: reply.ID}, "reply", nil)
	})
}

// ResolveComment closes a comment's thread; ReopenComment opens it again. The draft's writer, the
// comment's author and editors may do either, and the audit trail records who did.
func (s *Store) ResolveComment(ctx context.Context, commentID int64) (*newsroom.Comment, error) {
	return s.onComment(ctx, commentID, policy.CommentResolve, newsroom.StepResolveComment, true, func(tx *gorm.DB, u *newsroom.User, v *draftView, r *commentRow, now time.Time) error {
		if r.ResolvedAt != nil {
			return newsroom.Errorf(newsroom.ECONFLICT, "comment %d is already resolved", r.ID)
		}
		return tx.Model(r).Updates(map[string]any{"resolved_by": u.ID, "resolved_at": now}).Error
	})
}

// ReopenComment opens a resolved comment again, where its words are in the draft's text now
// (see catchUp), worked out before the transaction (see planReopen and reopen).
func (s *Store) ReopenComment(ctx context.Context, commentID int64) (*newsroom.Comment, error) {
	u, err := actor(ctx)
	if err != nil {
		return nil, err
	}
	return s.reopen(ctx, u, commentID, s.planReopen(ctx, u, commentID))
}

// reopen reopens comment commentID as plan has it. A plan that no longer holds under the lock
// is made again on a new read, up to maxPlans times in all, as a save's is (see save).
func (s *Store) reopen(ctx context.Context, u *newsroom.User, commentID int64, plan *reopening) (*newsroom.Comment, error) {
	for n := 1; ; n++ {
		c, err := s.onComment(ctx, commentID, policy.CommentResolve, newsroom.StepReopenComment, true, func(tx *gorm.DB, _ *newsroom.User, v *draftView, r *commentRow, _ time.Time) error {
			if r.ResolvedAt == nil {
				return newsroom.Errorf(newsroom.ECONFLICT, "comment %d is already open", r.ID)
			}
			if err := checkOpenComments(tx, r.DraftID); err != nil {
				return err
			}
			if err := catchUp(tx, v, *r, plan, n == maxPlans); err != nil {
				return err
			}
			return tx.Model(r).Updates(map[string]any{"resolved_by": nil, "resolved_at": nil}).Error
		})
		if !errors.Is(err, errPlanGone) {
			return c, err
		}
		plan = s.planReopen(ctx, u, commentID)
	}
}

// onComment runs a change to one comment in a transaction: the comment must be on a draft the
// user may see, the policy must allow the action in the user's relation to the draft or the
// comment (permission "" leaves that to the change), the action is recorded as a commented event, and in the audit trail when audit is
// set. It returns the comment as the change left it, or nil when the change deleted it.
func (s *Store) onComment(ctx context.Context, commentID int64, permission, action string, audit bool,
	change func(*gorm.DB, *newsroom.User, *draftView, *commentRow, time.Time) error) (*newsroom.Comment, error) {
	u, err := actor(ctx)
	if err != nil {
		return nil, err
	}
	var c *newsroom.Comment
	err = s.tx(ctx, func(tx *gorm.DB) error {
		var r commentRow
		notFound := newsroom.Errorf(newsroom.ENOTFOUND, "comment %d not found", commentID)
		if err := tx.Where("id = ?", commentID).Take(&r).Error; errors.Is(err, gorm.ErrRecordNotFound) {
			return notFound
		} else if err != nil {
			return err
		}
		v, err := s.lockDraft(tx, u, r.DraftID)
		if newsroom.ErrorCode(err) == newsroom.ENOTFOUND {
			return notFound
		} else if err != nil {
			return err
		}
		// Read the comment again under the draft's lock: every change to a draft's comments
		// holds it, so r is now as the last change left it, or gone if that change deleted it.
		if err := tx.Where("id = ?", commentID).Take(&r).Error; errors.Is(err, gorm.ErrRecordNotFound) {
			return notFound
		} else if err != nil {
			return err
		}
		if permission == policy.CommentResolve && !s.policy.CanResolve(u, v.Row.WriterID, r.AuthorID) {
			return s.policy.Check(u, permission, v.Row.WriterID)
		}
		if permission != policy.CommentResolve && permission != "" {
			if err := s.policy.Check(u, permission, v.Row.WriterID); err != nil {
				return err
			}
		}
		now := s.clock()
		if err := change(tx, u, v, &r, now); err != nil {
			return err
		}
		stage := newsroom.Stage(v.Row.Stage)
		record(tx, about(draftEvent(newsroom.EventCommented, r.DraftID, u.ID, action, stage), r.ID))
		if audit {
			if err := insertAudit(tx, r.DraftID, u.ID, action, stage, stage, fmt.Sprintf("comment %d", r.ID), now); err != nil {
				return err
			}
		}
		cs, err := loadComments(tx, "id = ?", r.ID)
		if len(cs) == 1 {
			c = &cs[0]
		}
		return err
	})
	if err != nil {
		return nil, internal("comment", err)
	}
	return c, nil
}
