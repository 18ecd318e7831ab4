package store

import (
	"github.com/copydesk/copydesk/internal/authz"
	"github.com/copydesk/copydesk/internal/newsroom"
)

// Permissions answers, for the user u and the draft d they can see, what they may do now. It
// asks the same state machine and policy as the actions themselves, so a form is shown exactly
// when its action would be allowed (gates such as unchecked quotes still answer on submit).
func (s *Store) Permissions(u *newsroom.User, d *newsroom.Draft) newsroom.Permissions {
	var p newsroom.Permissions
	can := func(act string) bool { return s.authz.Can(u, act, d.Writer.ID) }
	for _, a := range newsroom.Actions {
		switch a {
		case newsroom.ActionPublish, newsroom.ActionSchedule, newsroom.ActionRelease:
			continue
		}
		if newsroom.Allowed(d.Stage, a) && can(authz.Transition(a)) {
			p.Actions = append(p.Actions, a)
		}
	}
	stage, ok := newsroom.EditableStage(u.Role)
	p.Edit = ok && stage == d.Stage && can(authz.DraftEdit)
	p.SetEditorComment = p.Edit && can(authz.DraftSetEditorComment)
	p.CheckQuotes = newsroom.QuoteCheckStage(u.Role, d.Stage) && can(authz.QuoteCheck)
	p.WaiveQuotes = newsroom.QuoteCheckStage(u.Role, d.Stage) && can(authz.QuoteWaive)
	p.Comment = can(authz.CommentCreate)
	p.Reply = can(authz.CommentReply)
	p.Publish = newsroom.Allowed(d.Stage, newsroom.ActionPublish) && can(authz.Transition(newsroom.ActionPublish))
	return p
}

// CanResolve reports whether u may resolve or reopen comment c on draft d: the draft's writer,
// the comment's author where the policy lets authors, or an editor.
func (s *Store) CanResolve(u *newsroom.User, d *newsroom.Draft, c newsroom.Comment) bool {
	return s.authz.Can(u, authz.CommentResolve, d.Writer.ID) ||
		c.Author.ID == u.ID && s.authz.CanAs(u, authz.CommentResolve, authz.RelAuthor)
}
