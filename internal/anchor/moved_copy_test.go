package anchor_test

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/copydesk/copydesk/internal/anchor"
)

// TestReanchorCutParagraphNeverTakesACopy deletes a paragraph and, in the same save, pastes a
// copy of another paragraph that stays, or types that paragraph again with one word changed.
// The cut paragraph's words are gone, so each comment on them is detached: the new paragraph
// shares words with the cut one, but they were never its words, and the paragraph it copies is
// the nearer match.
func TestReanchorCutParagraphNeverTakesACopy(t *testing.T) {
	cut := "“No comment,” Zoë said. Smith said the council met on Tuesday."
	kept := "The council said the bridge was sound. Smith said the council met on Tuesday."
	retyped := "The council said the bridge was sound. Smith said the council met on Monday."
	police := "Police said the road was closed until Friday."
	residents := "Residents said the bridge was safe and the road was closed."
	for _, tc := range []struct {
		name     string
		old, new []string
	}{
		{"RetypedAtTheEnd", []string{cut, police, kept, residents}, []string{police, kept, residents, retyped}},
		{"RetypedAtTheStart", []string{police, cut, residents, kept}, []string{retyped, police, residents, kept}},
		{"RetypedBesideTheOriginal", []string{cut, police, kept, residents}, []string{police, kept, retyped, residents}},
		{"PastedCopy", []string{cut, police, kept, residents}, []string{police, kept, residents, kept}},
	} {
		for _, words := range []string{"Smith said", "council met", "said the"} {
			t.Run(tc.name+"/"+words, func(t *testing.T) {
				old, text := strings.Join(tc.old, "\n"), strings.Join(tc.new, "\n")
				in := slices.Index(tc.old, cut)
				s := utf8.RuneCountInString(strings.Join(tc.old[:in], "\n")) + min(in, 1) + utf8.RuneCountInString(cut[:strings.Index(cut, words)])
				sel, err := anchor.New(old, s, s+utf8.RuneCountInString(words))
				if err != nil {
					t.Fatal(err)
				}
				got := anchor.Reanchor(old, text, []anchor.Selector{sel})[0]
				if got.Status != anchor.Detached {
					line := strings.Count(string([]rune(text)[:got.Start]), "\n")
					t.Errorf("comment on %q of the cut paragraph went to %d (%v), paragraph %d: %q", sel.Exact, got.Start, got.Status, line, tc.new[line])
				}
			})
		}
	}
}

// TestReanchorMovedTwinsNoneEdited moves paragraphs among copies of one paragraph in a save that
// edits none: a comment on a copy follows it to where the whole text's diff puts it, as no
// paragraph was moved and edited at once.
func TestReanchorMovedTwinsNoneEdited(t *testing.T) {
	cafe := "The café owner said the road was closed."
	bridge := "The council said the bridge was sound. “No comment,” Zoë said."
	owner := "The owner said the council was late."
	residents := "Residents said the bridge was safe and the road was closed."
	smith := "Smith said the council met on Tuesday."
	safe := "The council said the bridge was safe."
	for _, tc := range []struct {
		name     string
		old, new []string
		in, to   int // the copy of cafe commented on, before and after
	}{
		{"LastCopySwapped", []string{cafe, bridge, owner, cafe, owner, cafe, residents, smith}, []string{bridge, owner, cafe, cafe, owner, residents, cafe, smith}, 5, 6},
		{"LastCopySwappedAmongTwins", []string{cafe, bridge, safe, owner, cafe, owner, safe, cafe, residents, smith}, []string{bridge, safe, owner, cafe, cafe, owner, safe, residents, cafe, smith}, 7, 8},
	} {
		t.Run(tc.name, func(t *testing.T) {
			old, text := strings.Join(tc.old, "\n"), strings.Join(tc.new, "\n")
			at := func(ps []string, i int) int {
				return utf8.RuneCountInString(strings.Join(ps[:i], "\n")) + min(i, 1) + utf8.RuneCountInString(cafe[:strings.Index(cafe, "was closed")])
			}
			s := at(tc.old, tc.in)
			sel, err := anchor.New(old, s, s+len("was"))
			if err != nil {
				t.Fatal(err)
			}
			got := anchor.Reanchor(old, text, []anchor.Selector{sel})[0]
			want := at(tc.new, tc.to)
			if got.Status == anchor.Detached || got.Start != want {
				line := strings.Count(string([]rune(text)[:max(got.Start, 0)]), "\n")
				t.Errorf("comment on %q went to %d (%v, paragraph %d), want %d (paragraph %d)", sel.Exact, got.Start, got.Status, line, want, tc.to)
			}
		})
	}
}
