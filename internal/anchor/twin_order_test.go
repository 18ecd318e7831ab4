package anchor_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/copydesk/copydesk/internal/anchor"
)

// TestReanchorTwinParagraphInOrder puts a comment on a word of a paragraph the texts have twice,
// whole, and moves or edits the paragraphs around it, and checks that the comment stays on its
// own paragraph's word: the twin with as many twins before it in each text, though the word diff
// pairs the word with the same word of a paragraph moved past it and edited, whose words begin as
// the twin's do. A twin edited where it stood, with a copy of it as it read pasted elsewhere,
// keeps the comment on its words.
func TestReanchorTwinParagraphInOrder(t *testing.T) {
	twin := "The mayor said the budget was tight; “Not now,” Ana said."
	edited := "The mayor said the budget tight. The clerk said the road was shut."
	cut := "The mayor said the budget tight. clerk said the road was shut."
	head := "The mayor said the budget was tight! Lee said the board met on Monday."
	tail := "The mayor said the budget tight? The clerk said the road was shut."
	twinCut := "The mayor said the budget tight; “Not now,” Ana said."
	for _, tc := range []struct {
		name     string
		old, new []string
		inOld    int // the paragraph of old the comment is in
		inNew    int // the paragraph of new its words are in
	}{
		{"MovedUpPastFirstTwin", []string{head, twin, edited, head, twin, tail}, []string{head, cut, twin, head, twin, tail}, 1, 2},
		{"MovedUpPastSecondTwin", []string{head, twin, edited, head, twin, tail}, []string{head, twin, head, cut, twin, tail}, 4, 4},
		{"MovedToTheTop", []string{twin, head, twin, edited}, []string{cut, twin, head, twin}, 0, 1},
		{"MovedDownPastTwin", []string{head, edited, twin, twin}, []string{head, twin, cut, twin}, 2, 1},
		{"TwinEditedInPlaceCopyPasted", []string{twin, head, twin}, []string{twinCut, head, twin, twin}, 0, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			old, text := strings.Join(tc.old, "\n"), strings.Join(tc.new, "\n")
			word := strings.Index(twin, " said") + 1
			start := func(paras []string, i int) int {
				return utf8.RuneCountInString(strings.Join(paras[:i], "\n")) + min(i, 1) + utf8.RuneCountInString(paras[i][:word])
			}
			at := start(tc.old, tc.inOld)
			sel, err := anchor.New(old, at, at+len("said"))
			if err != nil {
				t.Fatal(err)
			}
			if sel.Exact != "said" {
				t.Fatalf("the comment is on %q", sel.Exact)
			}
			got := anchor.Reanchor(old, text, []anchor.Selector{sel})[0]
			if want := start(tc.new, tc.inNew); got.Status == anchor.Detached || got.Start != want {
				t.Errorf("the comment is on %q at %d (%v), want %d in paragraph %d", got.Exact, got.Start, got.Status, want, tc.inNew)
			}
		})
	}
}
