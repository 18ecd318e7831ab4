// Package policy is the one place that decides who may do what in Copydesk. It reads the
// newsroom's workflow file (policies/workflow.yaml, or the one an operator names): the roles,
// the stages a piece passes through, the actions between them with the gates each waits for,
// and the grants outside the stages. It checks the file, compiles it into Casbin rules, and
// answers every permission question from them: may this user take this action on this draft,
// may they see it (in Go and as a SQL condition, which agree), which fields may they edit,
// may they check quotes, and what may the operator on the command line do.
package policy

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/policies"
)

// FileName is the workflow file's name inside a policies folder.
const FileName = "workflow.yaml"

// The relations a user can have to what they act on.
const (
	RelOwner  = "owner"  // they wrote the draft
	RelAuthor = "author" // they wrote the comment
	RelOther  = "other"
)

// The named actions outside the stages that grants give, and the ones the stages' rules give.
const (
	DraftCreate    = "draft:create"
	DraftImport    = "draft:import"
	CommentCreate  = "comment:create"
	CommentReply   = "comment:reply"
	CommentResolve = "comment:resolve"
	ArticleCorrect = "article:correct"
	UserManage     = "user:manage"
	MetricsRead    = "metrics:read"
	DraftAssign    = "draft:assign"
	DraftDeadline  = "draft:deadline"
	BudgetRead     = "budget:read"
	SettingsManage = "settings:manage"
	DraftClaim     = "draft:claim"

	draftSee   = "draft:see"
	draftEdit  = "draft:edit"
	quoteCheck = "quote:check"
	quoteWaive = "quote:waive"
	deskHold   = "desk:hold"
)

// grantActs are the named actions a grants section may give.
var grantActs = []string{DraftCreate, DraftImport, CommentCreate, CommentReply, CommentResolve, ArticleCorrect, UserManage, MetricsRead,
	DraftAssign, DraftDeadline, BudgetRead, SettingsManage, DraftClaim}

// The subjects that are not roles: the operator on the command line, and the server itself
// (which alone takes the release action).
const (
	Operator = "operator"
	System   = "system"
)

// The kinds of stage with a fixed meaning.
const (
	KindPublished = "published"
	KindScheduled = "scheduled"
)

// The actions whose names have a fixed meaning: the API's publish endpoint takes publish or
// schedule by its time, and the scheduler takes release.
const (
	ActionPublish  = newsroom.ActionPublish
	ActionSchedule = newsroom.ActionSchedule
	ActionRelease  = newsroom.ActionRelease
)

// Fields are the draft fields an edit grant may name.
var Fields = []string{"title", "byline", "brief", "body", "topics", "editor_comment"}

// Role is a role as the workflow declares it.
type Role struct {
	Name  newsroom.Role    `json:"name"`
	Label string           `json:"label"`
	Desk  []newsroom.Stage `json:"desk"`
	// Home is the stage the role's desk opens on, or "" for every stage.
	Home newsroom.Stage `json:"home"`
}

// Stage is a stage as the workflow declares it. Kind is "published", "scheduled" or "".
type Stage struct {
	Name  newsroom.Stage `json:"name"`
	Label string         `json:"label"`
	Kind  string         `json:"kind,omitempty"`
	// Desk is whether people can be assigned at the stage (its assign names roles).
	Desk bool `json:"desk,omitempty"`
}

// Action is a workflow action as the workflow declares it. By names who may take it, as the
// file writes them ("writer:own", "editor", "system").
type Action struct {
	Name    newsroom.Action  `json:"name"`
	Label   string           `json:"label"`
	From    []newsroom.Stage `json:"from"`
	To      newsroom.Stage   `json:"to"`
	By      []string         `json:"by"`
	Gates   []newsroom.Gate  `json:"gates"`
	Confirm string           `json:"confirm,omitempty"`
	// Explain says in one line what happens next when the action is taken: the file's explain,
	// or by default the stage the piece moves to.
	Explain string `json:"explain"`
}

// System reports whether only the server takes a.
func (a Action) System() bool { return slices.Equal(a.By, []string{System}) }

// Has reports whether a waits for gate g.
func (a Action) Has(g newsroom.Gate) bool { return slices.Contains(a.Gates, g) }

// from reports whether a may be taken from stage s.
func (a Action) from(s newsroom.Stage) bool { return slices.Contains(a.From, s) }

// Policy is a checked workflow and the decisions it gives. It never changes once built, so it
// is safe to share.
type Policy struct {
	name      string
	roles     []Role
	stages    []Stage
	actions   []Action
	grants    map[string][]string // for show: act → subjects as written
	initial   newsroom.Stage
	published newsroom.Stage
	scheduled newsroom.Stage
	rules     *rules
}

// Default is the policy of the workflow file shipped in policies/.
func Default() (*Policy, error) {
	return Parse("policies/"+FileName, []byte(policies.Workflow))
}

// FromDir reads the workflow file in dir, so an operator can shape the newsroom's workflow
// without rebuilding.
func FromDir(dir string) (*Policy, error) {
	path := filepath.Join(dir, FileName)
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("policy: %w", err)
	}
	return Parse(path, src)
}

// Parse checks the workflow file src, called name in messages, and builds its policy. A
// mistake is an error naming the file and line.
func Parse(name string, src []byte) (*Policy, error) {
	f, err := parseFile(name, src)
	if err != nil {
		return nil, err
	}
	p, err := check(f)
	if err != nil {
		return nil, err
	}
	if p.rules, err = compile(f); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return p, nil
}

// Name is where the policy was read from.
func (p *Policy) Name() string { return p.name }

// Roles are the workflow's roles, in desk order.
func (p *Policy) Roles() []Role { return p.roles }

// Stages are the workflow's stages, in workflow order.
func (p *Policy) Stages() []Stage { return p.stages }

// Actions are the workflow's actions, in the file's order.
func (p *Policy) Actions() []Action { return p.actions }

// Initial is the stage every new draft starts in.
func (p *Policy) Initial() newsroom.Stage { return p.initial }

// Published is the stage in which readers see a piece.
func (p *Policy) Published() newsroom.Stage { return p.published }

// Scheduled is the stage in which a piece waits for its publication time, or "" when the
// workflow schedules nothing.
func (p *Policy) Scheduled() newsroom.Stage { return p.scheduled }

// Stage returns the stage called name.
func (p *Policy) Stage(name newsroom.Stage) (Stage, bool) {
	i := slices.IndexFunc(p.stages, func(s Stage) bool { return s.Name == name })
	if i < 0 {
		return Stage{}, false
	}
	return p.stages[i], true
}

// Action returns the action called name.
func (p *Policy) Action(name newsroom.Action) (Action, bool) {
	i := slices.IndexFunc(p.actions, func(a Action) bool { return a.Name == name })
	if i < 0 {
		return Action{}, false
	}
	return p.actions[i], true
}

// Role returns the role called name.
func (p *Policy) Role(name newsroom.Role) (Role, bool) {
	i := slices.IndexFunc(p.roles, func(r Role) bool { return r.Name == name })
	if i < 0 {
		return Role{}, false
	}
	return p.roles[i], true
}

// ParseStage checks that s names a stage of the workflow.
func (p *Policy) ParseStage(s string) (newsroom.Stage, error) {
	if _, ok := p.Stage(newsroom.Stage(s)); !ok {
		return "", newsroom.Errorf(newsroom.EINVALID, "unknown stage %q: want one of %s", s, p.stageNames())
	}
	return newsroom.Stage(s), nil
}

// ParseAction checks that s names an action of the workflow.
func (p *Policy) ParseAction(s string) (newsroom.Action, error) {
	if _, ok := p.Action(newsroom.Action(s)); !ok {
		return "", newsroom.Errorf(newsroom.EINVALID, "unknown action %q", s)
	}
	return newsroom.Action(s), nil
}

// ParseRole checks that s names a role of the workflow.
func (p *Policy) ParseRole(s string) (newsroom.Role, error) {
	if _, ok := p.Role(newsroom.Role(s)); !ok {
		names := make([]string, len(p.roles))
		for i, r := range p.roles {
			names[i] = string(r.Name)
		}
		return "", newsroom.Errorf(newsroom.EINVALID, "unknown role %q: want %s", s, orList(names))
	}
	return newsroom.Role(s), nil
}

func (p *Policy) stageNames() string {
	names := make([]string, len(p.stages))
	for i, s := range p.stages {
		names[i] = string(s.Name)
	}
	return orList(names)
}

// orList writes names as "a, b or c".
func orList(names []string) string {
	switch len(names) {
	case 0:
		return "nothing"
	case 1:
		return names[0]
	}
	out := ""
	for i, n := range names[:len(names)-1] {
		if i > 0 {
			out += ", "
		}
		out += n
	}
	return out + " or " + names[len(names)-1]
}

// Desk returns the stage filters of role r's desk and the one it opens on ("" for every
// stage).
func (p *Policy) Desk(r newsroom.Role) (stages []newsroom.Stage, home newsroom.Stage) {
	role, ok := p.Role(r)
	if !ok {
		return nil, ""
	}
	return role.Desk, role.Home
}
