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
// comments go there, and where they cannot tell which of two copies is the edited one, the
// comments of one paragraph still do not split between them.
func TestReanchorParagraphMovedPastAnEditedOne(t *testing.T) {
	safe := "The council said the bridge was safe."
	owner := "The owner said the council was late. “No comment,” Zoë said."
	sound := "The council said the bridge was sound."
	late := "Smith said the council met on Tuesday. The owner said the council was late. The owner said the council was late."
	unique := "The council said the bridge was safe. The owner said the council was late. “No comment,” Zoë said."
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
			shift := got[0].Start - sels[0].Start
			for k, r := range got {
				if r.Status != anchor.Exact || r.Start-sels[k].Start != shift {
					t.Errorf("the comment on %q at %d went to %d (%v), want it exact and moved by %d as the first", sels[k].Exact, sels[k].Start, r.Start, r.Status, shift)
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
