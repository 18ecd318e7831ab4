package anchor

import (
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/copydesk/copydesk/internal/cputime"
	"github.com/copydesk/copydesk/internal/quotes"
)

// TestMovedParagraphCostIsCharged times the look for the paragraph an edit moved and edited on
// its dearest case, two bodies at the length limit of short paragraphs each found once, one of
// them moved and edited, and checks that movedCost charges at least half the time it took, in
// the units of budget (workBudget is 100 ms of a slow core). The best of three runs is taken, so
// a busy machine does not fail it; a charge far below the work lets a save spend past its
// budget.
func TestMovedParagraphCostIsCharged(t *testing.T) {
	var ps []string
	for i := 0; len(strings.Join(ps, "\n")) < 400000; i++ {
		ps = append(ps, fmt.Sprintf("“No comment,” Jones%d said on Friday. The council met on Tuesday and the old bridge was safe.", i))
	}
	old := strings.Join(ps, "\n")
	moved := strings.Replace(ps[len(ps)/2], "Tuesday", "Monday", 1)
	ps = append(ps[:len(ps)/2], ps[len(ps)/2+1:]...)
	ps = append(ps[:10], append([]string{moved}, ps[10:]...)...)
	text := strings.Join(ps, "\n")
	took := time.Duration(1 << 62)
	for range 3 {
		start := cputime.Used(t)
		if _, to, _, ok := quotes.MovedParagraph(old, text); !ok || to != 10 {
			t.Fatalf("the moved paragraph was not found: %d, %v", to, ok)
		}
		took = min(took, cputime.Used(t)-start)
	}
	n := utf8.RuneCountInString(old) + utf8.RuneCountInString(text)
	units := int(took * workBudget / (100 * time.Millisecond))
	t.Logf("%v for %d code points: %d units, %.1f a code point; charged %d", took, n, units, float64(units)/float64(n), movedCost*n)
	if 2*movedCost*n < units {
		t.Errorf("the look took %d units of budget and was charged %d", units, movedCost*n)
	}
}
