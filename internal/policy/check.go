package policy

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// validName is what a role, stage or action may be called: it travels in URLs, JSON, CSS
// classes and Casbin rules.
var validName = regexp.MustCompile(`^[a-z][a-z0-9_]{0,39}$`)

// ownerless are the grants about nothing a user owns, on which ROLE:own would never match.
var ownerless = []string{DraftCreate, DraftImport, UserManage, MetricsRead, BudgetRead, SettingsManage}

// checker checks a parsed file and builds the policy's description of the workflow, stopping
// at the first mistake.
type checker struct {
	r      reader
	f      *file
	roles  map[string]bool
	stages map[string]bool
	// sees records, by role and stage, what the stage's see rule lets the role see: "" for
	// every draft there, RelOwner for its own only.
	sees map[[2]string]string
}

// check checks f: names, references between sections, the stages of fixed meaning and the
// actions that lead into them, that whoever may act in a stage may see it, and that every stage
// can be reached. It returns the policy without its rules.
func check(f *file) (*Policy, error) {
	c := &checker{r: reader{name: f.name}, f: f, roles: map[string]bool{}, stages: map[string]bool{}, sees: map[[2]string]string{}}
	p := &Policy{name: f.name, grants: map[string][]string{}}
	for _, r := range f.roles {
		c.name("role", r.name, r.line)
		if r.name == Operator || r.name == System {
			c.r.fail(r.line, "%q is not a role a user can hold: it names the command line's operator or the server", r.name)
		}
		c.roles[r.name] = true
	}
	for _, s := range f.stages {
		c.name("stage", s.name, s.line)
		c.stages[s.name] = true
		for _, w := range s.see {
			if prev, ok := c.sees[[2]string{w.role, s.name}]; !ok || prev != "" {
				c.sees[[2]string{w.role, s.name}] = w.rel
			}
		}
	}
	if len(f.roles) == 0 {
		c.r.fail(1, "the roles section declares no role")
	}
	if len(f.stages) == 0 {
		c.r.fail(1, "the stages section declares no stage")
	}
	for _, s := range f.stages {
		p.stages = append(p.stages, c.stage(s, p))
	}
	for _, r := range f.roles {
		p.roles = append(p.roles, c.role(r))
	}
	for _, a := range f.actions {
		p.actions = append(p.actions, c.action(a, p))
	}
	for _, g := range f.grants {
		c.grant(g, p)
	}
	if len(p.grants[DraftCreate]) == 0 {
		c.r.fail(1, "no role may write a draft: grant draft:create to one in the grants section")
	}
	if c.r.err == nil {
		c.reserved(p)
		c.reachable(p)
	}
	return p, c.r.err
}

func (c *checker) name(what, name string, line int) {
	if !validName.MatchString(name) {
		c.r.fail(line, "%s name %q: use lower-case letters, digits and _, starting with a letter (at most 40)", what, name)
	}
}

func (c *checker) knownStage(s item) {
	if !c.stages[s.value] {
		c.r.fail(s.line, "unknown stage %q: the stages section does not declare it", s.value)
	}
}

// subjects checks that every subject names a declared role; operator also when allowed.
func (c *checker) subjects(ws []who, what string, operator, author bool) {
	for _, w := range ws {
		switch {
		case w.role == Operator && operator && w.rel == "":
		case w.role == Operator || w.role == System:
			c.r.fail(w.line, "%s: %q cannot be given here", what, w.String())
		case !c.roles[w.role]:
			c.r.fail(w.line, "%s: unknown role %q: the roles section does not declare it", what, w.role)
		case w.rel == RelAuthor && !author:
			c.r.fail(w.line, "%s: %q: :author is only for comments; write :own or the role alone", what, w.String())
		}
	}
}

// sighted checks that each subject, who may do what in stage, may also see drafts there as
// widely: a rule for drafts its subject never sees would never apply.
func (c *checker) sighted(ws []who, what, stage string) {
	for _, w := range ws {
		sees, ok := c.sees[[2]string{w.role, stage}]
		if !ok || sees == RelOwner && w.rel != RelOwner {
			c.r.fail(w.line, "%s: %s does not see those drafts in stage %s; add it to the stage's see", what, w, stage)
		}
	}
}

func (c *checker) role(r roleDef) Role {
	role := Role{Name: newsroom.Role(r.name), Label: labelOr(r.label, r.name)}
	for _, s := range r.desk {
		c.knownStage(s)
		if _, sees := c.sees[[2]string{r.name, s.value}]; c.stages[s.value] && !sees {
			c.r.fail(s.line, "role %s: its desk lists stage %s, which it does not see", r.name, s.value)
		}
		role.Desk = append(role.Desk, newsroom.Stage(s.value))
	}
	switch {
	case r.home.value == "all":
	case r.home.value != "":
		c.knownStage(r.home)
		role.Home = newsroom.Stage(r.home.value)
	case len(role.Desk) > 0:
		role.Home = role.Desk[0]
	}
	return role
}

func (c *checker) stage(s stageDef, p *Policy) Stage {
	st := Stage{Name: newsroom.Stage(s.name), Label: labelOr(s.label, s.name), Kind: s.kind}
	switch s.kind {
	case "":
	case KindPublished:
		if p.published != "" {
			c.r.fail(s.line, "stage %s: only one stage may be kind: published (%s is)", s.name, p.published)
		}
		p.published = st.Name
	case KindScheduled:
		if p.scheduled != "" {
			c.r.fail(s.line, "stage %s: only one stage may be kind: scheduled (%s is)", s.name, p.scheduled)
		}
		p.scheduled = st.Name
	default:
		c.r.fail(s.line, "stage %s: unknown kind %q: want published or scheduled", s.name, s.kind)
	}
	if p.initial == "" {
		p.initial = st.Name
		if s.kind != "" {
			c.r.fail(s.line, "stage %s: new drafts start in the first stage, which cannot be kind: %s", s.name, s.kind)
		}
	}
	if s.kind != "" && len(s.edit) > 0 {
		c.r.fail(s.edit[0].who.line, "stage %s: a %s piece's text is not edited (a correction changes a published one); leave out edit", s.name, s.kind)
	}
	what := "stage " + s.name
	c.subjects(s.see, what+" see", false, false)
	c.subjects(s.checkQuotes, what+" check_quotes", false, false)
	c.subjects(s.waiveQuotes, what+" waive_quotes", false, false)
	c.sighted(s.checkQuotes, what+" check_quotes", s.name)
	c.sighted(s.waiveQuotes, what+" waive_quotes", s.name)
	c.subjects(s.assign, what+" assign", false, false)
	c.sighted(s.assign, what+" assign", s.name)
	for _, w := range s.assign {
		if w.rel != "" {
			c.r.fail(w.line, "%s assign: %q: a desk is worked on anyone's piece; write the role alone", what, w.String())
		}
	}
	if len(s.assign) > 0 {
		st.Desk = true
	}
	for _, e := range s.edit {
		c.subjects([]who{e.who}, what+" edit", false, false)
		c.sighted([]who{e.who}, what+" edit", s.name)
		if len(e.fields) == 0 {
			c.r.fail(e.who.line, "%s edit: %s may edit no field; name the fields or leave the line out", what, e.who)
		}
		for _, fl := range e.fields {
			if !slices.Contains(Fields, fl.value) {
				c.r.fail(fl.line, "%s edit: unknown field %q: want %s", what, fl.value, orList(Fields))
			}
		}
	}
	return st
}

func (c *checker) action(a actionDef, p *Policy) Action {
	c.name("action", a.name, a.line)
	act := Action{Name: newsroom.Action(a.name), Label: labelOr(a.label, a.name), To: newsroom.Stage(a.to.value), Confirm: a.confirm,
		Explain: c.explain(a, p)}
	if len(a.from) == 0 {
		c.r.fail(a.line, "action %s: no from: name the stages it may be taken from", a.name)
	}
	for _, s := range a.from {
		c.knownStage(s)
		act.From = append(act.From, newsroom.Stage(s.value))
	}
	if a.to.value == "" {
		c.r.fail(a.line, "action %s: no to: name the stage it leads to", a.name)
	} else {
		c.knownStage(a.to)
	}
	if len(a.by) == 0 {
		c.r.fail(a.line, "action %s: no roles: say who may take it with by", a.name)
	}
	system := slices.ContainsFunc(a.by, func(w who) bool { return w.role == System })
	if system && len(a.by) > 1 {
		c.r.fail(a.line, "action %s: an action the system takes is taken by nobody else", a.name)
	}
	if !system {
		c.subjects(a.by, "action "+a.name, false, false)
		for _, s := range a.from {
			c.sighted(a.by, "action "+a.name, s.value)
		}
	}
	for _, w := range a.by {
		act.By = append(act.By, w.String())
	}
	for _, g := range a.gates {
		if !slices.Contains(newsroom.Gates, newsroom.Gate(g.value)) {
			names := make([]string, len(newsroom.Gates))
			for i, g := range newsroom.Gates {
				names[i] = string(g)
			}
			c.r.fail(g.line, "action %s: unknown gate %q: want %s", a.name, g.value, orList(names))
		}
		act.Gates = append(act.Gates, newsroom.Gate(g.value))
	}
	return act
}

// maxExplain is the longest explain, in characters: it is one line under a button.
const maxExplain = 200

// explain is what a page says happens next when a is taken: the file's one line, or that the
// piece moves to the stage a leads to.
func (c *checker) explain(a actionDef, p *Policy) string {
	if a.explain.value == "" {
		label := a.to.value
		if st, ok := p.Stage(newsroom.Stage(a.to.value)); ok {
			label = st.Label
		}
		return "The piece moves to " + label + "."
	}
	if strings.ContainsAny(a.explain.value, "\r\n") || utf8.RuneCountInString(a.explain.value) > maxExplain {
		c.r.fail(a.explain.line, "action %s: explain is one line of at most %d characters saying what happens next", a.name, maxExplain)
	}
	return a.explain.value
}

func (c *checker) grant(g grantDef, p *Policy) {
	if !slices.Contains(grantActs, g.act) {
		c.r.fail(g.line, "grants: unknown action %q: want %s", g.act, orList(grantActs))
	}
	if len(g.by) == 0 {
		c.r.fail(g.line, "grants: %s: no roles", g.act)
	}
	c.subjects(g.by, "grants "+g.act, true, g.act == CommentResolve)
	for _, w := range g.by {
		if w.rel != "" && slices.Contains(ownerless, g.act) {
			c.r.fail(w.line, "grants %s: %q: nobody owns what %s is about; write the role alone", g.act, w.String(), g.act)
		}
		p.grants[g.act] = append(p.grants[g.act], w.String())
	}
}

// reserved checks the stage kinds and the actions whose names carry a meaning: only publish
// and release lead into the published stage, only schedule into the scheduled one, and nothing
// leads out of the published stage (a piece readers have seen is corrected, not withdrawn).
func (c *checker) reserved(p *Policy) {
	line := func(name newsroom.Action) int {
		for _, a := range c.f.actions {
			if a.name == string(name) {
				return a.line
			}
		}
		return 1
	}
	if p.published == "" {
		c.r.fail(1, "no stage is kind: published: readers would never see a piece")
	}
	pub, ok := p.Action(ActionPublish)
	switch {
	case !ok:
		c.r.fail(1, "no publish action: name the action that publishes a piece publish")
	case pub.To != p.published:
		c.r.fail(line(ActionPublish), "action publish must lead to the published stage %s, not %s", p.published, pub.To)
	case pub.System():
		c.r.fail(line(ActionPublish), "action publish is taken by people: give it roles")
	}
	for _, name := range []newsroom.Action{ActionPublish, ActionSchedule} {
		a, _ := p.Action(name)
		if a.Has(newsroom.GateNote) || a.Has(newsroom.GateCommentsResolved) {
			c.r.fail(line(name), "action %s is taken with a time, from the publish form and POST /publish, which carry no note: put the note and comments_resolved gates on the action before it", name)
		}
	}
	if sch, ok := p.Action(ActionSchedule); ok && (p.scheduled == "" || sch.To != p.scheduled) {
		c.r.fail(line(ActionSchedule), "action schedule must lead to the stage of kind: scheduled")
	}
	rel, hasRelease := p.Action(ActionRelease)
	if hasRelease && (!rel.System() || rel.To != p.published || !slices.Equal(rel.From, []newsroom.Stage{p.scheduled})) {
		c.r.fail(line(ActionRelease), "action release is the system's: from the scheduled stage to the published one, by: [system]")
	}
	if p.scheduled != "" && !hasRelease {
		c.r.fail(1, "stage %s is kind: scheduled but no release action takes a piece from it to %s", p.scheduled, p.published)
	}
	for _, a := range p.actions {
		switch {
		case a.System() && a.Name != ActionRelease:
			c.r.fail(line(a.Name), "action %s: only release is taken by the system", a.Name)
		case a.To == p.published && a.Name != ActionPublish && a.Name != ActionRelease:
			c.r.fail(line(a.Name), "action %s: only publish (and the system's release) lead to the published stage %s", a.Name, p.published)
		case p.scheduled != "" && a.To == p.scheduled && a.Name != ActionSchedule:
			c.r.fail(line(a.Name), "action %s: only schedule leads to the scheduled stage %s, with the time to publish", a.Name, p.scheduled)
		case slices.Contains(a.From, p.published):
			c.r.fail(line(a.Name), "action %s: nothing leads out of the published stage %s: a published piece is corrected, not withdrawn", a.Name, p.published)
		}
	}
}

// reachable checks that every stage but the first is where some action leads, and that the
// published stage can be reached from the first.
func (c *checker) reachable(p *Policy) {
	reached := map[newsroom.Stage]bool{p.initial: true}
	for changed := true; changed; {
		changed = false
		for _, a := range p.actions {
			if reached[a.To] {
				continue
			}
			if slices.ContainsFunc(a.From, func(s newsroom.Stage) bool { return reached[s] }) {
				reached[a.To], changed = true, true
			}
		}
	}
	for i, s := range p.stages[1:] {
		if !slices.ContainsFunc(p.actions, func(a Action) bool { return a.To == s.Name }) {
			c.r.fail(c.f.stages[i+1].line, "stage %s: no action leads to it", s.Name)
		} else if !reached[s.Name] {
			c.r.fail(c.f.stages[i+1].line, "stage %s: no path of actions leads to it from %s", s.Name, p.initial)
		}
	}
}

func labelOr(label, name string) string {
	if label != "" {
		return label
	}
	return name
}
