package quotes

import (
	"reflect"
	"testing"
)

// TestReconcileMovedAndEditedTwins reconciles a paragraph that repeats a quotation, moved and
// edited in one save past paragraphs that quote the same words (TestRandomMixedHistories in
// internal/store, mixed seeds 63, 88, 99, 103, 127, 141, 149 and 169): a check stays on its own words or is taken
// back, and never passes to a twin the word diff or nearness paired it with.
func TestReconcileMovedAndEditedTwins(t *testing.T) {
	const (
		smith = "Smith said the council met on Tuesday."
		twice = "“No comment,” Zoë said. “No comment,” Zoë said."
		late  = "“No comment,” Zoë said. The owner said the council was late."
		safe  = "“No comment,” Zoë said. The council said the bridge was safe."
		cafe  = "“No comment,” Zoë said. The café said the council was late."
		owner = "The café owner said the council was late. The council said the bridge was safe."
	)
	tests := []struct {
		name          string
		before, after string
		want          Plan
	}{
		// The paragraph that repeats the quotation moves past one that opens with it, and loses
		// its second opening mark: the diff reads the paragraph it moved past as edited where
		// the moved one stood, and pairs each one's quote with the other's. That paragraph is
		// in each text as often, whole, so its quote is its own: neither pair keeps a check.
		{"MovedPastTwinParagraph",
			smith + "\n" + twice + "\n" + late + "\n" + smith + "\n" + late,
			smith + "\n" + late + "\n" + "“No comment,” Zoë said. comment,” Zoë said." + "\n" + smith + "\n" + late,
			Plan{Kept: []Pair{{3, 2}}, Edited: []Pair{{0, 0}, {2, 1}}, Removed: []int{1}, Doubted: []int{0, 2}}},
		// The paragraph moves above another and loses a word of its second quotation: nearness
		// picks which of its two quotations the one left is, and neither keeps its check.
		{"MovedLosingOneOfItsTwins",
			safe + "\n" + twice + "\n" + smith,
			"“No comment,” Zoë said. “No Zoë said." + "\n" + safe + "\n" + smith,
			Plan{Edited: []Pair{{0, 1}, {2, 0}}, Removed: []int{1}, Doubted: []int{2}}},
		// The same edit where the paragraph stands: the diff keeps its first quotation's words,
		// and their entry keeps its check.
		{"EditedInPlaceLosingOneOfItsTwins",
			safe + "\n" + twice + "\n" + smith,
			safe + "\n" + "“No comment,” Zoë said. “No Zoë said." + "\n" + smith,
			Plan{Kept: []Pair{{0, 0}, {1, 1}}, Removed: []int{2}}},
		// A paragraph that holds an unclosed quotation moves to the top and is edited: the diff
		// pairs the quote of the first of two twin paragraphs, each whole, with the second's.
		// Each copy keeps its place among its copies, and the second's quote is not the first's.
		{"TwinParagraphsPairedAcross",
			cafe + "\n“No comment,” Zoë said. " + smith + "\n" + owner + " “No comment,” Zoë said.\n" + owner + " “No Zoë said. The café owner said the council was late.\n" + cafe,
			"The café owner said the council late. The council said the bridge was safe. “No Zoë said. The café owner said the council was late.\n" + cafe + "\n“No comment,” Zoë said. " + smith + "\n" + owner + " “No comment,” Zoë said.\n" + cafe,
			Plan{Kept: []Pair{{3, 0}, {1, 1}, {2, 2}}, Edited: []Pair{{0, 3}}, Doubted: []int{0}}},
		// A paragraph moves past a twin paragraph that repeats the quotation, and is edited: the
		// diff pairs the twin's first quote with its second, where the moved paragraph's words
		// stood. Whole, the twin keeps its quotes where they stood in it.
		{"TwinParagraphQuoteAtAnotherPlace",
			"“No comment,” Zoë said. " + smith + "\n" + "“No comment,” Zoë said. The owner said the was\n" + twice + "\n“No comment,” Zoë said. " + smith + "\n" + twice,
			"“No comment,” Zoë said. " + smith + "\n" + twice + "\n“No comment,” Zoë said. " + smith + "\n" + "“No comment,” Zoë said. The owner the was\n" + twice,
			Plan{Kept: []Pair{{0, 0}, {5, 5}, {6, 6}}, Edited: []Pair{{1, 1}, {2, 2}, {3, 3}, {4, 4}}, Doubted: []int{1, 2, 3, 4}}},
		// A paragraph that repeats a sentence moves to the top, a word cut between the two: the
		// diff pairs the first quotation with the words of the second, and nearness the second
		// with the first's. Alike, the sentences cannot say which is which.
		{"MovedRepeatingASentence",
			smith + " The council said the bridge was safe.\n" + safe + " “No comment,” Zoë said.\n" + late,
			"“No comment,” Zoë said. The council the bridge was safe. “No comment,” Zoë said.\n" + smith + " The council said the bridge was safe.\n" + late,
			Plan{Kept: []Pair{{2, 2}}, Edited: []Pair{{1, 0}, {0, 1}}, Doubted: []int{1, 0}}},
		// Twin paragraphs, as many in each text, each whole: an edit elsewhere leaves each its
		// own quote.
		{"TwinParagraphsWhole",
			late + "\n" + smith + "\n" + late,
			late + "\n" + smith + " He left.\n" + late,
			Plan{Kept: []Pair{{0, 0}, {1, 1}}}},
	}
	entries := func(text string) []Entry {
		qs, _ := Find(text)
		out := make([]Entry, len(qs))
		for i, q := range qs {
			out[i] = Entry{"body", q.Text, q.Start, q.End}
		}
		return out
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			found := entries(tt.after)
			ed := PrepareEdit(map[string]string{"body": tt.before}, map[string]string{"body": tt.after}, found)
			if got := Reconcile(entries(tt.before), found, ed); !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("Reconcile = %+v, want %+v", got, tt.want)
			}
		})
	}
}
