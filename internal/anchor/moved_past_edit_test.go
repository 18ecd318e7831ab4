package anchor_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/copydesk/copydesk/internal/anchor"
)

// TestReanchorParagraphMovedPastItsLongerTwin puts a comment on the first "said." of a paragraph
// the texts have once, whole, and moves the paragraph before it, all of whose words it holds and
// a sentence more, past it with a word cut. The word diff pairs the comment's words with the
// moved paragraph's, which reads as the comment's own cut down as much as the one it was: the
// comment stays in its own paragraph, wherever that went. Its paragraph edited where it stood,
// with a copy of it as it read pasted elsewhere, keeps the comment on its edited words.
func TestReanchorParagraphMovedPastItsLongerTwin(t *testing.T) {
	short := "“Not now,” Ana said. The clerk said the road was shut."
	shortCut := "“Not now,” Ana said. The clerk said the road was"
	long := "“Not now,” Ana said. Lee said the board met on Monday. The clerk said the road was shut."
	longCut := "“Not now,” Ana said. Lee said the board met on Monday. The clerk said the road was"
	quotes := "“Not now,” Ana said. “Not now,” Ana said."
	for _, tc := range []struct {
		name     string
		old, new []string
		inOld    int // the paragraph of old the comment is in
		inNew    int // the paragraph of new its words are in
	}{
		{"MovedDownPastIt", []string{short, long, quotes}, []string{long, shortCut, quotes}, 1, 0},
		{"MovedToTheEnd", []string{short, long, quotes}, []string{long, quotes, shortCut}, 1, 0},
		{"MovedUpPastIt", []string{quotes, long, short}, []string{quotes, shortCut, long}, 1, 2},
		{"EditedInPlaceCopyPasted", []string{short, long, quotes}, []string{short, longCut, quotes, long}, 1, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			old, text := strings.Join(tc.old, "\n"), strings.Join(tc.new, "\n")
			word := utf8.RuneCountInString(long[:strings.Index(long, "said.")])
			start := func(paras []string, i int) int {
				return utf8.RuneCountInString(strings.Join(paras[:i], "\n")) + min(i, 1) + word
			}
			at := start(tc.old, tc.inOld)
			sel, err := anchor.New(old, at, at+len("said."))
			if err != nil {
				t.Fatal(err)
			}
			if sel.Exact != "said." {
				t.Fatalf("the comment is on %q", sel.Exact)
			}
			got := anchor.Reanchor(old, text, []anchor.Selector{sel})[0]
			if want := start(tc.new, tc.inNew); got.Status == anchor.Detached || got.Start != want {
				t.Errorf("the comment is on %q at %d (%v), want %d in paragraph %d", got.Exact, got.Start, got.Status, want, tc.inNew)
			}
		})
	}
}
