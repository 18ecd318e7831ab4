package anchor_test

import (
	"strings"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/anchor"
)

// TestReanchorRunOfStopsIsLinear: a paragraph holding a long run of full stops, exclamation or
// question marks before a lowercase word is cut into sentences in time linear in its length.
func TestReanchorRunOfStopsIsLinear(t *testing.T) {
	junk := strings.Repeat(".", 40000)
	old := "The mayor said the plan would work in June. Wow" + junk + " then it ended."
	text := "The mayor now says the plan would work in June. Wow" + junk + " then it ended."
	sel, err := anchor.New(old, 15, 34) // "the plan would work"
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	res := anchor.Reanchor(old, text, []anchor.Selector{sel})
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("Reanchor took %v on a %d-character paragraph; got %v", d, len(old), res[0].Status)
	}
}
