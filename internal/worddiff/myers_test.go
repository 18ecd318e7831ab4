package worddiff

import (
	"math/rand/v2"
	"runtime"
	"testing"
)

// lcsLen is the textbook quadratic longest common subsequence, the oracle for minimality.
func lcsLen(a, b []int32) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for i := range a {
		for j := range b {
			switch {
			case a[i] == b[j]:
				cur[j+1] = prev[j] + 1
			case prev[j+1] >= cur[j]:
				cur[j+1] = prev[j+1]
			default:
				cur[j+1] = cur[j]
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// randomIDs returns n ids drawn from an alphabet of size k; a small k makes many repeats,
// which is where a diff's bookkeeping goes wrong.
func randomIDs(r *rand.Rand, n, k int) []int32 {
	out := make([]int32, n)
	for i := range out {
		out[i] = int32(r.IntN(k))
	}
	return out
}

// checkMarks asserts that the unmarked tokens of a and b are the same sequence, which is what
// makes the marks a valid diff, and returns how many tokens stayed unmarked.
func checkMarks(t *testing.T, d *differ) int {
	t.Helper()
	var ka, kb []int32
	for i, x := range d.a {
		if !d.delA[i] {
			ka = append(ka, x)
		}
	}
	for j, y := range d.b {
		if !d.insB[j] {
			kb = append(kb, y)
		}
	}
	if len(ka) != len(kb) {
		t.Fatalf("kept %d tokens of a but %d of b", len(ka), len(kb))
	}
	for i := range ka {
		if ka[i] != kb[i] {
			t.Fatalf("kept token %d differs: %d vs %d", i, ka[i], kb[i])
		}
	}
	return len(ka)
}

func TestDifferIsMinimal(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for iter := range 2000 {
		a := randomIDs(r, r.IntN(40), 1+r.IntN(6))
		b := randomIDs(r, r.IntN(40), 1+r.IntN(6))
		d := newDiffer(a, b)
		d.run()
		if kept, want := checkMarks(t, d), lcsLen(a, b); kept != want {
			t.Fatalf("case %d: kept %d tokens, longest common subsequence is %d\na=%v\nb=%v", iter, kept, want, a, b)
		}
	}
}

func TestDifferLimits(t *testing.T) {
	t.Run("ExpensiveSearchStaysValid", func(t *testing.T) {
		r := rand.New(rand.NewPCG(3, 4))
		for range 500 {
			a := randomIDs(r, r.IntN(200), 1+r.IntN(8))
			b := randomIDs(r, r.IntN(200), 1+r.IntN(8))
			d := newDiffer(a, b)
			d.expensive = r.IntN(4)
			d.run()
			checkMarks(t, d)
		}
	})
	t.Run("ExpensiveSearchStaysClose", func(t *testing.T) {
		// Forty scattered substitutions need eighty edits, far past a limit of eight, yet the
		// furthest-point splits must still find nearly every common token.
		r := rand.New(rand.NewPCG(7, 8))
		a := randomIDs(r, 4000, 50)
		b := append([]int32(nil), a...)
		for range 40 {
			b[r.IntN(len(b))] = 99
		}
		d := newDiffer(a, b)
		d.expensive = 8
		d.run()
		if kept, least := checkMarks(t, d), len(a)-60; kept < least {
			t.Errorf("kept %d tokens, want at least %d", kept, least)
		}
	})
	t.Run("ExhaustedBudgetReplacesTheRest", func(t *testing.T) {
		a := []int32{9, 1, 2, 3, 9}
		b := []int32{9, 4, 2, 5, 9}
		d := newDiffer(a, b)
		d.budget = 0
		d.run()
		if kept := checkMarks(t, d); kept != 2 {
			t.Errorf("kept %d tokens, want only the trimmed common ends (2)", kept)
		}
	})
	t.Run("BudgetBoundsTheWork", func(t *testing.T) {
		r := rand.New(rand.NewPCG(5, 6))
		a := randomIDs(r, 50000, 1000)
		b := randomIDs(r, 50000, 1000)
		d := newDiffer(a, b)
		d.run()
		checkMarks(t, d)
		if d.budget < -len(a)-1 {
			t.Errorf("budget overran to %d", d.budget)
		}
	})
}

// TestSearchMemoryBoundedByReach: the search's arrays hold the diagonals it can reach before it
// settles (expensiveD), not one for each token of the ranges. Sized by the ranges, they were
// cleared on every split, and a text changed throughout splits dozens of times before its
// budget runs out: a merge of two 5 MB bodies spent seconds clearing them.
func TestSearchMemoryBoundedByReach(t *testing.T) {
	searched := func(n int) uint64 {
		r := rand.New(rand.NewPCG(11, 12))
		d := newDiffer(randomIDs(r, n, 1000), randomIDs(r, n, 1000))
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		d.run()
		runtime.ReadMemStats(&after)
		checkMarks(t, d)
		return after.TotalAlloc - before.TotalAlloc
	}
	small, large := searched(20000), searched(320000)
	if bound := uint64(64 * (expensiveD + 2)); large > bound {
		t.Fatalf("a search of two %d-token ranges allocated %d bytes (%d for ranges 16 times shorter); want at most %d, what its reach needs",
			320000, large, small, bound)
	}
}
