package policy_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/policy"
)

// TestNoNamesOutsidePolicy holds the rule that only the policy decides who may do what: outside
// internal/newsroom (which names the default workflow's roles and stages) and internal/policy,
// no Go file refers to a default role or stage constant, or compares anything with a string
// that names a role or stage of the default workflow. A custom workflow renames or drops them,
// and code that compared them would quietly stop working. The load generator in
// cmd/copydesk-bench is left out: it seeds a newsroom of the default workflow on purpose.
func TestNoNamesOutsidePolicy(t *testing.T) {
	p, err := policy.Default()
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, r := range p.Roles() {
		names[string(r.Name)] = true
	}
	for _, s := range p.Stages() {
		names[string(s.Name)] = true
	}
	root := filepath.Join("..", "..")
	skip := map[string]bool{"internal/newsroom": true, "internal/policy": true, "cmd/copydesk-bench": true}
	checked := 0
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			if skip[rel] || strings.HasPrefix(d.Name(), ".") && rel != "." {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		checked++
		for _, problem := range namesIn(t, path, names) {
			t.Errorf("%s: %s", rel, problem)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked < 50 {
		t.Fatalf("checked only %d files: is the walk rooted at the module?", checked)
	}
}

// namesIn lists the places in the Go file at path that name a default role or stage constant,
// or compare with (or switch on) a string in names.
func namesIn(t *testing.T, path string, names map[string]bool) []string {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, path, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	isName := func(e ast.Expr) bool {
		lit, ok := e.(*ast.BasicLit)
		if !ok || lit.Kind != token.STRING {
			return false
		}
		s, err := strconv.Unquote(lit.Value)
		return err == nil && names[s]
	}
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.SelectorExpr:
			if x, ok := n.X.(*ast.Ident); ok && x.Name == "newsroom" &&
				(strings.HasPrefix(n.Sel.Name, "Role") && n.Sel.Name != "Role" || strings.HasPrefix(n.Sel.Name, "Stage") && n.Sel.Name != "Stage") {
				out = append(out, fset.Position(n.Pos()).String()+": names newsroom."+n.Sel.Name)
			}
		case *ast.BinaryExpr:
			if (n.Op == token.EQL || n.Op == token.NEQ) && (isName(n.X) || isName(n.Y)) {
				out = append(out, fset.Position(n.Pos()).String()+": compares with a role or stage name")
			}
		case *ast.CaseClause:
			for _, e := range n.List {
				if isName(e) {
					out = append(out, fset.Position(e.Pos()).String()+": switches on a role or stage name")
				}
			}
		}
		return true
	})
	return out
}
