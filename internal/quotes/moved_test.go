package quotes_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/quotes"
)

// TestReconcileMovedAndEdited reconciles a paragraph that quotes the same words as others,
// moved and edited in one save (TestRandomMixedHistories in internal/store, seeds 63, 88, 100
// and 127): each entry stays on its own words, wherever the paragraph went, or goes with words
// the edit cut; it never passes to a twin in the paragraph or in a copy of another.
func TestReconcileMovedAndEdited(t *testing.T) {
	const (
		smith  = "Smith said the council met on Tuesday."
		twice  = "“No comment,” Zoë said. “No comment,” Zoë said."
		thrice = twice + " “No comment,” Zoë said."
		safe   = "“No comment,” Zoë said. The council said the bridge was safe."
		bridge = smith + " The council said the bridge was safe."
		cafe   = "café owner said council was late. The café owner said the council was late."
		asked  = "“No comment,” Zoë said? " + cafe
		late   = "“No comment,” Zoë said. " + cafe
	)
	lines := func(ps ...string) string { return strings.Join(ps, "\n") }
	tests := []struct {
		name          string
		before, after string
		want          quotes.Plan
	}{
		// The paragraph moves to the top and loses the second quotation's opening word: the first keeps
		// its entry, the second's entry goes with the words cut.
		{"MovedLosingTheSecondTwin",
			safe + "\n" + twice + "\n" + smith,
			"“No comment,” Zoë said. comment,” Zoë said.\n" + safe + "\n" + smith,
			quotes.Plan{Kept: []quotes.Pair{{1, 0}, {0, 1}}, Removed: []int{2}}},
		// The same paragraph losing the first quotation's opening word: the second keeps its entry.
		{"MovedLosingTheFirstTwin",
			safe + "\n" + twice + "\n" + smith,
			"comment,” Zoë said. “No comment,” Zoë said.\n" + safe + "\n" + smith,
			quotes.Plan{Kept: []quotes.Pair{{2, 0}, {0, 1}}, Removed: []int{1}}},
		// A paragraph that quotes the words twice, a sentence between, moves to the top and
		// loses a word of that sentence (seed 127): the word diff of the whole text pairs its
		// first quotation with the second's words, and nearness the second with the first's;
		// the paragraph's own diff keeps them in order.
		{"MovedWithATwinEach",
			lines(bridge, "“No comment,” Zoë said. The council said the bridge was safe. “No comment,” Zoë said.", "“No comment,” Zoë said; The café owner said the council late. The owner said the council was late."),
			lines("“No comment,” Zoë said. The council the bridge was safe. “No comment,” Zoë said.", bridge, "“No comment,” Zoë said; The café owner said the council late. The owner said the council was late."),
			quotes.Plan{Kept: []quotes.Pair{{0, 0}, {1, 1}, {2, 2}}}},
		// The paragraph that repeats the quotation moves below a copy of one that opens with it
		// and loses its second quotation's opening mark (seed 63): the copy keeps its entry, the
		// moved paragraph's first quotation its own, and the second's entry goes with its mark.
		{"MovedBelowACopyLosingItsSecondTwin",
			lines(asked, bridge, twice, late, bridge, thrice, asked, bridge, "“No comment,” Zoë said? “No comment,” Zoë said.", late, bridge, thrice),
			lines(asked, bridge, late, "“No comment,” Zoë said. comment,” Zoë said.", bridge, thrice, asked, bridge, "“No comment,” Zoë said? “No comment,” Zoë said.", late, bridge, thrice),
			quotes.Plan{Kept: []quotes.Pair{{0, 0}, {3, 1}, {1, 2}, {4, 3}, {5, 4}, {6, 5}, {7, 6}, {8, 7}, {9, 8}, {10, 9}, {11, 10}, {12, 11}, {13, 12}},
				Removed: []int{2}, Undoubted: []int{5}}},
		// The paragraph moves to the top and loses its second quotation's closing mark and word
		// (seed 88): the quotation left open runs into the next paragraph, an edit of that
		// one's quotation, and the moved paragraph's first quotation keeps its entry.
		{"MovedLeavingAQuotationOpen",
			lines(safe, twice, smith+" "+smith),
			lines("“No comment,” Zoë said. “No Zoë said.", safe, smith+" "+smith),
			quotes.Plan{Kept: []quotes.Pair{{1, 0}}, Edited: []quotes.Pair{{0, 1}}, Removed: []int{2}}},
		// The paragraph moves to the end and loses its last word (seed 100): its quotations keep
		// their entries, and the paragraph it moved past keeps its own.
		{"MovedToTheEnd",
			lines("“No comment,” Zoë said! "+smith, "“No comment,” said. “No comment,” Zoë said.", "The café owner the council was late? “No comment,” Zoë said."),
			lines("“No comment,” Zoë said! "+smith, "The café owner the council was late? “No comment,” Zoë said.", "“No comment,” said. “No comment,” Zoë"),
			quotes.Plan{Kept: []quotes.Pair{{0, 0}, {3, 1}, {1, 2}, {2, 3}}}},
		// A paragraph moves beside a copy of another and loses its quotation: the copy keeps
		// its own entry, and the moved one's entry goes with its words.
		{"MovedBesideACopyLosingItsQuote",
			safe + "\n" + smith + " “No comment,” Zoë said.\n" + twice + "\n" + smith + " “No comment,” Zoë said.",
			safe + "\n" + smith + " “No comment,” Zoë said.\n" + smith + " “No comment,” Zoë said.\n“No comment,” Zoë said. comment,” Zoë said.",
			quotes.Plan{Kept: []quotes.Pair{{0, 0}, {1, 1}, {4, 2}, {2, 3}}, Removed: []int{3}}},
		// A paragraph moves to the end and loses its first sentence: its own diff pairs the cut
		// quotation's words with the second's, but the second's sentence is still whole, and
		// keeps its entry; the first's entry goes with its words.
		{"MovedLosingItsFirstSentence",
			lines("The bridge is old.", "“No comment,” Zoë said. “No comment,” Ann said on Friday.", "The council met."),
			lines("The bridge is old.", "The council met.", "“No comment,” Ann said on Friday."),
			quotes.Plan{Kept: []quotes.Pair{{1, 0}}, Removed: []int{0}}},
		{"MovedLosingItsFirstSentenceOneSpeaker",
			lines("The bridge is old.", "“No comment,” Zoë said. “No comment,” Zoë said on Friday.", "The council met."),
			lines("The bridge is old.", "The council met.", "“No comment,” Zoë said on Friday."),
			quotes.Plan{Kept: []quotes.Pair{{1, 0}}, Removed: []int{0}}},
	}
	entries := func(text string) []quotes.Entry {
		qs, _ := quotes.Find(text)
		out := make([]quotes.Entry, len(qs))
		for i, q := range qs {
			out[i] = quotes.Entry{Field: "body", Text: q.Text, Start: q.Start, End: q.End}
		}
		return out
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			found := entries(tt.after)
			ed := quotes.PrepareEdit(map[string]string{"body": tt.before}, map[string]string{"body": tt.after}, found)
			if got := quotes.Reconcile(entries(tt.before), found, ed); !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("Reconcile = %+v, want %+v\n  before %q\n  after  %q", got, tt.want, tt.before, tt.after)
			}
		})
	}
}
