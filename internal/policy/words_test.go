package policy_test

import (
	"regexp"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/policy"
)

// TestRefusalWords holds every refusal the default workflow gives, over every role, stage,
// action and field, to a sentence in the workflow's words: the role by its label with its
// article, steps and stages by their labels, and no policy name ("draft:edit", "fact_check").
func TestRefusalWords(t *testing.T) {
	p := defaultPolicy(t)
	policyNames := regexp.MustCompile(`[a-z]+:[a-z_]+|\b[a-z]+_[a-z_]+\b|\ba [aeio]|\ban [^aeiou]`)
	opening := map[newsroom.Role]string{"writer": "a writer ", "factchecker": "a fact-checker ", "editor": "an editor ", "admin": "an admin "}
	var said int
	check := func(t *testing.T, what string, err error) {
		t.Helper()
		if err == nil {
			return
		}
		said++
		msg := newsroom.ErrorMessage(err)
		if policyNames.MatchString(msg) {
			t.Errorf("%s: %q names %q", what, msg, policyNames.FindString(msg))
		}
	}
	for _, role := range roles {
		u := user(role)
		for _, stage := range stages {
			for _, by := range []int64{me, someone} {
				d := draftBy(by, stage)
				for _, a := range defaultActions {
					_, err := p.Step(u, d, a)
					check(t, string(role)+" "+string(a)+" at "+string(stage), err)
				}
				for _, f := range []string{"title", "byline", "brief", "body", "topics", "editor_comment"} {
					check(t, string(role)+" changes "+f+" at "+string(stage), p.CheckEdit(u, d, []string{f}))
				}
				for _, waive := range []bool{false, true} {
					check(t, string(role)+" checks quotes at "+string(stage), p.CheckQuotes(u, d, waive))
				}
				check(t, string(role)+" sets a due time at "+string(stage), p.CheckDeadline(u, by, stage))
			}
		}
		for _, act := range []string{policy.DraftCreate, policy.UserManage, policy.MetricsRead, policy.DraftAssign, policy.SettingsManage, policy.BudgetRead} {
			err := p.Check(u, act, someone)
			check(t, string(role)+" "+act, err)
			if err != nil && newsroom.ErrorMessage(err)[:len(opening[role])] != opening[role] {
				t.Errorf("%s %s: %q does not open with %q", role, act, newsroom.ErrorMessage(err), opening[role])
			}
		}
	}
	if said < 100 {
		t.Fatalf("only %d refusals were read", said)
	}
	if got := newsroom.ErrorMessage(p.Check(nil, policy.DraftCreate, 0)); got != "someone signed out may not start drafts" {
		t.Errorf("a refusal of no one says %q", got)
	}
}

// TestRoleWords names one holder of a role with the article its sound takes.
func TestRoleWords(t *testing.T) {
	p := defaultPolicy(t)
	for _, c := range []struct {
		role newsroom.Role
		want string
	}{
		{"writer", "a writer"},
		{"factchecker", "a fact-checker"},
		{"editor", "an editor"},
		{"admin", "an admin"},
		{"intern", "an intern"},
		{"user_support", "a user support"},
		{"undersub", "an undersub"},
		{"unit_chief", "a unit chief"},
		{"hour_editor", "an hour editor"},
	} {
		if got := p.RoleWords(c.role); got != c.want {
			t.Errorf("RoleWords(%q) = %q, want %q", c.role, got, c.want)
		}
	}
}
