package policy

import "github.com/copydesk/copydesk/internal/newsroom"

// Condition is a SQL condition over the drafts table and its arguments, in the form GORM's
// Where takes them ("?" placeholders; a slice argument expands to a list).
type Condition struct {
	SQL  string
	Args []any
}

// Visible is the rule of CanSee as a SQL condition on drafts.writer_id and drafts.stage, for
// the lists: a draft is in u's lists exactly when CanSee(u, its writer, its stage) holds. Both
// are read from the same answers, stage by stage, so they cannot disagree (TestVisibleAgrees
// runs the condition against a database to be sure).
func (p *Policy) Visible(u *newsroom.User) Condition {
	return p.where(u, draftSee)
}

// Waiting is the rule of CheckQuotes as a SQL condition on drafts, narrowed to the drafts whose
// unchecked quotes wait on u, for the inbox: those u may check quotes on in the stage they are
// in, when it is no desk or a desk u may hold. At a desk, checking falls to the people who
// work it; an editor may check quotes at Fact-check, but there they wait on the fact-checkers, and
// the editor's inbox listing that desk's whole pool buried what was the editor's own.
func (p *Policy) Waiting(u *newsroom.User) Condition {
	return p.whereStage(u, func(ownerID int64, s Stage) bool {
		return p.inStage(u, quoteCheck, ownerID, s.Name) && (!s.Desk || p.inStage(u, deskHold, ownerID, s.Name))
	})
}

// Holding is the rule of MayHold as a SQL condition on drafts: a draft is in it exactly when u
// may be assigned it in the stage it is in, for the pools an inbox points to.
func (p *Policy) Holding(u *newsroom.User) Condition {
	return p.where(u, deskHold)
}

// where is the SQL condition on drafts.writer_id and drafts.stage under which u may take act.
func (p *Policy) where(u *newsroom.User, act string) Condition {
	return p.whereStage(u, func(ownerID int64, s Stage) bool { return p.inStage(u, act, ownerID, s.Name) })
}

// whereStage is the SQL condition on drafts.writer_id and drafts.stage under which may holds for
// a draft written by its owner in its stage (owner 0 for anyone's).
func (p *Policy) whereStage(u *newsroom.User, may func(ownerID int64, s Stage) bool) Condition {
	var all, own []string
	for _, s := range p.stages {
		switch {
		case may(0, s):
			all = append(all, string(s.Name))
		case active(u) && may(u.ID, s):
			own = append(own, string(s.Name))
		}
	}
	switch {
	case len(all) > 0 && len(own) > 0:
		return Condition{"(drafts.stage IN ? OR (drafts.writer_id = ? AND drafts.stage IN ?))", []any{all, u.ID, own}}
	case len(all) > 0:
		return Condition{"drafts.stage IN ?", []any{all}}
	case len(own) > 0:
		return Condition{"(drafts.writer_id = ? AND drafts.stage IN ?)", []any{u.ID, own}}
	}
	return Condition{never, nil}
}

// never is the condition that holds for no draft.
const never = "1 = 0"

// Never reports whether c holds for no draft at all, so that a query under it need not run.
func (c Condition) Never() bool { return c.SQL == never }
