package merge

import (
	"fmt"
	"runtime"
	"slices"
	"testing"
)

// TestFollowMovesCost: a stale save that edited every paragraph in place, against a save that
// moved every one of them, costs a merge about what its bytes do, four times the paragraphs
// about four times as much. Following each move with a diff of the whole field, and looking
// each candidate up in the whole field, cost a second for 4,000 paragraphs and grew with their
// square.
func TestFollowMovesCost(t *testing.T) {
	alloc := func(n int) uint64 {
		base, edited := make([]string, n), make([]string, n)
		for i := range base {
			base[i] = fmt.Sprintf("Paragraph %d says what it said.", i)
			edited[i] = fmt.Sprintf("Paragraph %d says what it said then.", i)
		}
		moved := slices.Clone(base)
		slices.Reverse(moved)
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		Texts(body(base...), body(moved...), body(edited...))
		runtime.ReadMemStats(&after)
		return after.TotalAlloc - before.TotalAlloc
	}
	small, large := alloc(2000), alloc(8000)
	if ratio := float64(large) / float64(small); ratio > 6 {
		t.Fatalf("8,000 paragraphs allocated %d bytes, %.1f times 2,000's %d; want about 4", large, ratio, small)
	}
}
