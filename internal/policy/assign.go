package policy

import (
	"slices"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// Desks are the stages people can be assigned at (those whose assign names roles), in workflow
// order.
func (p *Policy) Desks() []newsroom.Stage {
	var out []newsroom.Stage
	for _, s := range p.stages {
		if s.Desk {
			out = append(out, s.Name)
		}
	}
	return out
}

// IsDesk reports whether people can be assigned at stage.
func (p *Policy) IsDesk(stage newsroom.Stage) bool { return slices.Contains(p.Desks(), stage) }

// MayHold reports whether u may be assigned a draft written by writerID at desk: their role is
// one the stage's assign names, and they see the draft when it is there.
func (p *Policy) MayHold(u *newsroom.User, writerID int64, desk newsroom.Stage) bool {
	return p.inStage(u, deskHold, writerID, desk) && p.CanSee(u, writerID, desk)
}

// MayClaim reports whether u may take a draft written by writerID at desk for themselves, when
// nobody holds it there: whoever may hold it may claim it.
func (p *Policy) MayClaim(u *newsroom.User, writerID int64, desk newsroom.Stage) bool {
	return p.MayHold(u, writerID, desk)
}

// WorksDesks reports whether u has a part in who holds pieces at the desks: they may be assigned
// at one, a piece by someone else, or may assign others. Only to them does a list of pieces by
// who holds them (their own, nobody's) mean anything.
func (p *Policy) WorksDesks(u *newsroom.User) bool {
	if p.MayAssign(u, 0) {
		return true
	}
	return slices.ContainsFunc(p.Desks(), func(desk newsroom.Stage) bool { return p.inStage(u, deskHold, 0, desk) })
}

// MayAssign reports whether u may assign others to a draft written by writerID, or unassign
// them: the grant of draft:assign.
func (p *Policy) MayAssign(u *newsroom.User, writerID int64) bool {
	return p.Can(u, DraftAssign, writerID)
}

// CheckAssign checks that u may make holder (nil: nobody) hold a draft written by writerID at
// desk: EINVALID when desk is no desk or holder cannot work it, EFORBIDDEN when u may not assign
// others and is not claiming it for themselves. Whether u may act at all is checked before
// anything about holder, so that someone who may not assign learns nothing of other users.
// Whether someone else holds it already is the caller's to check for a claim.
func (p *Policy) CheckAssign(u *newsroom.User, writerID int64, desk newsroom.Stage, holder *newsroom.User) error {
	st, ok := p.Stage(desk)
	if !ok || !st.Desk {
		return newsroom.Errorf(newsroom.EINVALID, "nobody is assigned at stage %q: the desks are %s", desk, p.deskNames())
	}
	var holderID int64
	if holder != nil {
		holderID = holder.ID
	}
	if err := p.CheckAssigner(u, writerID, holderID); err != nil {
		return err
	}
	if holder != nil && !p.MayHold(holder, writerID, desk) {
		return newsroom.Errorf(newsroom.EINVALID, "%s cannot be assigned at %s: the workflow gives that desk to %s",
			holder.Name, st.Label, orList(p.holders(desk)))
	}
	return nil
}

// CheckAssigner checks that u may give a draft written by writerID to the user holderID (0:
// nobody): anyone who may assign others may, and anyone may name themselves; everyone else is
// EFORBIDDEN alike, whoever holderID is, so the store asks this before looking the user up.
func (p *Policy) CheckAssigner(u *newsroom.User, writerID, holderID int64) error {
	if p.MayAssign(u, writerID) || holderID != 0 && holderID == u.ID {
		return nil
	}
	return p.forbidden(u, DraftAssign)
}

// CheckDeadline checks that u may set or clear the due time of a draft written by writerID,
// for the whole piece (stage "") or for one of its stages.
func (p *Policy) CheckDeadline(u *newsroom.User, writerID int64, stage newsroom.Stage) error {
	if stage != "" {
		if _, err := p.ParseStage(string(stage)); err != nil {
			return err
		}
	}
	if !p.Can(u, DraftDeadline, writerID) {
		return p.forbidden(u, DraftDeadline)
	}
	return nil
}

func (p *Policy) deskNames() string {
	var names []string
	for _, s := range p.Desks() {
		names = append(names, string(s))
	}
	return orList(names)
}

// holders lists the labels of the roles that may be assigned at desk.
func (p *Policy) holders(desk newsroom.Stage) []string {
	var out []string
	for _, r := range p.roles {
		if p.rules.allowed(string(r.Name), deskHold, RelOther, string(desk)) {
			out = append(out, r.Label)
		}
	}
	return out
}

// UnderWay lists the stages where a piece is still being worked on, in workflow order: all but
// the published stage and the shelved ones, which a piece leaves only by starting over (every
// action out of them leads back to the first stage, as restore does out of spiked).
func (p *Policy) UnderWay() []newsroom.Stage {
	var out []newsroom.Stage
	for _, s := range p.stages {
		if s.Name != p.published && !p.shelved(s.Name) {
			out = append(out, s.Name)
		}
	}
	return out
}

// Reaches reports whether a piece at stage from can still come to stage to: it is there, or some
// run of the workflow's actions leads there. A published piece comes to no desk again, so
// nobody is given one of its desks.
func (p *Policy) Reaches(from, to newsroom.Stage) bool {
	seen := map[newsroom.Stage]bool{from: true}
	next := []newsroom.Stage{from}
	for len(next) > 0 {
		at := next[len(next)-1]
		next = next[:len(next)-1]
		if at == to {
			return true
		}
		for _, a := range p.actions {
			if a.from(at) && !seen[a.To] {
				seen[a.To] = true
				next = append(next, a.To)
			}
		}
	}
	return false
}

// shelved reports whether every action out of stage (there is at least one) leads back to the
// first stage, and stage is not the first stage itself.
func (p *Policy) shelved(stage newsroom.Stage) bool {
	if stage == p.initial {
		return false
	}
	out := 0
	for _, a := range p.actions {
		if a.from(stage) {
			if a.To != p.initial {
				return false
			}
			out++
		}
	}
	return out > 0
}
