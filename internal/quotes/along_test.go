package quotes_test

import (
	"slices"
	"testing"

	"github.com/copydesk/copydesk/internal/quotes"
)

// TestAlongLostOnlyCopy restores a text whose one quotation the one diff pairs with the only
// entry of its words, an entry the walk along the versions between lost: that entry keeps the
// quotation with its check when the walk never saw the two stand apart (a save cut its words
// and another typed them back), and holds its check when it did (the entry was a copy, cut
// while the quotation's own words stayed: TestRandomMixedHistories in internal/store, seed 200).
func TestAlongLostOnlyCopy(t *testing.T) {
	const (
		before = "Smith said the council met on Tuesday.\nThe council said the bridge was safe. “No Zoë said.\n“No comment,” Zoë said."
		after  = "Smith said the council met on Tuesday.\nThe council said the bridge was safe. “No Zoë said.\n“No comment,” Zoë said. The café owner said the council was late."
	)
	tests := []struct {
		name        string
		apart       bool
		wantKept    bool
		wantDoubted bool
	}{
		{"NeverApart", false, true, false},
		{"SeenApart", true, false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			olds, found := entriesOf(before), entriesOf(after)
			if len(olds) != 1 || len(found) != 1 {
				t.Fatalf("want one quotation each, got %+v and %+v", olds, found)
			}
			ed := quotes.PrepareEdit(map[string]string{"body": before}, map[string]string{"body": after}, found)
			plan := quotes.Reconcile(olds, found, ed)
			if !slices.Equal(plan.Kept, []quotes.Pair{{Old: 0, New: 0}}) {
				t.Fatalf("the one diff did not keep the entry on the quotation: %+v", plan)
			}
			var asked []quotes.Pair
			plan.Along(olds, found, []int{-1}, func(old, found int) bool {
				asked = append(asked, quotes.Pair{Old: old, New: found})
				return tt.apart
			})
			if !slices.Equal(asked, []quotes.Pair{{Old: 0, New: 0}}) {
				t.Errorf("Along asked apart of %v, want of the pair the one diff kept", asked)
			}
			if kept := slices.Contains(plan.Kept, quotes.Pair{Old: 0, New: 0}); kept != tt.wantKept {
				t.Errorf("kept %v, want %v: %+v", kept, tt.wantKept, plan)
			}
			if doubted := slices.Contains(plan.Doubted, 0) && slices.Contains(plan.Edited, quotes.Pair{Old: 0, New: 0}); doubted != tt.wantDoubted {
				t.Errorf("held as doubted %v, want %v: %+v", doubted, tt.wantDoubted, plan)
			}
		})
	}
}
