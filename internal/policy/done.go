package policy

import (
	"slices"
	"strings"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// Done says in plain words what u's step action did to d, d as the step left it. When the step
// moved the piece it names who has it now where the workflow tells: whoever holds the desk it
// came to, or that desk, when u is not one of those who work it; its writer, when it comes to a
// stage that is no desk and where its writer edits it. Otherwise it reports the step by its
// label and where the piece is: the step's explain line, or that it stays (or is) in its stage.
// noted is whether u sent a note with the step.
func (p *Policy) Done(u *newsroom.User, d *newsroom.Draft, action newsroom.Action, noted bool) string {
	a, _ := p.Action(action)
	st, _ := p.Stage(d.Stage)
	holder, held := d.Assignees[d.Stage]
	if !slices.Contains(a.From, a.To) {
		to, with := "Sent to ", "."
		if p.back(a) {
			to = "Sent back to "
		}
		if noted {
			with = " with your note."
		}
		switch {
		case st.Desk && !p.inStage(u, deskHold, d.Writer.ID, d.Stage):
			if held {
				return to + personName(holder) + " at " + deskName(st.Label) + with
			}
			return to + deskName(st.Label) + with
		case !st.Desk && p.writerEdits(d.Stage) && (u == nil || u.ID != d.Writer.ID):
			return to + personName(d.Writer) + with
		}
	}
	msg := "Done: " + a.Label
	if st.Label == a.Label+"d" || st.Label == a.Label+"ed" {
		msg = st.Label
	}
	if noted {
		msg += ", with your note"
	}
	switch {
	case slices.Equal(a.From, []newsroom.Stage{a.To}):
		msg += ". The piece stays in " + st.Label + "."
	case slices.Contains(a.From, a.To):
		msg += ". The piece is in " + st.Label + "."
	default:
		msg += ". " + a.Explain
	}
	if held && (u == nil || holder.ID != u.ID) {
		msg += " " + personName(holder) + " holds it there."
	}
	return msg
}

// deskName names the desk of a stage by its label as the file writes it: "the Fact-check desk",
// or "the Copy desk" for a label that already says desk.
func deskName(label string) string {
	if strings.HasSuffix(strings.ToLower(label), "desk") {
		return "the " + label
	}
	return "the " + label + " desk"
}

// back reports whether a leads the piece back: to a stage before every stage it is taken from.
func (p *Policy) back(a Action) bool {
	return len(a.From) > 0 && !slices.ContainsFunc(a.From, func(s newsroom.Stage) bool { return p.order(s) <= p.order(a.To) })
}

// writerEdits reports whether a piece's writer may edit it at stage: someone of a role that
// starts drafts may edit their own draft there, and not by a rule that lets their role edit every
// draft there (an editor who also starts drafts edits everyone's at editing: that is no sign the
// writer has the piece).
func (p *Policy) writerEdits(stage newsroom.Stage) bool {
	return slices.ContainsFunc(p.roles, func(r Role) bool {
		name := string(r.Name)
		return p.rules.allowed(name, DraftCreate, RelOther, noStage) &&
			p.rules.allowed(name, draftEdit, RelOwner, string(stage)) && !p.rules.allowed(name, draftEdit, RelOther, string(stage))
	})
}

// personName is how a sentence names someone: by name, or by username when they have none.
func personName(p newsroom.Person) string {
	if p.Name != "" {
		return p.Name
	}
	return p.Username
}
