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
		values, err := s.distinct(ctx, c.table, c.column)
		if err != nil {
			return internal("check the workflow", err)
		}
		for _, v := range values {
			if c.declared(v) {
				continue
			}
			var n int64
			if err := s.read(ctx).Table(c.table).Where(c.column+" = ?", v).Count(&n).Error; err != nil {
				return internal("check the workflow", err)
			}
			problems = append(problems, fmt.Sprintf("%d %s %q", n, c.what, v))
		}
	}
	if len(problems) > 0 {
		return fmt.Errorf("the database has %s, which %s does not declare: add them to the workflow, or move them in the database first",
			strings.Join(problems, " and "), s.policy.Name())
	}
	return nil
}

// distinct returns the values column holds in table, in order, walking its index from each
// value to the next rather than reading every row: a check at every start that costs the same
// for ten drafts or a million. column must lead an index of table.
func (s *Store) distinct(ctx context.Context, table, column string) ([]string, error) {
	var values []string
	err := s.read(ctx).Raw(`WITH RECURSIVE v(value) AS (
			SELECT MIN(` + column + `) FROM ` + table + `
			UNION ALL
			SELECT (SELECT MIN(` + column + `) FROM ` + table + ` WHERE ` + column + ` > v.value) FROM v WHERE v.value IS NOT NULL)
		SELECT value FROM v WHERE value IS NOT NULL`).Scan(&values).Error
	return values, err
}
