package store_test

import (
	"context"
	"strings"
	"testing"
)

// TestCheckWorkflow finds the stages and roles in the database that the workflow does not
// declare, with how many drafts or users hold each, and nothing in a newsroom that fits it.
func TestCheckWorkflow(t *testing.T) {
	f := newNewsroom(t)
	ctx := context.Background()
	if _, err := f.s.CreateDraft(f.writer, sampleText("Fits")); err != nil {
		t.Fatal(err)
	}
	if err := f.s.CheckWorkflow(ctx); err != nil {
		t.Fatalf("a newsroom that fits its workflow: %v", err)
	}
	for _, stmt := range []string{
		"UPDATE drafts SET stage = 'legal'",
		"INSERT INTO users (username, role, password_hash, created_at) VALUES ('colin', 'copyeditor', 'x', CURRENT_TIMESTAMP)",
	} {
		if _, err := f.s.DB().Exec(stmt); err != nil {
			t.Fatalf("%s: %v", stmt, err)
		}
	}
	err := f.s.CheckWorkflow(ctx)
	for _, want := range []string{`1 draft(s) in stage "legal"`, `1 user(s) with role "copyeditor"`} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("CheckWorkflow: %v, want it to name %s", err, want)
		}
	}
}
