package policy

import (
	"slices"
	"strings"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// Done says in plain words what u's step action did to d, d as the step left it, naming who has
// the piece now where the workflow tells: its writer, when it comes to a stage where its writer
// edits it; whoever holds the desk it came to, or that desk, when u is not one of those who work
// it. Otherwise it says the stage when the stage's label is the step's own word done ("Approve",
// "Approved"), and the step's explain line. noted is whether u sent a note with the step.
func (p *Policy) Done(u *newsroom.User, d *newsroom.Draft, action newsroom.Action, noted bool) string {
	a, _ := p.Action(action)
	st, _ := p.Stage(d.Stage)
	to, with := "Sent to ", "."
	if p.back(a) {
		to = "Sent back to "
	}
	if noted {
		with = " with your note."
	}
	holder, held := d.Assignees[d.Stage]
	switch {
	case p.writerEdits(d.Stage) && (u == nil || u.ID != d.Writer.ID):
		return to + personName(d.Writer) + with
	case st.Desk && !p.inStage(u, deskHold, d.Writer.ID, d.Stage):
		desk := "the " + strings.ToLower(st.Label) + " desk"
		if held {
			return to + personName(holder) + " at " + desk + with
		}
		return to + desk + with
	}
	msg := "Done."
	if a.Label != "" && strings.HasPrefix(strings.ToLower(st.Label), strings.ToLower(a.Label)) {
		msg = st.Label + "."
	}
	if noted {
		msg = strings.TrimSuffix(msg, ".") + ", with your note."
	}
	if a.Explain != "" {
		msg += " " + a.Explain
	}
	if held && (u == nil || holder.ID != u.ID) {
		msg += " " + personName(holder) + " holds it there."
	}
	return msg
}

// back reports whether a leads the piece back: to a stage before every stage it is taken from.
func (p *Policy) back(a Action) bool {
	return len(a.From) > 0 && !slices.ContainsFunc(a.From, func(s newsroom.Stage) bool { return p.order(s) <= p.order(a.To) })
}

// writerEdits reports whether a piece's writer may edit it at stage: someone of a role that
// starts drafts, which the rule for a role that edits every draft there does not say.
func (p *Policy) writerEdits(stage newsroom.Stage) bool {
	return slices.ContainsFunc(p.roles, func(r Role) bool {
		return p.rules.allowed(string(r.Name), DraftCreate, RelOther, noStage) && p.rules.allowed(string(r.Name), draftEdit, RelOwner, string(stage))
	})
}

// personName is how a sentence names someone: by name, or by username when they have none.
func personName(p newsroom.Person) string {
	if p.Name != "" {
		return p.Name
	}
	return p.Username
}
