package anchor_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/copydesk/copydesk/internal/anchor"
)

// TestReanchorParagraphMovedPastAnEditedOne moves and edits one paragraph in a save, past
// another whose words begin as the edited one's do, and checks that comments on words of the
// other, which the edit left as they read, all stay on them, together: none detached, each by
// the same shift, so on the same paragraph. The word diff of the whole text pairs the other's
// words with what the moved paragraph kept of its own; where the texts say which paragraph the
// other is (found once in each, or its copies placed by the paragraphs around them) the
// comments go there, whether the diff took them elsewhere or left them to a search that finds
// no place for them, and where the texts cannot tell which of two copies is the edited one, the
// comments of one paragraph still do not split between them.
func TestReanchorParagraphMovedPastAnEditedOne(t *testing.T) {
	safe := "The council said the bridge was safe."
	owner := "The owner said the council was late. “No comment,” Zoë said."
	sound := "The council said the bridge was sound."
	late := "Smith said the council met on Tuesday. The owner said the council was late. The owner said the council was late."
	unique := "The council said the bridge was safe. The owner said the council was late. “No comment,” Zoë said."
	lateOnce := "The owner said the council was late."
	lateSmith := "The owner said the Smith was late."
	lateSmithEdited := "The owner said Smith was late."
	smith := "Smith said the council met on Tuesday."
	safeLate := safe + " " + lateOnce
	safeMonday := safe + " The owner said the council was Monday."
	cutLate := strings.Replace(late, "The owner said the council was late. The owner", "The owner said the safe. was late. The owner", 1)
	for _, tc := range []struct {
		name     string
		old, new []string
		in       int      // the paragraph of old the comments are on
		words    []string // the first copy of each in that paragraph is commented on
		inNew    int      // the paragraph of new the words are in when the texts tell; -1 otherwise
	}{
		{"OnceInEachPastTheEdited", []string{late, unique, late}, []string{unique, cutLate, late}, 1, []string{"said the", "The owner", "Zoë"}, 0},
		{"OpeningWordsOfATwin", []string{safe, owner, safe}, []string{sound, safe, owner}, 0, []string{"The council", "the bridge"}, -1},
		{"WholeTwin", []string{safe, owner, safe}, []string{sound, safe, owner}, 0, []string{"The council", "the bridge", "safe."}, -1},
		{"TwinPastTheEditedOne", []string{lateOnce, lateOnce, lateSmith}, []string{lateOnce, lateSmithEdited, lateOnce}, 1, []string{"the council was"}, 2},
		{"FirstOfTwoTwins", []string{safeLate, smith, smith}, []string{smith, safeMonday, smith}, 1, []string{"on Tuesday."}, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			old, text := strings.Join(tc.old, "\n"), strings.Join(tc.new, "\n")
			start := utf8.RuneCountInString(strings.Join(tc.old[:tc.in], "\n")) + min(tc.in, 1)
			var sels []anchor.Selector
			for _, w := range tc.words {
				at := start + utf8.RuneCountInString(tc.old[tc.in][:strings.Index(tc.old[tc.in], w)])
				sel, err := anchor.New(old, at, at+utf8.RuneCountInString(w))
				if err != nil {
					t.Fatal(err)
				}
				sels = append(sels, sel)
			}
			got := anchor.Reanchor(old, text, sels)
			for k, r := range got {
				if r.Status != anchor.Exact {
					t.Fatalf("the comment on %q at %d went to %d (%v), want it exact on its words", sels[k].Exact, sels[k].Start, r.Start, r.Status)
				}
				if shift := got[0].Start - sels[0].Start; r.Start-sels[k].Start != shift {
					t.Errorf("the comment on %q at %d went to %d, want it moved by %d as the one on %q", sels[k].Exact, sels[k].Start, r.Start, shift, sels[0].Exact)
				}
			}
			if tc.inNew >= 0 {
				want := utf8.RuneCountInString(strings.Join(tc.new[:tc.inNew], "\n")) + min(tc.inNew, 1) + sels[0].Start - start
				if got[0].Start != want {
					t.Errorf("the comment on %q went to %d, want it at %d, in paragraph %d", sels[0].Exact, got[0].Start, want, tc.inNew)
				}
			}
		})
	}
}
