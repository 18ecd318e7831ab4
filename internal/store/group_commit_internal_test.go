package store

import (
	"context"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"runtime"
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

func newGroupFixture(t *testing.T, room int64) *groupFixture {
	t.Helper()
	s := openStore(t, Options{})
	f := &groupFixture{s: s, release: make(chan struct{}), held: make(chan error, 1)}
	if err := f.s.transact(context.Background(), func(tx *gorm.DB) error {
		return tx.Exec("CREATE TABLE numbers (n INTEGER PRIMARY KEY, b BLOB)").Error
	}); err != nil {
		t.Fatal(err)
	}
	if room > 0 {
		// As Options.MaxSize does, room bytes past the database's size.
		var pages, pageSize int64
		if err := s.wc.Raw("PRAGMA page_count").Scan(&pages).Error; err != nil {
			t.Fatal(err)
		}
		if err := s.wc.Raw("PRAGMA page_size").Scan(&pageSize).Error; err != nil {
			t.Fatal(err)
		}
		if err := s.capSize(pages*pageSize + room); err != nil {
			t.Fatal(err)
		}
	}
	holding := make(chan struct{})
	go func() {
		f.held <- f.s.transact(context.Background(), func(tx *gorm.DB) error {
			close(holding)
			<-f.release
			return tx.Exec("INSERT INTO numbers (n) VALUES (0)").Error
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
			returned := false
			defer func() {
				if p := recover(); p != nil {
					errs[i] = fmt.Errorf("panicked: %v", p)
				} else if !returned {
					errs[i] = errors.New("transact ended its goroutine")
				}
			}()
			errs[i] = f.s.transact(context.Background(), fn)
			returned = true
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
	return func(tx *gorm.DB) error { return tx.Exec("INSERT INTO numbers (n) VALUES (?)", n).Error }
}

// TestTransactionsCommitTogether checks that transactions which waited for the writer together
// run in one transaction, in the order they came: each sees the ones before it in its own
// transaction, and readers see none of them until all are committed.
func TestTransactionsCommitTogether(t *testing.T) {
	f := newGroupFixture(t, 0)
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
		}, insert(3), insert(4)}, []string{"rolled back with the transactions run beside it: no such savepoint", "rolled back with the transactions run beside it: no such savepoint", "", ""}, []int{0, 3, 4}},
		{"ErrorEndsTheTransaction", []func(tx *gorm.DB) error{insert(1), func(tx *gorm.DB) error {
			if err := insert(2)(tx); err != nil {
				return err
			}
			tx.Exec("ROLLBACK")
			return refused
		}, insert(3)}, []string{"rolled back with the transactions run beside it: refused", "refused", ""}, []int{0, 3}},
		{"FunctionEndsItsGoroutine", []func(tx *gorm.DB) error{insert(1), func(tx *gorm.DB) error {
			if err := insert(2)(tx); err != nil {
				return err
			}
			// As a test's t.FailNow would, on the goroutine of the first, which leads the group.
			runtime.Goexit()
			return nil
		}, insert(3)}, []string{"ended its goroutine", "abandoned", "abandoned"}, []int{0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newGroupFixture(t, 0)
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

// TestGroupedTransactionOnAFullDisk checks a group in which one transaction fills the database
// past its cap (see Options.MaxSize): it fails as a full disk, which the store tells by the error
// (see diskFull), and every other either commits or fails as a full disk too, never reported
// committed when it was not.
func TestGroupedTransactionOnAFullDisk(t *testing.T) {
	f := newGroupFixture(t, 1<<20)
	fill := func(tx *gorm.DB) error {
		if err := insert(100)(tx); err != nil {
			return err
		}
		return tx.Exec("INSERT INTO numbers VALUES (101, zeroblob(4 << 20))").Error
	}
	errs := f.queue(t, insert(1), fill, insert(3))
	if !diskFull(errs[1]) {
		t.Fatalf("the transaction that filled the database answered %v; want a full disk", errs[1])
	}
	committed := f.numbers(t)
	for i, n := range []int{1, 3} {
		err := errs[2*i]
		if in := slices.Contains(committed, n); in != (err == nil) || err != nil && !diskFull(err) {
			t.Errorf("transaction %d answered %v, and its number committed: %v; want committed and no error, or a full disk and nothing", 2*i+1, err, in)
		}
	}
	if slices.Contains(committed, 100) || slices.Contains(committed, 101) {
		t.Errorf("committed %v; the failed transaction's rows are among them", committed)
	}
	if err := f.s.transact(context.Background(), insert(9)); err != nil {
		t.Fatalf("the next transaction: %v", err)
	}
}

// TestTransactionsReadOnlyTheirTx checks that no function run in a write transaction reads
// through the read pool (s.r) or a connection outside the transaction (s.w), directly or
// through the store's methods it calls: in a group (see commitGrouped) such a read would not
// see the transactions before it.
func TestTransactionsReadOnlyTheirTx(t *testing.T) {
	fset, files := parseSources(t)
	found, transactions := readsOutsideTx(fset, files)
	if transactions < 40 {
		t.Fatalf("found only %d functions run in transactions; is readsOutsideTx finding them?", transactions)
	}
	if len(found) > 0 {
		t.Fatalf("functions run in write transactions read outside them:\n%s", strings.Join(found, "\n"))
	}
}

// TestReadsOutsideTxFound checks that readsOutsideTx finds a read through the pool in a
// function given to transact, tx or a turn, directly, through a method under any receiver name,
// a function given the store, or a method passed on as a value, and leaves alone reads through
// tx, reads outside transactions and other types' methods of the same name.
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
		{"OtherReceiverName", `func (s *Store) f() { s.transact(ctx, func(tx *gorm.DB) error { return s.g() }) }
func (st *Store) g() error { return st.r.Exec("x").Error }`, 1},
		{"FunctionWithStore", `func (s *Store) f() { s.transact(ctx, func(tx *gorm.DB) error { return g(tx, s) }) }
func g(tx *gorm.DB, st *Store) error { return st.read(ctx).Exec("x").Error }
func (s *Store) read(ctx context.Context) *gorm.DB { return s.r }`, 1},
		{"FunctionValue", `func (s *Store) f() { s.transact(ctx, func(tx *gorm.DB) error { return s.each(tx, s.fill) }) }
func (s *Store) each(tx *gorm.DB, fn func(*gorm.DB) error) error { return fn(tx) }
func (s *Store) fill(tx *gorm.DB) error { return s.w.Exec("x").Error }`, 1},
		{"SameNameOtherType", `func (s *Store) f() { s.transact(ctx, func(tx *gorm.DB) error { return s.g() }) }
func (s *Store) g() error { return nil }
func (o *other) g() error { return o.r.Exec("x").Error }`, 0},
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
// writeTurn) reaches a Store's r or w, directly or through the functions it calls or passes on:
// the Store's methods, under any receiver name, and the package's functions, following their
// *Store parameters. It also returns how many such literals there are.
func readsOutsideTx(fset *token.FileSet, files []*ast.File) (found []string, transactions int) {
	methods := map[string]*ast.FuncDecl{}
	funcs := map[string]*ast.FuncDecl{}
	for _, f := range files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv == nil {
				funcs[fd.Name.Name] = fd
			} else if ok && len(storeNames(fd.Recv)) > 0 {
				methods[fd.Name.Name] = fd
			}
		}
	}
	var walk func(body ast.Node, stores map[string]bool, path string, seen map[*ast.FuncDecl]bool)
	follow := func(fd *ast.FuncDecl, path string, seen map[*ast.FuncDecl]bool) {
		if fd == nil || fd.Body == nil || seen[fd] {
			return
		}
		seen[fd] = true
		stores := storeNames(fd.Type.Params)
		for name := range storeNames(fd.Recv) {
			stores[name] = true
		}
		walk(fd.Body, stores, path+" > "+fd.Name.Name, seen)
	}
	walk = func(body ast.Node, stores map[string]bool, path string, seen map[*ast.FuncDecl]bool) {
		ast.Inspect(body, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.SelectorExpr:
				if recv, ok := x.X.(*ast.Ident); ok && stores[recv.Name] {
					if x.Sel.Name == "r" || x.Sel.Name == "w" {
						found = append(found, fmt.Sprintf("%s: %s.%s, in %s", fset.Position(x.Pos()), recv.Name, x.Sel.Name, path))
					}
					follow(methods[x.Sel.Name], path, seen)
				}
			case *ast.Ident:
				follow(funcs[x.Name], path, seen)
			}
			return true
		})
	}
	for _, f := range files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			stores := storeNames(fd.Type.Params)
			for name := range storeNames(fd.Recv) {
				stores[name] = true
			}
			ast.Inspect(fd.Body, func(n ast.Node) bool {
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
						walk(lit.Body, stores, "the transaction at "+fset.Position(call.Pos()).String(), map[*ast.FuncDecl]bool{})
					}
				}
				return true
			})
		}
	}
	return found, transactions
}

// storeNames returns the names in fields (a receiver or parameters) of type *Store.
func storeNames(fields *ast.FieldList) map[string]bool {
	names := map[string]bool{}
	if fields == nil {
		return names
	}
	for _, field := range fields.List {
		if star, ok := field.Type.(*ast.StarExpr); ok {
			if id, ok := star.X.(*ast.Ident); ok && id.Name == "Store" {
				for _, n := range field.Names {
					names[n.Name] = true
				}
			}
		}
	}
	return names
}
