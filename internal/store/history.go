package store

import (
	"context"
	"math"

	"gorm.io/gorm"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// Limits on how many revisions and audit entries a page of history holds (see historyLimit).
const (
	defaultHistoryLimit = 50
	maxHistoryLimit     = 200
)

// historyCursor says where each list of a page of history goes on: below these ids, newest
// first. A list at 0 has ended.
type historyCursor struct{ revision, audit int64 }

func (c historyCursor) encode() string {
	if c == (historyCursor{}) {
		return ""
	}
	return encodePair(c.revision, c.audit)
}

// historyStart is where a page of history begins: the newest entries without a cursor.
func historyStart(cursor string) (historyCursor, error) {
	if cursor == "" {
		return historyCursor{math.MaxInt64, math.MaxInt64}, nil
	}
	rev, audit, err := decodePair(cursor)
	if err != nil {
		return historyCursor{}, err
	}
	if rev < 0 || audit < 0 {
		return historyCursor{}, newsroom.Errorf(newsroom.EINVALID, "invalid cursor")
	}
	return historyCursor{rev, audit}, nil
}

// historyLimit settles how many revisions and audit entries one page holds. A page carrying
// unmerged texts holds no more revisions than an author may keep texts of, so that one answer
// carries few whole texts.
func historyLimit(f newsroom.HistoryFilter) int {
	limit := f.Limit
	if limit <= 0 || limit > maxHistoryLimit {
		limit = defaultHistoryLimit
	}
	if f.UnmergedText {
		limit = min(limit, newsroom.MaxUnmergedTexts)
	}
	return limit
}

// History returns a page of a draft's revisions and audit trail, each newest first, with the
// latest of each quote's ledger events on the first page. Unmerged revisions carry their kept text only when
// the filter asks for it.
func (s *Store) History(ctx context.Context, id int64, f newsroom.HistoryFilter) (*newsroom.History, error) {
	u, err := actor(ctx)
	if err != nil {
		return nil, err
	}
	at, err := historyStart(f.Cursor)
	if err != nil {
		return nil, err
	}
	limit := historyLimit(f)
	db := s.read(ctx)
	if _, err := s.findDraft(db, u, id); err != nil {
		return nil, internal("history", err)
	}
	revs, nextRevision, err := pageBelow(revisionsWithoutText(db).Where("revisions.draft_id = ?", id), "revisions.id", at.revision, limit,
		func(v revisionView) int64 { return v.Row.ID })
	if err != nil {
		return nil, internal("history", err)
	}
	audit, nextAudit, err := pageBelow(auditQuery(db).Where("audit.draft_id = ?", id), "audit.id", at.audit, limit,
		func(v auditView) int64 { return v.Row.ID })
	if err != nil {
		return nil, internal("history", err)
	}
	next := historyCursor{nextRevision, nextAudit}
	h := &newsroom.History{Audit: make([]newsroom.AuditEntry, 0, len(audit)), Quotes: []newsroom.QuoteEvent{},
		QuotesOlder: map[int64]int{}, Next: next.encode()}
	if h.Revisions, err = withUnmergedTexts(db, revs, f.UnmergedText); err != nil {
		return nil, internal("history", err)
	}
	if f.Cursor == "" {
		if h.Quotes, h.QuotesOlder, err = quoteHistory(db, id); err != nil {
			return nil, internal("history", err)
		}
	}
	for _, v := range audit {
		h.Audit = append(h.Audit, v.entry())
	}
	return h, nil
}

// revisionsWithoutText is revisionsQuery leaving the texts unread: a page of history lists
// revisions, and the kept texts of unmerged ones live apart (withUnmergedTexts).
func revisionsWithoutText(db *gorm.DB) *gorm.DB {
	return revisionsQuery(db).Select("revisions.id, revisions.draft_id, revisions.version, revisions.base_version, " +
		"revisions.author_id, revisions.merged_with, revisions.created_at, users.username AS author_username, users.name AS author_name")
}

// pageBelow reads up to limit rows of q whose column is below before, newest first, and returns
// where the list goes on: the last row's id, or 0 when nothing older is left.
func pageBelow[T any](q *gorm.DB, column string, before int64, limit int, id func(T) int64) ([]T, int64, error) {
	if before == 0 {
		return nil, 0, nil
	}
	var rows []T
	if err := q.Where(column+" < ?", before).Order(column + " DESC").Limit(limit + 1).Find(&rows).Error; err != nil {
		return nil, 0, err
	}
	if len(rows) <= limit {
		return rows, 0, nil
	}
	rows = rows[:limit]
	return rows, id(rows[limit-1]), nil
}
