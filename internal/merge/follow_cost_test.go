package merge

import (
	"fmt"
	"runtime"
	"slices"
	"strings"
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
	small, large := alloc(maxFollowParagraphs/4), alloc(maxFollowParagraphs)
	if ratio := float64(large) / float64(small); ratio > 6 {
		t.Fatalf("%d paragraphs allocated %d bytes, %.1f times a quarter as many's %d; want about 4", maxFollowParagraphs, large, ratio, small)
	}
}

// TestFollowMovesLongField: moves are followed in a field of up to maxFollowParagraphs
// paragraphs and not past it, where a step's two diffs of the field cost too much: a stale save
// of 36,000 short lines, half swapped in pairs by one side and edited by the other, took five
// seconds of CPU a merge, eight times the merge without following.
func TestFollowMovesLongField(t *testing.T) {
	tests := []struct {
		name       string
		paragraphs int
		followed   bool
	}{
		{"Short", 3, true},
		{"AtTheCap", maxFollowParagraphs, true},
		{"PastTheCap", maxFollowParagraphs + 1, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			base := make([]string, tt.paragraphs)
			for i := range base {
				base[i] = fmt.Sprintf("Paragraph %d says what it said.", i)
			}
			moved := append(slices.Clone(base[1:]), base[0])
			edited := slices.Clone(base)
			edited[0] = "Paragraph 0 says what it said then."
			_, got := followMoves(base, moved, edited)
			if followed := got[len(got)-1] == edited[0]; followed != tt.followed {
				t.Fatalf("the edit followed its paragraph to the end: %v, want %v", followed, tt.followed)
			}
		})
	}
}

// TestFollowMovesLongParagraphs: following twenty moves in a field of long paragraphs costs
// about what following one does and reading every paragraph's edit once. Each step diffed the field's paragraphs anew, hashing every
// one, and cut every candidate into words again to see whether its edit kept half of them:
// twenty passes over the text, which made a stale save of a 5 MB body that the other side had
// reordered allocate 1.6 GB and take seconds.
func TestFollowMovesLongParagraphs(t *testing.T) {
	const paragraphs, words = 100, 1500
	base, edited := make([]string, paragraphs), make([]string, paragraphs)
	for i := range base {
		var p strings.Builder
		for w := range words {
			fmt.Fprintf(&p, "w%d-%d ", i, w%40)
		}
		base[i] = p.String() + "end."
		edited[i] = p.String() + "end then."
	}
	cost := func(moved []string) uint64 {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		got, _ := followMoves(base, moved, edited)
		runtime.ReadMemStats(&after)
		if slices.Equal(got, base) {
			t.Fatal("no paragraph followed its move")
		}
		return after.TotalAlloc - before.TotalAlloc
	}
	// What following cannot do without: read each paragraph's edit once.
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	for i := range base {
		keepsHalf(base[i], edited[i])
	}
	runtime.ReadMemStats(&after)
	once := after.TotalAlloc - before.TotalAlloc
	reversed := slices.Clone(base)
	slices.Reverse(reversed)
	one, many := cost(append(slices.Clone(base[1:]), base[0])), cost(reversed)
	if bound := 3 * (one + once); many > bound {
		t.Fatalf("following the reversal allocated %d bytes, %.1f times following one move (%d) and reading every edit once (%d); want at most 3",
			many, float64(many)/float64(one+once), one, once)
	}
}
