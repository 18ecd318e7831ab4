package main

import (
	"context"
	"errors"
	"flag"
	"fmt"

	"github.com/copydesk/copydesk/internal/policy"
)

// policiesFlag adds the --policies flag, defaulting to $COPYDESK_POLICIES: the folder whose
// workflow.yaml shapes the newsroom in place of the built-in one.
func policiesFlag(fs *flag.FlagSet, e env) *string {
	return fs.String("policies", e.getenv("COPYDESK_POLICIES"),
		"folder with the workflow.yaml to use instead of the built-in workflow (env COPYDESK_POLICIES)")
}

// loadPolicy reads the workflow in dir, or the built-in one when dir is empty.
func loadPolicy(dir string) (*policy.Policy, error) {
	if dir == "" {
		return policy.Default()
	}
	return policy.FromDir(dir)
}

// policyCmd checks a workflow file (check) or prints it (show).
func policyCmd(ctx context.Context, args []string, e env) error {
	fs := newFlags(e, "policy", "policy check|show [--policies DIR] [--db DB] [--format table|mermaid|dot]",
		"check reads the workflow file and names the line of its first mistake (and, with --db, the stages and roles in the database it does not declare); show prints its stages, actions and who may take them.")
	dir := policiesFlag(fs, e)
	db := fs.String("db", "", "with check: also check the database (a SQLite file or postgres:// URL) against the workflow")
	format := fs.String("format", "table", "how show prints the workflow: table, mermaid or dot")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 || pos[0] != "check" && pos[0] != "show" {
		fs.Usage()
		return errors.New("usage: copydesk policy check|show [--policies DIR]")
	}
	p, err := loadPolicy(*dir)
	if err != nil {
		return err
	}
	if pos[0] == "check" {
		if *db != "" {
			if err := checkDatabase(ctx, *db, *dir); err != nil {
				return err
			}
		}
		fmt.Fprintf(e.stdout, "%s: %d roles, %d stages, %d actions: ok\n", p.Name(), len(p.Roles()), len(p.Stages()), len(p.Actions()))
		return nil
	}
	switch *format {
	case "table":
		return p.WriteTable(e.stdout)
	case "mermaid":
		return p.WriteMermaid(e.stdout)
	case "dot":
		return p.WriteDOT(e.stdout)
	}
	return fmt.Errorf("unknown --format %q: want table, mermaid or dot", *format)
}

// checkDatabase checks the database at db (migrated first, as every command does) against the
// workflow in policyDir.
func checkDatabase(ctx context.Context, db, policyDir string) error {
	st, _, err := openStore(ctx, db, policyDir)
	if err != nil {
		return err
	}
	defer st.Close()
	return st.CheckWorkflow(ctx)
}
