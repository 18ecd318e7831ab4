package policy

import (
	"fmt"
	"strings"
	"sync"

	"github.com/casbin/casbin/v2"
	"github.com/casbin/casbin/v2/model"
	stringadapter "github.com/casbin/casbin/v2/persist/string-adapter"

	"github.com/copydesk/copydesk/policies"
)

// noStage is the stage a request names when its action is about no draft's stage (the grants).
const noStage = "-"

// request is one question put to Casbin.
type request struct {
	role, act, rel, stage string
}

// rules are the workflow's Casbin rules and the answers Casbin has given. The policy never
// changes while the program runs, so each question is put to Casbin once, the first time it is
// asked (under mu: an enforcer is not made for concurrent use), and its answer is read without
// a lock afterwards. Asking them all up front made every policy take a tenth of a second to
// build, at every start of the CLI and in every test.
type rules struct {
	mu       sync.Mutex
	enforcer *casbin.Enforcer
	answers  sync.Map // request → bool
}

// compile turns the checked file f into Casbin rules.
func compile(f *file) (*rules, error) {
	var lines []string
	add := func(w who, act, stage string) {
		rel := w.rel
		if rel == "" {
			rel = "*"
		}
		lines = append(lines, strings.Join([]string{"p", w.role, act, rel, stage}, ", "))
	}
	for _, s := range f.stages {
		for _, w := range s.see {
			add(w, draftSee, s.name)
		}
		for _, e := range s.edit {
			add(e.who, draftEdit, s.name)
			for _, fl := range e.fields {
				add(e.who, fieldAct(fl.value), s.name)
			}
		}
		for _, w := range s.checkQuotes {
			add(w, quoteCheck, s.name)
		}
		for _, w := range s.waiveQuotes {
			add(w, quoteWaive, s.name)
		}
		for _, w := range s.assign {
			add(w, deskHold, s.name)
		}
	}
	for _, a := range f.actions {
		for _, w := range a.by {
			for _, from := range a.from {
				add(w, actionAct(a.name), from.value)
			}
		}
	}
	for _, g := range f.grants {
		for _, w := range g.by {
			add(w, g.act, "*")
		}
	}
	m, err := model.NewModelFromString(policies.Model)
	if err != nil {
		return nil, fmt.Errorf("casbin model: %w", err)
	}
	e, err := casbin.NewEnforcer(m, stringadapter.NewAdapter(strings.Join(lines, "\n")))
	if err != nil {
		return nil, fmt.Errorf("casbin rules: %w", err)
	}
	return &rules{enforcer: e}, nil
}

// actionAct is the named action Casbin decides for a workflow action, such as "step:submit". Its
// prefix is the workflow actions' own, so that no name a newsroom gives an action (create, see,
// edit, import…) can be taken for one of the grants or the stages' rules.
func actionAct(name string) string { return "step:" + name }

// fieldAct is the named action that lets a user change one field, such as "field:body".
func fieldAct(field string) string { return "field:" + field }

// allowed answers one question, from Casbin the first time it is asked. A question Casbin
// cannot answer (it cannot, with the model and rules compile made) is refused.
func (r *rules) allowed(role, act, rel, stage string) bool {
	q := request{role, act, rel, stage}
	if ok, seen := r.answers.Load(q); seen {
		return ok.(bool)
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	ok, err := r.enforcer.Enforce(role, act, rel, stage)
	ok = ok && err == nil
	r.answers.Store(q, ok)
	return ok
}
