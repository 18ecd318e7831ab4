package store

import (
	"context"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"gorm.io/gorm"
)

// groupFixture is a store on a SQLite file with a table of numbers to write, and a transaction
// that holds the writer until release is closed, so that the transactions started meanwhile
// queue and run as one group.
type groupFixture struct {
	s       *Store
	release chan struct{}
	held    chan error
}

func newGroupFixture(t *testing.T) *groupFixture {
	t.Helper()
	f := &groupFixture{s: newPlanFixture(t).s, release: make(chan struct{}), held: make(chan error, 1)}
	if err := f.s.transact(context.Background(), func(tx *gorm.DB) error {
		return tx.Exec("CREATE TABLE numbers (n INTEGER PRIMARY KEY)").Error
	}); err != nil {
		t.Fatal(err)
	}
	holding := make(chan struct{})
	go func() {
		f.held <- f.s.transact(context.Background(), func(tx *gorm.DB) error {
			close(holding)
			<-f.release
			return tx.Exec("INSERT INTO numbers VALUES (0)").Error
		})
	}()
	<-holding
	return f
}

// queue starts one transaction per function, waits until all of them are queued behind the
// one holding the writer, lets it go, and returns each one's outcome, a panic as an error.
func (f *groupFixture) queue(t *testing.T, fns ...func(tx *gorm.DB) error) []error {
	t.Helper()
	errs := make([]error, len(fns))
	var wg sync.WaitGroup
	for i, fn := range fns {
		wg.Go(func() {
			defer func() {
				if p := recover(); p != nil {
					errs[i] = fmt.Errorf("panicked: %v", p)
				}
			}()
			errs[i] = f.s.transact(context.Background(), fn)
		})
		// One at a time, so that the group runs them in this order.
		f.awaitQueued(t, i+1)
	}
	close(f.release)
	if err := <-f.held; err != nil {
		t.Fatal(err)
	}
	wg.Wait()
	return errs
}

// awaitQueued waits until n transactions wait for the writer.
func (f *groupFixture) awaitQueued(t *testing.T, n int) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(time.Millisecond) {
		f.s.queue.mu.Lock()
		queued := len(f.s.queue.jobs)
		f.s.queue.mu.Unlock()
		if queued == n {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d transactions queued after 10 s; want %d", queued, n)
		}
	}
}

// numbers returns the numbers committed, read through the read pool.
func (f *groupFixture) numbers(t *testing.T) []int {
	t.Helper()
	var ns []int
	if err := f.s.read(context.Background()).Raw("SELECT n FROM numbers ORDER BY n").Scan(&ns).Error; err != nil {
		t.Fatal(err)
	}
	return ns
}

func insert(n int) func(tx *gorm.DB) error {
	return func(tx *gorm.DB) error { return tx.Exec("INSERT INTO numbers VALUES (?)", n).Error }
}

// TestTransactionsCommitTogether checks that transactions which waited for the writer together
// run in one transaction, in the order they came: each sees the ones before it in its own
// transaction, and readers see none of them until all are committed.
func TestTransactionsCommitTogether(t *testing.T) {
	f := newGroupFixture(t)
	const n = 8
	seen := make([][2]int, n)
	var fns []func(tx *gorm.DB) error
	for i := range n {
		fns = append(fns, func(tx *gorm.DB) error {
			if err := insert(i + 1)(tx); err != nil {
				return err
			}
			var inTx, committed int
			if err := tx.Raw("SELECT count(*) FROM numbers").Scan(&inTx).Error; err != nil {
				return err
			}
			if err := f.s.read(context.Background()).Raw("SELECT count(*) FROM numbers").Scan(&committed).Error; err != nil {
				return err
			}
			seen[i] = [2]int{inTx, committed}
			return nil
		})
	}
	for i, err := range f.queue(t, fns...) {
		if err != nil {
			t.Fatalf("transaction %d: %v", i+1, err)
		}
	}
	for i, s := range seen {
		if want := [2]int{i + 2, 1}; s != want {
			t.Fatalf("transaction %d saw %d numbers in its transaction and %d committed; want %v: they did not run as one group in order", i+1, s[0], s[1], want)
		}
	}
	if got, want := f.numbers(t), []int{0, 1, 2, 3, 4, 5, 6, 7, 8}; !slices.Equal(got, want) {
		t.Fatalf("committed %v; want %v", got, want)
	}
}

// TestGroupedTransactionsKeepTheirOutcomes checks that in a group a function's error or panic
// rolls back its own work only and reaches its own caller, a constraint's error included, and
// that a transaction SQLite ends under the group fails the ones run in it and runs the rest
// in a transaction of their own.
func TestGroupedTransactionsKeepTheirOutcomes(t *testing.T) {
	refused := errors.New("refused")
	failing := func(n int, err error) func(tx *gorm.DB) error {
		return func(tx *gorm.DB) error {
			if err := insert(n)(tx); err != nil {
				return err
			}
			return err
		}
	}
	tests := []struct {
		name      string
		fns       []func(tx *gorm.DB) error
		wantErrs  []string // "" for none
		committed []int
	}{
		{"AllCommit", []func(tx *gorm.DB) error{insert(1), insert(2), insert(3)}, []string{"", "", ""}, []int{0, 1, 2, 3}},
		{"OneFails", []func(tx *gorm.DB) error{insert(1), failing(2, refused), insert(3)}, []string{"", "refused", ""}, []int{0, 1, 3}},
		{"ConstraintFails", []func(tx *gorm.DB) error{insert(1), insert(1), insert(2)}, []string{"", "duplicated key not allowed", ""}, []int{0, 1, 2}},
		{"FirstAndLastFail", []func(tx *gorm.DB) error{failing(1, refused), insert(2), failing(3, refused)}, []string{"refused", "", "refused"}, []int{0, 2}},
		{"OnePanics", []func(tx *gorm.DB) error{insert(1), func(tx *gorm.DB) error {
			if err := insert(2)(tx); err != nil {
				return err
			}
			panic("torn page")
		}, insert(3)}, []string{"", "panicked: torn page", ""}, []int{0, 1, 3}},
		{"TransactionEndsUnderTheGroup", []func(tx *gorm.DB) error{insert(1), func(tx *gorm.DB) error {
			if err := insert(2)(tx); err != nil {
				return err
			}
			// As SQLite does itself on a full disk or an I/O error.
			return tx.Exec("ROLLBACK").Error
		}, insert(3), insert(4)}, []string{"rolled back with the transactions committed beside it", "rolled back with the transactions committed beside it", "", ""}, []int{0, 3, 4}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newGroupFixture(t)
			errs := f.queue(t, tt.fns...)
			for i, err := range errs {
				if want := tt.wantErrs[i]; (want == "") != (err == nil) || err != nil && !strings.Contains(err.Error(), want) {
					t.Errorf("transaction %d answered %v; want %q", i+1, err, want)
				}
			}
			if got := f.numbers(t); !slices.Equal(got, tt.committed) {
				t.Errorf("committed %v; want %v", got, tt.committed)
			}
			// The writer is left ready for the next transaction.
			if err := f.s.transact(context.Background(), insert(9)); err != nil {
				t.Fatalf("the next transaction: %v", err)
			}
			if got := f.numbers(t); got[len(got)-1] != 9 {
				t.Fatalf("committed %v after the next transaction; want 9 last", got)
			}
		})
	}
}

// TestTransactionsReadOnlyTheirTx checks that no function run in a write transaction reads
// through the read pool (s.r) or a connection outside the transaction (s.w), directly or
// through the store's methods it calls: in a group (see commitGrouped) such a read would not
// see the transactions before it.
func TestTransactionsReadOnlyTheirTx(t *testing.T) {
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
	found, transactions := readsOutsideTx(fset, files)
	if transactions < 40 {
		t.Fatalf("found only %d functions run in transactions; is readsOutsideTx finding them?", transactions)
	}
	if len(found) > 0 {
		t.Fatalf("functions run in write transactions read outside them:\n%s", strings.Join(found, "\n"))
	}
}

// TestReadsOutsideTxFound checks that readsOutsideTx finds a read through the pool in a
// function given to transact, tx or a turn, directly or through a method, and leaves alone
// reads through tx and reads outside transactions.
func TestReadsOutsideTxFound(t *testing.T) {
	const header = "package store\n"
	tests := []struct {
		name, code string
		want       int
	}{
		{"DirectRead", `func (s *Store) f() { s.transact(ctx, func(tx *gorm.DB) error { return s.r.Exec("x").Error }) }`, 1},
		{"ReadMethod", `func (s *Store) f() { s.tx(ctx, func(tx *gorm.DB) error { return s.read(ctx).Exec("x").Error })}
func (s *Store) read(ctx context.Context) *gorm.DB { return s.r }`, 1},
		{"DeepMethod", `func (s *Store) f() { s.transact(ctx, func(tx *gorm.DB) error { return s.g() }) }
func (s *Store) g() error { return s.h() }
func (s *Store) h() error { return s.w.Exec("x").Error }`, 1},
		{"Turn", `func (s *Store) f(turn writeTurn) { turn(ctx, func(tx *gorm.DB) error { return s.r.Exec("x").Error }) }`, 1},
		{"ThroughTx", `func (s *Store) f() { s.transact(ctx, func(tx *gorm.DB) error { return s.g(tx) }) }
func (s *Store) g(tx *gorm.DB) error { return tx.Exec("x").Error }`, 0},
		{"ReadOutside", `func (s *Store) f() { s.r.Exec("x"); s.transact(ctx, func(tx *gorm.DB) error { return nil }) }`, 0},
		{"Recursive", `func (s *Store) f() { s.transact(ctx, func(tx *gorm.DB) error { return s.g() }) }
func (s *Store) g() error { return s.g() }`, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fset := token.NewFileSet()
			f, err := parser.ParseFile(fset, "x.go", header+tt.code, parser.SkipObjectResolution)
			if err != nil {
				t.Fatal(err)
			}
			if found, n := readsOutsideTx(fset, []*ast.File{f}); len(found) != tt.want || n == 0 {
				t.Fatalf("found %q in %d transactions; want %d finds", found, n, tt.want)
			}
		})
	}
}

// readsOutsideTx returns where a function literal given to transact, tx or a turn (see
// writeTurn) reaches s.r or s.w, directly or through the Store's methods, and how many such
// literals there are.
func readsOutsideTx(fset *token.FileSet, files []*ast.File) (found []string, transactions int) {
	methods := map[string]*ast.FuncDecl{}
	for _, f := range files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv != nil {
				methods[fd.Name.Name] = fd
			}
		}
	}
	var walk func(body ast.Node, path string, seen map[string]bool)
	walk = func(body ast.Node, path string, seen map[string]bool) {
		ast.Inspect(body, func(n ast.Node) bool {
			sel, ok := n.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			if recv, ok := sel.X.(*ast.Ident); !ok || recv.Name != "s" {
				return true
			}
			if sel.Sel.Name == "r" || sel.Sel.Name == "w" {
				found = append(found, fmt.Sprintf("%s: s.%s, in %s", fset.Position(sel.Pos()), sel.Sel.Name, path))
			} else if m := methods[sel.Sel.Name]; m != nil && !seen[m.Name.Name] {
				seen[m.Name.Name] = true
				walk(m.Body, path+" > "+m.Name.Name, seen)
			}
			return true
		})
	}
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			var name string
			switch fn := call.Fun.(type) {
			case *ast.SelectorExpr:
				name = fn.Sel.Name
			case *ast.Ident:
				name = fn.Name
			}
			if name != "transact" && name != "tx" && name != "turn" {
				return true
			}
			for _, arg := range call.Args {
				if lit, ok := arg.(*ast.FuncLit); ok {
					transactions++
					walk(lit.Body, "the transaction at "+fset.Position(call.Pos()).String(), map[string]bool{})
				}
			}
			return true
		})
	}
	return found, transactions
}
