package store

import (
	"context"
	"errors"
	"strings"

	"gorm.io/gorm"

	"github.com/copydesk/copydesk/internal/anchor"
	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/policy"
)

// reanchoring is where the open comments of a draft go when its text changes from old to text,
// worked out on a read before the write transaction. Finding a comment's words again is bounded
// but can take tens of milliseconds on a long body with many comments, and on SQLite every
// other writer would wait that long behind the single writer; the transaction only checks that
// nothing the plan was made from has changed, and writes.
type reanchoring struct {
	old, text newsroom.Text
	found     map[int64]foundAnchor
}

// foundAnchor is one comment's new anchor and the field and selector it was found from.
type foundAnchor struct {
	field string
	sel   anchor.Selector
	res   anchor.Result
}

// errStaleSave is how planSave declines a save based on an old version that does not merge:
// such a save is kept as an unmerged revision and moves no comment.
var errStaleSave = errors.New("store: save based on an old version")

// planSave plans the re-anchoring of a save of draft id (see planReanchor); a save based on an
// old version is planned as the merge it makes (see mergeStale).
func (s *Store) planSave(ctx context.Context, u *newsroom.User, id int64, upd newsroom.DraftUpdate) *reanchoring {
	return s.planReanchor(ctx, u, id, func(cur *newsroom.Draft) (newsroom.Text, error) {
		if upd.Version == cur.Version {
			return s.checkEdit(u, cur, upd)
		}
		merged, _, err := s.mergeStale(s.read(ctx), cur, upd)
		if err != nil || merged == nil {
			return newsroom.Text{}, errStaleSave
		}
		return s.checkText(u, cur, *merged)
	})
}

// planCorrection plans the re-anchoring of a correction of the article at slug (see
// planReanchor).
func (s *Store) planCorrection(ctx context.Context, u *newsroom.User, slug string, body *string) *reanchoring {
	var art articleRow
	if err := s.read(ctx).Where("slug = ? AND latest_publication_id IS NOT NULL", slug).Take(&art).Error; err != nil {
		return nil
	}
	return s.planReanchor(ctx, u, art.DraftID, func(d *newsroom.Draft) (newsroom.Text, error) {
		if err := s.policy.Check(u, policy.ArticleCorrect, d.Writer.ID); err != nil {
			return newsroom.Text{}, err
		}
		return correctedText(d, body)
	})
}

// planReanchor works out, on a read outside any transaction, where the open comments of draft id
// go when its text becomes what next makes of the draft as u sees it. It returns nil when the
// draft cannot be read or next refuses the change: the transaction then meets the same error
// again, or works the anchors out itself.
func (s *Store) planReanchor(ctx context.Context, u *newsroom.User, id int64, next func(*newsroom.Draft) (newsroom.Text, error)) *reanchoring {
	db := s.read(ctx)
	v, err := s.findDraft(db, u, id)
	if err != nil {
		return nil
	}
	cur := v.draft()
	text, err := next(cur)
	if err != nil {
		return nil
	}
	rows, err := openAnchors(db, id)
	if err != nil {
		return nil
	}
	results, err := locateComments(rows, cur.Text(), text)
	if err != nil {
		return nil
	}
	plan := &reanchoring{old: cur.Text(), text: text, found: make(map[int64]foundAnchor, len(rows))}
	for i, r := range rows {
		plan.found[r.ID] = foundAnchor{field: r.Field, sel: selectorOf(r), res: results[i]}
	}
	return plan
}

// madeFrom reports whether p was made for the change from old to text.
func (p *reanchoring) madeFrom(old, text newsroom.Text) bool {
	return p != nil && sameFields(p.old, old) && sameFields(p.text, text)
}

// result returns the planned anchor of comment r, if the plan was made from the selector r
// still has.
func (p *reanchoring) result(r commentRow) (anchor.Result, bool) {
	if p == nil {
		return anchor.Result{}, false
	}
	f, ok := p.found[r.ID]
	return f.res, ok && f.field == r.Field && f.sel == selectorOf(r)
}

// sameFields reports whether a and b read the same in every field a comment can be on.
func sameFields(a, b newsroom.Text) bool {
	for _, name := range newsroom.CommentFields {
		x, _ := a.Field(name)
		y, _ := b.Field(name)
		if x != y {
			return false
		}
	}
	return true
}

// reanchor moves every open, attached comment of a draft onto its words in the new text, inside
// the revision's transaction, taking each comment's anchor from plan when the plan holds it and
// finding the others, which were made or changed since the plan was read, now. A comment whose
// words are gone is detached and keeps its original words for display.
func reanchor(tx *gorm.DB, draftID int64, version int, old, text newsroom.Text, plan *reanchoring) error {
	rows, err := openAnchors(tx, draftID)
	if err != nil {
		return err
	}
	if !plan.madeFrom(old, text) {
		plan = nil
	}
	var late, moved []commentRow
	for _, r := range rows {
		res, ok := plan.result(r)
		if !ok {
			late = append(late, r)
		} else if m, ok := movedAnchor(r, res); ok {
			moved = append(moved, m)
		}
	}
	results, err := locateComments(late, old, text)
	if err != nil {
		return err
	}
	for i, r := range late {
		if m, ok := movedAnchor(r, results[i]); ok {
			moved = append(moved, m)
		}
	}
	return saveAnchors(tx, moved, version)
}

// openAnchorsSQL selects what re-anchoring needs of the comments of a draft that follow its
// text: those open and not detached.
const openAnchorsSQL = "SELECT id, field, exact, prefix, suffix, start_pos, end_pos, status FROM comments " +
	"WHERE draft_id = ? AND resolved_at IS NULL AND status <> ? ORDER BY id"

// openAnchors loads the anchors of the comments of a draft that follow its text, scanning them
// itself: every save reads them twice, before and in its transaction, and GORM's reflection
// made that a third of a save with many comments.
func openAnchors(db *gorm.DB, draftID int64) ([]commentRow, error) {
	rows, err := db.Raw(openAnchorsSQL, draftID, anchor.Detached.String()).Rows()
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []commentRow
	for rows.Next() {
		var r commentRow
		if err := rows.Scan(&r.ID, &r.Field, &r.Exact, &r.Prefix, &r.Suffix, &r.StartPos, &r.EndPos, &r.Status); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// selectorOf is the selector a comment row keeps.
func selectorOf(r commentRow) anchor.Selector {
	return anchor.Selector{Exact: r.Exact, Prefix: r.Prefix, Suffix: r.Suffix, Start: r.StartPos, End: r.EndPos}
}

// locateComments finds each comment of rows, made on the text old, in text, and returns the
// results in the order of rows. Each field's comments are carried through the diff of that
// field together (see anchor.Reanchor), so a comment whose words survive the edit stays on
// them even where the text repeats them.
func locateComments(rows []commentRow, old, text newsroom.Text) ([]anchor.Result, error) {
	out := make([]anchor.Result, len(rows))
	byField := map[string][]int{}
	for i, r := range rows {
		byField[r.Field] = append(byField[r.Field], i)
	}
	for field, idx := range byField {
		before, err := old.Field(field)
		if err != nil {
			return nil, err
		}
		after, err := text.Field(field)
		if err != nil {
			return nil, err
		}
		sels := make([]anchor.Selector, len(idx))
		for k, i := range idx {
			sels[k] = selectorOf(rows[i])
		}
		for k, res := range anchor.Reanchor(before, after, sels) {
			out[idx[k]] = res
		}
	}
	return out, nil
}

// movedAnchor returns r with the anchor res gives it, and whether anything about its anchor
// changed. A detached comment keeps its words.
func movedAnchor(r commentRow, res anchor.Result) (commentRow, bool) {
	if res.Status == anchor.Detached {
		r.Status = res.Status.String()
		return r, true
	}
	sel := res.Next
	status := res.Status.String()
	if r.Status == anchor.Moved.String() {
		status = r.Status // once moved, a comment says so until it is resolved
	}
	if sel.Exact == r.Exact && sel.Prefix == r.Prefix && sel.Suffix == r.Suffix && sel.Start == r.StartPos && status == r.Status {
		return r, false
	}
	r.Exact, r.Prefix, r.Suffix, r.StartPos, r.EndPos, r.Status = sel.Exact, sel.Prefix, sel.Suffix, sel.Start, sel.End, status
	return r, true
}

// anchorBatch is how many comments one statement of saveAnchors writes. A save moves every
// comment after the words it changed, twenty on a typical piece: one statement for them all
// is one trip through the driver instead of twenty, and the batch bounds the statement shapes
// the prepared-statement cache keeps.
const anchorBatch = 32

// anchorColumns are the columns saveAnchors writes, each with the value a row gives it.
var anchorColumns = []struct {
	name  string
	value func(commentRow) any
}{
	{"exact", func(r commentRow) any { return r.Exact }},
	{"prefix", func(r commentRow) any { return r.Prefix }},
	{"suffix", func(r commentRow) any { return r.Suffix }},
	{"start_pos", func(r commentRow) any { return r.StartPos }},
	{"end_pos", func(r commentRow) any { return r.EndPos }},
	{"status", func(r commentRow) any { return r.Status }},
}

// saveAnchors writes the anchors of rows, re-anchored at version, in statements of anchorBatch
// comments. Each column is a CASE on the comment's id whose ELSE keeps the column, so that
// PostgreSQL gives the values the column's type.
func saveAnchors(tx *gorm.DB, rows []commentRow, version int) error {
	for len(rows) > 0 {
		n := min(len(rows), anchorBatch)
		var q strings.Builder
		args := make([]any, 0, n*2*len(anchorColumns)+1+n)
		q.WriteString("UPDATE comments SET ")
		for _, col := range anchorColumns {
			q.WriteString(col.name + " = CASE id")
			for _, r := range rows[:n] {
				q.WriteString(" WHEN ? THEN ?")
				args = append(args, r.ID, col.value(r))
			}
			q.WriteString(" ELSE " + col.name + " END, ")
		}
		q.WriteString("anchored_version = ? WHERE id IN (?" + strings.Repeat(", ?", n-1) + ")")
		args = append(args, version)
		for _, r := range rows[:n] {
			args = append(args, r.ID)
		}
		if err := tx.Exec(q.String(), args...).Error; err != nil {
			return err
		}
		rows = rows[n:]
	}
	return nil
}
