package main

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/policies"
)

const legalPolicies = "../../internal/policy/testdata/legal"

// TestPolicyCheck checks that `copydesk policy check` passes the built-in and the second
// workflow, from the flag or the environment, and that a broken file exits 1 naming its line.
func TestPolicyCheck(t *testing.T) {
	broken := t.TempDir()
	src := strings.Replace(policies.Workflow, "    gates: [note]\n", "    gates: [note, coffee]\n", 1)
	if err := os.WriteFile(filepath.Join(broken, "workflow.yaml"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	line := 1 + strings.Count(src[:strings.Index(src, "    gates: [note, coffee]\n")], "\n")
	tests := []struct {
		name       string
		vars       map[string]string
		args       []string
		code       int
		out, error string
	}{
		{"Default", nil, []string{"policy", "check"}, 0, "policies/workflow.yaml: 4 roles, 7 stages, 13 actions: ok", ""},
		{"Flag", nil, []string{"policy", "check", "--policies", legalPolicies}, 0, "legal/workflow.yaml: 5 roles, 9 stages, 16 actions: ok", ""},
		{"Env", map[string]string{"COPYDESK_POLICIES": legalPolicies}, []string{"policy", "check"}, 0, "5 roles, 9 stages, 16 actions: ok", ""},
		{"Broken", nil, []string{"policy", "check", "--policies", broken}, 1, "", filepath.Join(broken, "workflow.yaml") + ":" + strconv.Itoa(line) + `: action return: unknown gate "coffee"`},
		{"Missing", nil, []string{"policy", "check", "--policies", t.TempDir()}, 1, "", "workflow.yaml: no such file"},
		{"NoSubcommand", nil, []string{"policy"}, 1, "", "usage: copydesk policy check|show"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runCmd(t, tt.vars, "", tt.args...)
			if r.code != tt.code || !strings.Contains(r.stdout, tt.out) || !strings.Contains(r.stderr, tt.error) {
				t.Errorf("exit %d (want %d)\nstdout %q (want %q)\nstderr %q (want %q)", r.code, tt.code, r.stdout, tt.out, r.stderr, tt.error)
			}
		})
	}
}

// TestPolicyShow checks that `copydesk policy show` prints the workflow as a table, a Mermaid
// state diagram or a DOT graph, with the second workflow's own stages and actions, and refuses
// an unknown format.
func TestPolicyShow(t *testing.T) {
	tests := []struct {
		format string
		code   int
		want   []string
	}{
		{"table", 0, []string{"STAGE", "legal       Legal review", "send_to_legal    Send to legal               approved", "copyeditor (title brief body)"}},
		{"mermaid", 0, []string{"stateDiagram-v2", "[*] --> draft", "approved --> legal: send_to_legal (editor)", "legal --> published: publish (editor)"}},
		{"dot", 0, []string{"digraph workflow {", `"legal" [label="Legal review", shape=box];`, `"copyedit" -> "approved" [label="copy_done (copyeditor)"];`}},
		{"svg", 1, nil},
	}
	for _, tt := range tests {
		t.Run(tt.format, func(t *testing.T) {
			r := runCmd(t, nil, "", "policy", "show", "--policies", legalPolicies, "--format", tt.format)
			if r.code != tt.code {
				t.Fatalf("exit %d, want %d; stderr %q", r.code, tt.code, r.stderr)
			}
			for _, w := range tt.want {
				if !strings.Contains(r.stdout, w) {
					t.Errorf("the %s lacks %q:\n%s", tt.format, w, r.stdout)
				}
			}
			if tt.code != 0 && !strings.Contains(r.stderr, `unknown --format "svg"`) {
				t.Errorf("stderr %q", r.stderr)
			}
		})
	}
	if r := runCmd(t, nil, "", "policy", "show"); r.code != 0 || !strings.Contains(r.stdout, "submit           Send to fact-check") {
		t.Errorf("the default table: exit %d\n%s", r.code, r.stdout)
	}
}

// TestPolicyCheckDatabase adds a copy editor under the second workflow, then checks the
// database against each workflow: the default one does not declare the role, and says so, as
// serve does before it starts; the second one does.
func TestPolicyCheckDatabase(t *testing.T) {
	db := filepath.Join(t.TempDir(), "newsroom.db")
	if r := runCmd(t, nil, "pw-colin-staple\n", "user", "add", "colin", "--role", "copyeditor", "--policies", legalPolicies, "--db", db); r.code != 0 {
		t.Fatalf("user add: exit %d: %s", r.code, r.stderr)
	}
	r := runCmd(t, nil, "", "policy", "check", "--db", db)
	if want := `1 user(s) with role "copyeditor", which policies/workflow.yaml does not declare`; r.code != 1 || !strings.Contains(r.stderr, want) {
		t.Fatalf("check against the default workflow: exit %d, stderr %q, want 1 and %q", r.code, r.stderr, want)
	}
	if r := runCmd(t, nil, "", "policy", "check", "--db", db, "--policies", legalPolicies); r.code != 0 {
		t.Fatalf("check against the workflow that declares the role: exit %d: %s", r.code, r.stderr)
	}
	m := &Main{Addr: "127.0.0.1:0", DBPath: db}
	err := m.Run(context.Background())
	if err == nil {
		m.Close()
	}
	if err == nil || !strings.Contains(err.Error(), `role "copyeditor"`) {
		t.Fatalf("serve on the default workflow: %v, want a refusal naming the role", err)
	}
}
