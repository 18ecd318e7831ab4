package anchor_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/copydesk/copydesk/internal/anchor"
)

// TestReanchorMovedParagraphWithTwinSentences moves a paragraph, found once in each text, whose
// first sentence other paragraphs repeat whole, and checks that a comment on its words goes
// with it, though the word diff pairs those words with a paragraph that is only that sentence:
// a paragraph the old text had as often, so not the moved one edited where it stood. The piece
// cut where it stood, with a copy of it as it read pasted elsewhere, still keeps the comment in
// place.
func TestReanchorMovedParagraphWithTwinSentences(t *testing.T) {
	a := "The council said the bridge was safe. Smith said the council met on Tuesday."
	b := "The council said the bridge was safe? Smith said the council met on Tuesday."
	q := "“No comment,” Zoë said? Smith said the council met on Tuesday."
	s := "“No comment,” Zoë said; Smith said the council met on Tuesday."
	moved := s + " The council said the bridge was safe."
	late := s + " The café owner said the council was late."
	for _, tc := range []struct {
		name     string
		old, new []string
		inNew    int // the paragraph of new the comment's words are in
	}{
		{"MovedToTheTop", []string{a, b, q, moved, q, s, a, b, q, s, q, late}, []string{moved, a, b, q, q, s, a, b, q, s, q, late}, 0},
		{"MovedDown", []string{a, moved, q, s}, []string{a, q, moved, s}, 2},
		{"CutInPlaceAndPasted", []string{a, moved, q}, []string{moved, a, s, q}, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			old, text := strings.Join(tc.old, "\n"), strings.Join(tc.new, "\n")
			word := strings.Index(moved, "Smith said") + len("Smith ")
			at := utf8.RuneCountInString(old[:strings.Index(old, moved)+word])
			sel, err := anchor.New(old, at, at+len("said"))
			if err != nil {
				t.Fatal(err)
			}
			paraAt := len(strings.Join(tc.new[:tc.inNew], "\n"))
			if tc.inNew > 0 {
				paraAt++
			}
			want := utf8.RuneCountInString(text[:paraAt+strings.Index(tc.new[tc.inNew], "Smith said")+len("Smith ")])
			if got := anchor.Reanchor(old, text, []anchor.Selector{sel})[0]; got.Status == anchor.Detached || got.Start != want {
				t.Errorf("the comment on %q went to %+v, want it at %d", sel.Exact, got, want)
			}
		})
	}
}
