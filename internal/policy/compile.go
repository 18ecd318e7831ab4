package policy

import (
	"fmt"
	"strings"

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

// rules are the workflow's Casbin rules and every answer they give. The policy never changes
// while the program runs, so each question the program can ask is put to Casbin once, when the
// policy is built, and the answers are read without a lock afterwards.
type rules struct {
	lines   []string // the compiled Casbin policy, for show
	answers map[request]bool
}

// compile turns the checked file f into Casbin rules and asks Casbin every question the
// program can ask of them.
func compile(f *file, p *Policy) (*rules, error) {
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
				add(e.who, fieldAct(fl), s.name)
			}
		}
		for _, w := range s.checkQuotes {
			add(w, quoteCheck, s.name)
		}
		for _, w := range s.waiveQuotes {
			add(w, quoteWaive, s.name)
		}
	}
	for _, a := range f.actions {
		for _, w := range a.by {
			for _, from := range a.from {
				add(w, actionAct(a.name), from)
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
	r := &rules{lines: lines, answers: map[request]bool{}}
	for _, q := range questions(p) {
		ok, err := e.Enforce(q.role, q.act, q.rel, q.stage)
		if err != nil {
			return nil, fmt.Errorf("casbin: %w", err)
		}
		if ok {
			r.answers[q] = true
		}
	}
	return r, nil
}

// questions lists every request the program can make of p: each subject, named action,
// relation and stage (or none).
func questions(p *Policy) []request {
	subjects := []string{Operator}
	for _, r := range p.roles {
		subjects = append(subjects, string(r.Name))
	}
	acts := append([]string{draftSee, draftEdit, quoteCheck, quoteWaive}, grantActs...)
	for _, f := range Fields {
		acts = append(acts, fieldAct(f))
	}
	for _, a := range p.actions {
		acts = append(acts, actionAct(string(a.Name)))
	}
	stages := []string{noStage}
	for _, s := range p.stages {
		stages = append(stages, string(s.Name))
	}
	var qs []request
	for _, sub := range subjects {
		for _, act := range acts {
			for _, rel := range []string{RelOwner, RelAuthor, RelOther} {
				for _, st := range stages {
					qs = append(qs, request{sub, act, rel, st})
				}
			}
		}
	}
	return qs
}

// actionAct is the named action Casbin decides for a workflow action, such as "draft:submit".
func actionAct(name string) string { return "draft:" + name }

// fieldAct is the named action that lets a user change one field, such as "field:body".
func fieldAct(field string) string { return "field:" + field }

// allowed answers one question from the precomputed answers; a question the program never
// planned for is refused.
func (r *rules) allowed(role, act, rel, stage string) bool {
	return r.answers[request{role, act, rel, stage}]
}
