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

// TestReanchorTwinParagraphsKeepTheirOrder moves a paragraph past paragraphs the texts have more
// than once, all of whose sentences others repeat, and checks that a comment on "the council" in
// one of those twins stays in it: a twin is the one with as many twins before it in each text,
// though the word diff pairs its words with a like sentence of a neighbour.
func TestReanchorTwinParagraphsKeepTheirOrder(t *testing.T) {
	a := "The council said the bridge was safe. Smith said the council met on Tuesday."
	b := "The council said the bridge was safe? Smith said the council met on Tuesday."
	q := "“No comment,” Zoë said? Smith said the council met on Tuesday."
	s := "“No comment,” Zoë said; Smith said the council met on Tuesday."
	cut := "“No comment,” Zoë said; Smith said the met on Tuesday."
	for _, tc := range []struct {
		name     string
		old, new []string
		inOld    int // the paragraph of old the comment is in
		inNew    int // the paragraph of new its words are in
	}{
		{"MovedUpPastTwins", []string{a, b, q + " The council said the bridge was safe.", s, q, "“No Zoë said; Smith said the council met on Tuesday.", a, b, q, cut, q, s},
			[]string{a, b, q + " The council said the bridge was safe.", s, cut, q, "“No Zoë said; Smith said the council met on Tuesday.", a, b, q, q, s}, 8, 9},
		{"MovedToTheTop", []string{q, a, q, cut}, []string{cut, q, a, q}, 2, 3},
		{"MovedToTheEnd", []string{cut, q, b, q}, []string{q, b, q, cut}, 1, 0},
		{"MovedBetweenTwins", []string{q, q, b, cut}, []string{q, cut, q, b}, 1, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			old, text := strings.Join(tc.old, "\n"), strings.Join(tc.new, "\n")
			in := strings.Index(tc.old[tc.inOld], "the council")
			start := func(paras []string, i int) int {
				return utf8.RuneCountInString(strings.Join(paras[:i], "\n")) + min(i, 1) + utf8.RuneCountInString(paras[i][:in])
			}
			at := start(tc.old, tc.inOld)
			sel, err := anchor.New(old, at, at+len("the council"))
			if err != nil {
				t.Fatal(err)
			}
			if sel.Exact != "the council" {
				t.Fatalf("the comment is on %q", sel.Exact)
			}
			got := anchor.Reanchor(old, text, []anchor.Selector{sel})[0]
			if want := start(tc.new, tc.inNew); got.Status == anchor.Detached || got.Start != want {
				t.Errorf("the comment is on %q at %d (%v), want %d in paragraph %d", got.Exact, got.Start, got.Status, want, tc.inNew)
			}
		})
	}
}
