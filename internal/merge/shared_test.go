package merge

import (
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestTextsSharedWordsPrintOnce merges saves that both add the same words where base repeats a
// token next to them (a full stop, "the"), one side with other edits nearby: each side's diff
// can place the shared words on either side of the repeated token, and the merge printed them
// twice. Whichever side made which save, the merge holds them once.
func TestTextsSharedWordsPrintOnce(t *testing.T) {
	cases := []struct {
		name               string
		base, theirs, mine string
		want               string
	}{
		{"EndOfParagraph",
			"The council met. It voted.",
			"The council met. It voted. Then it adjourned.",
			"The council met. It voted unanimously. Then it adjourned.",
			"The council met. It voted unanimously. Then it adjourned."},
		{"StartOfParagraph",
			"The council met. It voted.",
			"Then it adjourned. The council met. It voted.",
			"Then it adjourned. The council met on Tuesday. It voted.",
			"Then it adjourned. The council met on Tuesday. It voted."},
		{"MiddleOfParagraph",
			"The council met. It voted. The mayor left.",
			"The council met. It voted. Then it adjourned. The mayor left.",
			"The council met. It voted unanimously. Then it adjourned. The mayor left early.",
			"The council met. It voted unanimously. Then it adjourned. The mayor left early."},
		{"EditsOnBothSides",
			"The council met. It voted. The mayor left.",
			"The council met on Tuesday. It voted. Then it adjourned. The mayor left.",
			"The council met. It voted unanimously. Then it adjourned. The mayor left.",
			"The council met on Tuesday. It voted unanimously. Then it adjourned. The mayor left."},
		{"WordNextToTheSharedSentence",
			"The council met. It voted.",
			"The council met. It voted. Then it adjourned.",
			"The council met. It voted. Then it adjourned. Finally.",
			"The council met. It voted. Then it adjourned. Finally."},
		{"NewParagraphAfterAnEditedOne",
			"The council met. It voted.\nThe mayor left.",
			"The council met. It voted.\nThen it adjourned.\nThe mayor left.",
			"The council met. It voted unanimously.\nThen it adjourned.\nThe mayor left early.",
			"The council met. It voted unanimously.\nThen it adjourned.\nThe mayor left early."},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			for _, sides := range [][2]string{{tc.theirs, tc.mine}, {tc.mine, tc.theirs}} {
				res := Texts(body(tc.base), body(sides[0]), body(sides[1]))
				if got, ok := res.Merged(); !ok || got.Body != tc.want {
					t.Errorf("merge(theirs %q, mine %q) = %q, %v (conflicts %+v); want %q", sides[0], sides[1], got.Body, ok, res.Conflicts, tc.want)
				}
			}
		})
	}
}

// TestTextsSharedParagraphPrintOnce merges saves that both add the same new paragraph, one of
// them next to paragraphs it edited or deleted: a side that writes as many paragraphs as it
// replaced has them matched as edits, so the new paragraph was taken as an edit of one the other
// side kept, and printed again as the other's addition. Whichever side made which save, the
// merge holds it once.
func TestTextsSharedParagraphPrintOnce(t *testing.T) {
	x, y, z := "The council met on Tuesday.", "It voted to close the bridge.", "The mayor left early."
	added, edited := "Then it adjourned until May.", "The council met on Monday."
	cases := []struct {
		name                     string
		base, theirs, mine, want newsroom.Text
	}{
		{"AtTheEndInPlaceOfADeletedOne", body(x, y), body(x, y, added), body(edited, added), body(edited, added)},
		{"InTheMiddleInPlaceOfADeletedOne", body(x, y, z), body(x, added, y, z), body(edited, added, z), body(edited, added, z)},
		{"AtTheStartInPlaceOfADeletedOne", body(x, y), body(added, x, y), body(added, edited), body(added, edited)},
		{"AfterARepeatedParagraph", body(x, y, y), body(x, y, y+" "+added), body(edited, y, y+" "+added), body(edited, y, y+" "+added)},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			for _, sides := range [][2]newsroom.Text{{tc.theirs, tc.mine}, {tc.mine, tc.theirs}} {
				res := Texts(tc.base, sides[0], sides[1])
				if got, ok := res.Merged(); !ok || got.Body != tc.want.Body {
					t.Errorf("merge(theirs %q, mine %q) = %q, %v (conflicts %+v); want %q", sides[0].Body, sides[1].Body, got.Body, ok, res.Conflicts, tc.want.Body)
				}
			}
		})
	}
}
