package store

import (
	"context"
	"fmt"
	"strings"
)

// CheckWorkflow compares the database with the workflow the store runs: drafts in a stage, or
// users with a role, that the workflow does not declare would be seen by nobody and moved by no
// action, or could do nothing. It names each such stage and role with how many hold it, so that
// a newsroom changing its workflow file learns before it serves, not from a missing piece.
func (s *Store) CheckWorkflow(ctx context.Context) error {
	var problems []string
	for _, c := range []struct {
		table, column, what string
		declared            func(string) bool
	}{
		{"drafts", "stage", "draft(s) in stage", func(v string) bool { _, err := s.policy.ParseStage(v); return err == nil }},
		{"users", "role", "user(s) with role", func(v string) bool { _, err := s.policy.ParseRole(v); return err == nil }},
	} {
		var counts []struct {
			Value string
			N     int
		}
		err := s.read(ctx).Table(c.table).Select(c.column + " AS value, COUNT(*) AS n").Group(c.column).Order(c.column).Scan(&counts).Error
		if err != nil {
			return internal("check the workflow", err)
		}
		for _, v := range counts {
			if !c.declared(v.Value) {
				problems = append(problems, fmt.Sprintf("%d %s %q", v.N, c.what, v.Value))
			}
		}
	}
	if len(problems) > 0 {
		return fmt.Errorf("the database has %s, which %s does not declare: add them to the workflow, or move them in the database first",
			strings.Join(problems, " and "), s.policy.Name())
	}
	return nil
}
