// Package authz answers one question with Casbin: may this user take this named action on this
// draft? The model and role policy come from policies/ (embedded) or from files an operator names.
package authz

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"

	"github.com/casbin/casbin/v2"
	"github.com/casbin/casbin/v2/model"
	stringadapter "github.com/casbin/casbin/v2/persist/string-adapter"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/policies"
)

// The named actions Casbin decides on. Workflow transitions are "draft:" + the action's name.
const (
	DraftCreate           = "draft:create"
	DraftEdit             = "draft:edit"
	DraftSetEditorComment = "draft:set_editor_comment"
	DraftImport           = "draft:import"
	ArticleCorrect        = "article:correct"
	QuoteCheck            = "quote:check"
	QuoteWaive            = "quote:waive"
	CommentCreate         = "comment:create"
	CommentReply          = "comment:reply"
	CommentResolve        = "comment:resolve"
	UserManage            = "user:manage"
)

// Transition returns the named action for a workflow action, such as "draft:submit".
func Transition(a newsroom.Action) string {
	return "draft:" + string(a)
}

// Enforcer decides requests with a Casbin enforcer. The policy is static while the server runs,
// so each (role, action, relation) answer is remembered after Casbin first gives it.
type Enforcer struct {
	casbin  *casbin.Enforcer
	mu      sync.Mutex
	answers map[request]bool
}

type request struct {
	role newsroom.Role
	act  string
	rel  string
}

// New builds an Enforcer from the text of a Casbin model and a CSV policy.
func New(modelText, policyText string) (*Enforcer, error) {
	m, err := model.NewModelFromString(modelText)
	if err != nil {
		return nil, fmt.Errorf("authz: model: %w", err)
	}
	e, err := casbin.NewEnforcer(m, stringadapter.NewAdapter(policyText))
	if err != nil {
		return nil, fmt.Errorf("authz: policy: %w", err)
	}
	return &Enforcer{casbin: e, answers: make(map[request]bool)}, nil
}

// Default builds the Enforcer from the embedded policies/ files.
func Default() (*Enforcer, error) {
	return New(policies.Model, policies.Policy)
}

// FromDir builds the Enforcer from model.conf and policy.csv in dir, so an operator can change
// who may do what without rebuilding.
func FromDir(dir string) (*Enforcer, error) {
	m, err := os.ReadFile(filepath.Join(dir, "model.conf"))
	if err != nil {
		return nil, fmt.Errorf("authz: %w", err)
	}
	p, err := os.ReadFile(filepath.Join(dir, "policy.csv"))
	if err != nil {
		return nil, fmt.Errorf("authz: %w", err)
	}
	return New(string(m), string(p))
}

// The relations a user can have to what they act on.
const (
	RelOwner  = "owner"  // they wrote the draft
	RelAuthor = "author" // they wrote the comment
	RelOther  = "other"
)

// Can reports whether u may take the named action on something owned by ownerID (0 when the
// action is not about one user's draft). Disabled users may do nothing.
func (a *Enforcer) Can(u *newsroom.User, act string, ownerID int64) bool {
	rel := RelOther
	if u != nil && ownerID != 0 && ownerID == u.ID {
		rel = RelOwner
	}
	return a.CanAs(u, act, rel)
}

// CanAs reports whether u may take the named action in the given relation to its object.
func (a *Enforcer) CanAs(u *newsroom.User, act, rel string) bool {
	if u == nil || u.Disabled {
		return false
	}
	req := request{u.Role, act, rel}
	a.mu.Lock()
	defer a.mu.Unlock()
	if ok, seen := a.answers[req]; seen {
		return ok
	}
	ok, err := a.casbin.Enforce(string(u.Role), act, rel)
	if err != nil {
		// A malformed request cannot be allowed; the error is about our own model, and the
		// policy test catches it.
		ok = false
	}
	a.answers[req] = ok
	return ok
}

// Check is Can as an error: EFORBIDDEN naming what was refused.
func (a *Enforcer) Check(u *newsroom.User, act string, ownerID int64) error {
	if a.Can(u, act, ownerID) {
		return nil
	}
	role := "anonymous"
	if u != nil {
		role = string(u.Role)
	}
	return newsroom.Errorf(newsroom.EFORBIDDEN, "a %s may not %s here", role, act)
}
