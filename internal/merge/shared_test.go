package merge

import (
	"slices"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/worddiff"
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

// TestTextsDeletedWordStaysDeleted merges saves whose stretches the merge settles by what both
// share, or word by word, where a word one side deleted is still in the other: a paragraph
// matched by place with an edit of the next one, or a sentence both changed next to one a side
// deleted. The stale save's deletion must not be undone by a clean merge; a conflict is the
// honest answer. A word the base repeats and both delete in one place may still be written by a
// side in another.
func TestTextsDeletedWordStaysDeleted(t *testing.T) {
	cases := []struct {
		name               string
		base, theirs, mine string
		conflict           bool
		want               string
	}{
		{"EditOfTheNextParagraph",
			"b0_0_0 b0_0_1.\nb1_0_0 b1_0_1 b1_0_2 b1_0_3. b1_1_0 b1_1_1 b1_1_2.",
			"b1_0_0 b1_0_1 b1_0_2 b1_0_3. b1_1_0 b1_1_1 b1_1_2. council xt1 The.\nit xs3 said. The xs4 it.",
			"b1_0_1 b1_0_2 b1_0_3. b1_1_0 b1_1_1 b1_1_2.\nit xs3 said. The xs4 it.",
			true, ""},
		{"SentenceNextToANewParagraph",
			"b0_0_0. b0_1_0.",
			"b0_0_0. The xt1 it.\nit xs3 it. it xs4 The.",
			"xm2 b0_1_0.\nit xs3 it. it xs4 The.",
			true, ""},
		{"CommonWordMoved",
			"The council met. The vote was close.\nThe mayor left.",
			"The council met.\nThe mayor left. The clerk wrote.",
			"The board met. The vote was close.\nThe mayor left.",
			false, "The board met.\nThe mayor left. The clerk wrote."},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			for _, sides := range [][2]string{{tc.theirs, tc.mine}, {tc.mine, tc.theirs}} {
				res := Texts(body(tc.base), body(sides[0]), body(sides[1]))
				got, ok := res.Merged()
				if ok == tc.conflict || ok && got.Body != tc.want {
					t.Errorf("merge(theirs %q, mine %q) = %q, %v; want %q, conflict %v", sides[0], sides[1], got.Body, ok, tc.want, tc.conflict)
				}
			}
		})
	}
}

// TestWordsOfCutsAsTokens checks that the words the merge counts are the word tokens the diffs
// match: a word of marks alone, an emoji, a digit or a letter of another script cut the same.
func TestWordsOfCutsAsTokens(t *testing.T) {
	for _, s := range []string{
		"", "The council met. It voted 7-2.", "b1_0_0 b1_0_1.", "Café déjà vu, naïve\u0301 ok",
		"東京で 会議 があった。", "x\u0301\u0301 \u0301 a👩\u200d💻b", "٣ apples, ½ pie, Ⅻ o'clock", "a\xffb \ufffd c",
	} {
		want := slices.DeleteFunc(worddiff.Tokens(s), func(tok string) bool { return !isWord(tok) })
		if got := wordsOf(s); !slices.Equal(got, want) {
			t.Errorf("wordsOf(%q) = %q, want %q", s, got, want)
		}
	}
}
