package merge

import (
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// conflicting is base, theirs and mine of n paragraphs, each changed both ways: n conflicts.
func conflicting(n int) (base, theirs, mine newsroom.Text) {
	side := func(word string) newsroom.Text {
		paras := make([]string, n)
		for i := range paras {
			paras[i] = fmt.Sprintf("Paragraph %d %s.", i, word)
		}
		return body(paras...)
	}
	return side("as it was"), side("as they wrote"), side("as I wrote")
}

// TestTextsConflictCap holds a field's merge to MaxConflicts conflicts: one more makes the whole
// field one conflict, which the sides' texts resolve as they are.
func TestTextsConflictCap(t *testing.T) {
	tests := []struct {
		name          string
		paragraphs    int
		wantConflicts int
	}{
		{"One", 1, 1},
		{"AtTheCap", MaxConflicts, MaxConflicts},
		{"OverTheCap", MaxConflicts + 1, 1},
		{"FarOverTheCap", 50 * MaxConflicts, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			base, theirs, mine := conflicting(tt.paragraphs)
			r := Texts(base, theirs, mine)
			if len(r.Conflicts) != tt.wantConflicts {
				t.Fatalf("%d conflicts, want %d", len(r.Conflicts), tt.wantConflicts)
			}
			if tt.wantConflicts == 1 && tt.paragraphs > 1 {
				c := r.Conflicts[0]
				if c.Field != "body" || c.Base != base.Body || c.Theirs != theirs.Body || c.Mine != mine.Body {
					t.Fatalf("the conflict is not the whole body: %+v", c)
				}
			}
			choices := make([]string, len(r.Conflicts))
			for i, c := range r.Conflicts {
				choices[i] = c.Mine
			}
			got, err := r.Resolve(choices)
			if err != nil || got.Body != mine.Body {
				t.Fatalf("choosing mine everywhere gave %q… (%v), want mine", got.Body[:min(len(got.Body), 60)], err)
			}
		})
	}
}

// TestTextsConflictCapCost: a body of as many one-letter paragraphs as a draft may hold, each
// changed both ways, costs a merge no more than a few times its bytes: it took 300 bytes a byte
// and a second when every conflict was listed.
func TestTextsConflictCapCost(t *testing.T) {
	n := newsroom.MaxBody / 2
	lines := func(word string) newsroom.Text {
		return body(strings.Split(strings.TrimSuffix(strings.Repeat(word+"\n", n), "\n"), "\n")...)
	}
	base, theirs, mine := lines("a"), lines("b"), lines("c")
	size := uint64(len(base.Body) + len(theirs.Body) + len(mine.Body))
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	r := Texts(base, theirs, mine)
	runtime.ReadMemStats(&after)
	if len(r.Conflicts) != 1 {
		t.Fatalf("%d conflicts, want the whole body as one", len(r.Conflicts))
	}
	if got := after.TotalAlloc - before.TotalAlloc; got > 40*size {
		t.Fatalf("the merge allocated %d bytes for %d bytes of text (%.0f a byte), want at most %d", got, size, float64(got)/float64(size), 40*size)
	}
}
