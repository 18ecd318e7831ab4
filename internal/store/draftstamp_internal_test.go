package store

import (
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// draftSQLUpdate matches SQL that updates rows of drafts.
var draftSQLUpdate = regexp.MustCompile(`(?i)\bupdate\s+"?drafts\b`)

// gormUpdates are the methods of gorm.DB that change rows in place.
var gormUpdates = []string{"Update", "Updates", "UpdateColumn", "UpdateColumns", "Save"}

// directDraftWrites returns where files, checked as one package, change rows of drafts other
// than through touchDraft, touchDraftText and touchDraftStage: SQL that updates drafts, and GORM updates and saves whose model or
// value is a draftRow or whose table is drafts. Creating a draft is not among them (the new
// row's stamp is its first), nor is deleting one (a draft that is gone is in no list). Imports
// are not loaded: the types of the package's own values are all it needs.
func directDraftWrites(fset *token.FileSet, files []*ast.File) []string {
	info := &types.Info{Types: map[ast.Expr]types.TypeAndValue{}}
	conf := types.Config{
		Importer: importerFunc(func(string) (*types.Package, error) { return nil, errors.New("not loaded") }),
		Error:    func(error) {},
	}
	conf.Check("store", fset, files, info)
	isDraftRow := func(e ast.Expr) bool {
		t := info.TypeOf(e)
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		n, ok := t.(*types.Named)
		return ok && n.Obj().Name() == "draftRow"
	}
	var found []string
	for _, f := range files {
		for _, decl := range f.Decls {
			fn, ok := decl.(*ast.FuncDecl)
			if ok && slices.Contains([]string{"touchDraft", "touchDrafts", "touchDraftText", "touchDraftStage"}, fn.Name.Name) && fn.Recv == nil {
				continue
			}
			ast.Inspect(decl, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.BasicLit:
					if s, err := strconv.Unquote(n.Value); n.Kind == token.STRING && err == nil && draftSQLUpdate.MatchString(s) {
						found = append(found, fset.Position(n.Pos()).String()+": SQL writes drafts")
					}
				case *ast.CallExpr:
					if sel, ok := n.Fun.(*ast.SelectorExpr); ok && slices.Contains(gormUpdates, sel.Sel.Name) &&
						(slices.ContainsFunc(n.Args, isDraftRow) || onDrafts(sel.X, isDraftRow)) {
						found = append(found, fset.Position(n.Pos()).String()+": "+sel.Sel.Name+" of a draft")
					}
				}
				return true
			})
		}
	}
	return found
}

// onDrafts reports whether the chain of GORM calls e ends in has a draftRow as its model or
// drafts as its table.
func onDrafts(e ast.Expr, isDraftRow func(ast.Expr) bool) bool {
	for {
		call, ok := e.(*ast.CallExpr)
		if !ok {
			return false
		}
		sel, ok := call.Fun.(*ast.SelectorExpr)
		if !ok {
			return false
		}
		switch sel.Sel.Name {
		case "Model":
			if slices.ContainsFunc(call.Args, isDraftRow) {
				return true
			}
		case "Table":
			if len(call.Args) > 0 {
				if lit, ok := call.Args[0].(*ast.BasicLit); ok && strings.HasPrefix(lit.Value, `"drafts`) {
					return true
				}
			}
		}
		e = sel.X
	}
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

// parseSources parses the package's source files, its tests left out, for the tests that hold
// the code to a rule by reading it.
func parseSources(t *testing.T) (*token.FileSet, []*ast.File) {
	t.Helper()
	paths, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	var files []*ast.File
	for _, p := range paths {
		if strings.HasSuffix(p, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, p, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	if len(files) < 10 {
		t.Fatalf("found only %d source files; is the test running in the package's folder?", len(files))
	}
	return fset, files
}

// TestDraftWritesGoThroughTouchDraft holds the package to touchDraft: no other code changes a
// row of drafts, so no change can leave a draft's stamp as it was.
func TestDraftWritesGoThroughTouchDraft(t *testing.T) {
	fset, files := parseSources(t)
	if found := directDraftWrites(fset, files); len(found) > 0 {
		t.Fatalf("drafts are written outside touchDraft, which would leave their stamps unchanged:\n%s", strings.Join(found, "\n"))
	}
}

// TestDirectDraftWritesFound checks that directDraftWrites finds each kind of direct update, and
// leaves touchDraft, reads, inserts, deletes and other tables alone.
func TestDirectDraftWritesFound(t *testing.T) {
	const header = `package store
type draftRow struct{ ID int64 }
type userRow struct{ ID int64 }
`
	tests := []struct {
		name, code string
		want       int
	}{
		{"ModelUpdates", `func f(tx *gorm.DB) { tx.Model(&draftRow{}).Where("id = ?", 1).Updates(map[string]any{"stage": "x"}) }`, 1},
		{"ModelUpdate", `func f(tx *gorm.DB) { tx.Model(&draftRow{}).Where("id = ?", 1).Update("stage", "x") }`, 1},
		{"ModelUpdateColumn", `func f(tx *gorm.DB) { tx.Model(&draftRow{ID: 1}).UpdateColumn("stage", "x") }`, 1},
		{"TableUpdates", `func f(tx *gorm.DB) { tx.Table("drafts").Where("id = ?", 1).Updates(map[string]any{"stage": "x"}) }`, 1},
		{"SaveRow", `func f(tx *gorm.DB) { var row draftRow; tx.Save(&row) }`, 1},
		{"UpdatesStruct", `func f(tx *gorm.DB, row *draftRow) { tx.Where("id = ?", 1).Updates(row) }`, 1},
		{"RawUpdate", "func f(tx *gorm.DB) { tx.Exec(`UPDATE drafts SET stage = ? WHERE id = ?`, \"x\", 1) }", 1},
		{"RawUpdateQuoted", `func f(tx *gorm.DB) { tx.Exec("update \"drafts\" set stage = 'x'") }`, 1},
		{"RawUpdateInConstant", `const q = "UPDATE drafts SET stage = ? WHERE id = ?"`, 1},
		{"TouchDraft", `func touchDraft(tx *gorm.DB, id int64) *gorm.DB { return tx.Model(&draftRow{}).Where("id = ?", id).Updates(map[string]any{}) }`, 0},
		{"TouchDraftText", "func touchDraftText(tx *gorm.DB) { tx.Exec(`UPDATE drafts SET body = ?, updated_at = ? WHERE id = ?`) }", 0},
		{"TouchDraftStage", "func touchDraftStage(tx *gorm.DB) { tx.Exec(`UPDATE drafts SET stage = ?, updated_at = ? WHERE id = ?`) }", 0},
		{"Read", `func f(tx *gorm.DB) { var ids []int64; tx.Model(&draftRow{}).Where("stage = ?", "x").Pluck("id", &ids) }`, 0},
		{"Create", `func f(tx *gorm.DB) { row := draftRow{}; tx.Create(&row) }`, 0},
		{"Delete", `func f(tx *gorm.DB) { tx.Delete(&draftRow{}, 1); tx.Exec("DELETE FROM drafts WHERE id = ?", 1) }`, 0},
		{"OtherTable", `func f(tx *gorm.DB) { tx.Model(&userRow{}).Where("id = ?", 1).Updates(map[string]any{"name": "x"}); tx.Exec("UPDATE users SET name = ''") }`, 0},
		{"JoinedRead", `const q = "SELECT drafts.id FROM drafts JOIN users ON users.id = drafts.writer_id"`, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fset := token.NewFileSet()
			f, err := parser.ParseFile(fset, "snippet.go", header+tt.code, parser.SkipObjectResolution)
			if err != nil {
				t.Fatal(err)
			}
			if found := directDraftWrites(fset, []*ast.File{f}); len(found) != tt.want {
				t.Fatalf("found %d direct writes, want %d: %v", len(found), tt.want, found)
			}
		})
	}
}
