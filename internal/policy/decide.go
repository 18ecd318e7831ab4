package policy

import (
	"slices"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// relation is what u is to a draft written by ownerID: its owner, or other (also when the
// question is about no one's draft, ownerID 0).
func relation(u *newsroom.User, ownerID int64) string {
	if ownerID != 0 && ownerID == u.ID {
		return RelOwner
	}
	return RelOther
}

// active reports whether u may do anything at all: a signed-in user who is not disabled.
func active(u *newsroom.User) bool { return u != nil && !u.Disabled }

// Can reports whether u may take the granted action act (one of the grants: DraftCreate,
// CommentReply, UserManage…) on something owned by ownerID (0 when the action is about no
// one's draft). Disabled users may do nothing.
func (p *Policy) Can(u *newsroom.User, act string, ownerID int64) bool {
	return active(u) && p.rules.allowed(string(u.Role), act, relation(u, ownerID), noStage)
}

// Check is Can as an error: EFORBIDDEN naming what was refused.
func (p *Policy) Check(u *newsroom.User, act string, ownerID int64) error {
	if p.Can(u, act, ownerID) {
		return nil
	}
	return p.forbidden(u, act)
}

// OperatorCan reports whether the operator on the command line may take the granted action act.
func (p *Policy) OperatorCan(act string) bool {
	return p.rules.allowed(Operator, act, RelOther, noStage)
}

// CheckOperator is OperatorCan as an error.
func (p *Policy) CheckOperator(act string) error {
	if p.OperatorCan(act) {
		return nil
	}
	return newsroom.Errorf(newsroom.EFORBIDDEN, "the workflow does not let the operator %s", act)
}

// Manages reports whether u may manage the newsroom's users: the grant of user:manage, to a user
// who is not disabled.
func (p *Policy) Manages(u newsroom.User) bool { return p.Can(&u, UserManage, 0) }

// Managers lists the roles that may manage users, for counting who is left to do it.
func (p *Policy) Managers() []newsroom.Role {
	var out []newsroom.Role
	for _, r := range p.roles {
		if p.rules.allowed(string(r.Name), UserManage, RelOther, noStage) {
			out = append(out, r.Name)
		}
	}
	return out
}

// CanResolve reports whether u may resolve or reopen a comment written by authorID on a draft
// written by ownerID.
func (p *Policy) CanResolve(u *newsroom.User, ownerID, authorID int64) bool {
	if !active(u) {
		return false
	}
	return p.Can(u, CommentResolve, ownerID) ||
		authorID == u.ID && p.rules.allowed(string(u.Role), CommentResolve, RelAuthor, noStage)
}

// inStage reports whether u may take act on a draft written by ownerID in stage.
func (p *Policy) inStage(u *newsroom.User, act string, ownerID int64, stage newsroom.Stage) bool {
	return active(u) && p.rules.allowed(string(u.Role), act, relation(u, ownerID), string(stage))
}

// anywhere reports whether u may take act on a draft written by ownerID in some stage.
func (p *Policy) anywhere(u *newsroom.User, act string, ownerID int64) bool {
	return slices.ContainsFunc(p.stages, func(s Stage) bool { return p.inStage(u, act, ownerID, s.Name) })
}

// CanSee reports whether u may see a draft written by writerID that is in stage.
func (p *Policy) CanSee(u *newsroom.User, writerID int64, stage newsroom.Stage) bool {
	return p.inStage(u, draftSee, writerID, stage)
}

// Step checks that u may take action on draft d now, as far as roles and stages say (the gates
// are the caller's to check), and returns the action. An unknown action is EINVALID; a role that
// may take it nowhere, or only on its own drafts, is EFORBIDDEN; a stage it cannot be taken
// from is ECONFLICT.
func (p *Policy) Step(u *newsroom.User, d *newsroom.Draft, action newsroom.Action) (Action, error) {
	a, ok := p.Action(action)
	if !ok {
		return Action{}, newsroom.Errorf(newsroom.EINVALID, "unknown action %q", action)
	}
	act := actionAct(string(action))
	if !p.anywhere(u, act, d.Writer.ID) {
		return Action{}, p.forbidden(u, act)
	}
	if !a.from(d.Stage) || !p.inStage(u, act, d.Writer.ID, d.Stage) {
		return Action{}, newsroom.Errorf(newsroom.ECONFLICT, "the step %s cannot be taken on a draft at %s", p.stepWords(action), p.StageWords(d.Stage))
	}
	return a, nil
}

// Fields lists the fields u may change on draft d in its stage now, in Fields' order.
func (p *Policy) Fields(u *newsroom.User, d *newsroom.Draft) []string {
	var out []string
	for _, f := range Fields {
		if p.inStage(u, fieldAct(f), d.Writer.ID, d.Stage) {
			out = append(out, f)
		}
	}
	return out
}

// CheckEdit checks that u may change the fields changed of draft d: EFORBIDDEN when u may edit
// such a draft in no stage, or may never change one of the fields; ECONFLICT when u could edit
// it in another stage.
func (p *Policy) CheckEdit(u *newsroom.User, d *newsroom.Draft, changed []string) error {
	if !p.anywhere(u, draftEdit, d.Writer.ID) {
		return p.forbidden(u, draftEdit)
	}
	if !p.inStage(u, draftEdit, d.Writer.ID, d.Stage) {
		return p.conflictf(u, "cannot edit a draft at %s", p.StageWords(d.Stage))
	}
	for _, f := range changed {
		if p.inStage(u, fieldAct(f), d.Writer.ID, d.Stage) {
			continue
		}
		if p.anywhere(u, fieldAct(f), d.Writer.ID) {
			return p.conflictf(u, "cannot change %s of a draft at %s", fieldWords(f), p.StageWords(d.Stage))
		}
		return p.forbidden(u, fieldAct(f))
	}
	return nil
}

// CheckImage checks that u may set, replace or remove draft d's lead image now: whoever may edit
// the draft in its stage, as CheckEdit answers with no field named. The image goes out with the
// text, so it is held to the text's rule rather than given a grant of its own.
func (p *Policy) CheckImage(u *newsroom.User, d *newsroom.Draft) error { return p.CheckEdit(u, d, nil) }

// CheckQuotes checks that u may check quotes on draft d now (waive, when waive is set):
// EFORBIDDEN when they may in no stage, ECONFLICT when not in this one.
func (p *Policy) CheckQuotes(u *newsroom.User, d *newsroom.Draft, waive bool) error {
	act := quoteCheck
	if waive {
		act = quoteWaive
	}
	if !p.anywhere(u, act, d.Writer.ID) {
		return p.forbidden(u, act)
	}
	if !p.inStage(u, act, d.Writer.ID, d.Stage) {
		return p.conflictf(u, "cannot %s on a draft at %s", actWords[act], p.StageWords(d.Stage))
	}
	return nil
}

// Permissions answers, for the user u and the draft d they can see, what they may do now, so
// that a page shows exactly the forms whose actions would be allowed (gates such as unchecked
// quotes still answer when the form is sent).
func (p *Policy) Permissions(u *newsroom.User, d *newsroom.Draft) newsroom.Permissions {
	var perm newsroom.Permissions
	var to []newsroom.Stage
	for _, a := range p.actions {
		if a.Name == ActionPublish || a.Name == ActionSchedule || a.System() {
			continue
		}
		if _, err := p.Step(u, d, a.Name); err == nil {
			perm.Actions = append(perm.Actions, newsroom.Offer{Action: a.Name, Label: a.Label, NoteRequired: a.Has(newsroom.GateNote),
				Forceable: a.Has(newsroom.GateCommentsResolved), Confirm: a.Confirm, Explain: a.Explain})
			to = append(to, a.To)
		}
	}
	p.fold(d.Stage, perm.Actions, to)
	p.lead(d.Stage, perm.Actions, to)
	perm.Fields = p.Fields(u, d)
	perm.Image = p.CheckImage(u, d) == nil
	perm.CheckQuotes = p.CheckQuotes(u, d, false) == nil
	perm.WaiveQuotes = p.CheckQuotes(u, d, true) == nil
	perm.Comment = p.Can(u, CommentCreate, d.Writer.ID)
	perm.Reply = p.Can(u, CommentReply, d.Writer.ID)
	_, err := p.Step(u, d, ActionPublish)
	perm.Publish = err == nil
	if perm.Publish {
		_, err = p.Step(u, d, ActionSchedule)
		perm.Schedule = err == nil
	}
	return perm
}

// fold marks the offers, open at stage s and leading to the stages to, that a page folds under
// More, as a bar has room for the ways forward and one way back. A way forward (to a later stage
// no later than the published one) is never folded, even when it asks to be confirmed. Of the
// ways back that do not ask to be confirmed, the one that goes furthest back stays in the row
// (between two to the same stage, the one that asks for a note, as it returns the piece with
// the reason; between two alike, the one declared first) and the others fold. Any other action
// that asks to be confirmed (spiking) folds. When that would fold every offer, none is folded,
// so that a page never shows More alone.
func (p *Policy) fold(s newsroom.Stage, offers []newsroom.Offer, to []newsroom.Stage) {
	back := -1
	for i, o := range offers {
		switch {
		case p.forward(s, to[i]):
			offers[i].More = false
		case o.Confirm == "" && p.order(to[i]) < p.order(s):
			offers[i].More = true
			if back < 0 || p.order(to[i]) < p.order(to[back]) ||
				to[i] == to[back] && o.NoteRequired && !offers[back].NoteRequired {
				back = i
			}
		default:
			offers[i].More = o.Confirm != ""
		}
	}
	if back >= 0 {
		offers[back].More = false
	}
	if !slices.ContainsFunc(offers, func(o newsroom.Offer) bool { return !o.More }) {
		for i := range offers {
			offers[i].More = false
		}
	}
}

// lead puts the offers at stage s that are ways forward before the others, each group in the
// workflow's order, to[i] being where offers[i] leads: a row leads with the step the piece is
// waiting for (Clear for editing, Approve), and the way back follows it.
func (p *Policy) lead(s newsroom.Stage, offers []newsroom.Offer, to []newsroom.Stage) {
	var forward, others []newsroom.Offer
	for i, o := range offers {
		if p.forward(s, to[i]) {
			forward = append(forward, o)
		} else {
			others = append(others, o)
		}
	}
	copy(offers, append(forward, others...))
}

// forward reports whether a step from stage s to stage to is a way forward: to a later stage no
// later than the published one.
func (p *Policy) forward(s, to newsroom.Stage) bool {
	return p.order(s) < p.order(to) && p.order(to) <= p.order(p.published)
}

// order is stage s's place in the workflow's order of stages.
func (p *Policy) order(s newsroom.Stage) int {
	return slices.IndexFunc(p.stages, func(st Stage) bool { return st.Name == s })
}

// IsPublished reports whether stage is the one in which readers see a piece.
func (p *Policy) IsPublished(stage newsroom.Stage) bool { return stage == p.published }

// IsScheduled reports whether stage is the one in which a piece waits for its time.
func (p *Policy) IsScheduled(stage newsroom.Stage) bool {
	return p.scheduled != "" && stage == p.scheduled
}

// CanSeeNoticeLog reports whether u may read who was told of changes to a draft written by
// writerID: its writer, and whoever may see every draft in every stage (editors and admins in
// the default workflow). Those told include people the others may not know of.
func (p *Policy) CanSeeNoticeLog(u *newsroom.User, writerID int64) bool {
	if !active(u) {
		return false
	}
	if writerID != 0 && writerID == u.ID {
		return true
	}
	return !slices.ContainsFunc(p.stages, func(s Stage) bool { return !p.CanSee(u, 0, s.Name) })
}
