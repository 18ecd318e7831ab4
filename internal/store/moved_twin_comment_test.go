package store_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestCommentFollowsAMovedEditedParagraph moves a paragraph and edits it in the same save, one of
// its sentences repeated whole in another paragraph, and checks that a comment on the council
// in that sentence goes with the paragraph that moved, never to the twin that stayed, whichever
// way the paragraph moved (to the top, to the end, or just past the twin), wherever the twin
// stands and wherever the edit is: before the sentence, in it on either side of the comment's
// words, or after it.
func TestCommentFollowsAMovedEditedParagraph(t *testing.T) {
	const repeated = "Smith said the council met on Tuesday."
	moved := "Lee opened the meeting. " + repeated + " Residents left early."
	twin := "Jones spoke first. " + repeated
	fillers := []string{"The bridge was shut for a week.", "Engineers found a crack in a pier.", "Traffic went round by the ring road."}
	edits := []struct{ name, from, to string }{
		{"EditBefore", "Lee opened the meeting.", "Lee opened the long meeting."},
		{"EditInsideBefore", "Smith said the council", "Mr. Smith said the council"},
		{"EditInsideAfter", "the council met on Tuesday.", "the council met late on Tuesday."},
		{"EditAfter", "Residents left early.", "Residents left before noon."},
	}
	// Where the paragraph goes among the others, given where the twin is among them.
	moves := []struct {
		name  string
		where func(rest []string) int
	}{
		{"ToTheTop", func([]string) int { return 0 }},
		{"ToTheEnd", func(rest []string) int { return len(rest) }},
		{"PastTheTwin", nil},
	}
	for _, twinFirst := range []bool{true, false} {
		for _, m := range moves {
			for _, e := range edits {
				name := fmt.Sprintf("Twin%s/Moved%s/%s", map[bool]string{true: "Before", false: "After"}[twinFirst], m.name, e.name)
				t.Run(name, func(t *testing.T) {
					a, b := moved, twin
					if twinFirst {
						a, b = twin, moved
					}
					old := []string{fillers[0], a, fillers[1], b, fillers[2]}
					edited := strings.Replace(moved, e.from, e.to, 1)
					rest := slices.DeleteFunc(slices.Clone(old), func(p string) bool { return p == moved })
					at := slices.Index(rest, twin)
					switch {
					case m.where != nil:
						at = m.where(rest)
					case !twinFirst:
						at++
					}
					next := slices.Insert(slices.Clone(rest), at, edited)
					before, after := strings.Join(old, "\n"), strings.Join(next, "\n")
					f := newNewsroom(t)
					d := f.draftIn(t, newsroom.StageEditing)
					d, err := f.s.UpdateDraft(f.editor, d.ID, newsroom.DraftUpdate{Body: &before, Version: d.Version})
					if err != nil {
						t.Fatal(err)
					}
					start := runeAt(before, strings.Index(before, moved)+strings.Index(moved, "the council"))
					end := start + utf8.RuneCountInString("the council")
					c, err := f.s.CreateComment(f.editor, d.ID, newsroom.NewComment{Field: "body", Start: &start, End: &end, Body: "Which meeting?"})
					if err != nil {
						t.Fatal(err)
					}
					if _, err := f.s.UpdateDraft(f.editor, d.ID, newsroom.DraftUpdate{Body: &after, Version: d.Version}); err != nil {
						t.Fatal(err)
					}
					cs, err := f.s.Comments(f.editor, d.ID)
					if err != nil || len(cs) != 1 || cs[0].ID != c.ID {
						t.Fatalf("comments = %+v, %v; want the one made", cs, err)
					}
					want := runeAt(after, strings.Index(after, edited)+strings.Index(edited, "the council"))
					if got := cs[0]; got.Detached || got.Anchor.Start != want || got.Anchor.Exact != "the council" {
						t.Errorf("the comment on %q is at %d (%q, detached %v), want %d, in the paragraph moved:\n%s", "the council", got.Anchor.Start, got.Anchor.Exact, got.Detached, want, after)
					}
				})
			}
		}
	}
}

// runeAt is the offset in code points of byte offset i of s.
func runeAt(s string, i int) int { return utf8.RuneCountInString(s[:i]) }

// TestCommentStaysOnTheTwinOfAMovedEditedParagraph moves a paragraph to where the comment's
// paragraph stood and edits it so that it opens with the sentence the comment is in, and checks
// that the comment stays in its own paragraph, moved down whole, rather than going to the
// edited one: the word diff pairs the sentence with the edited paragraph's, which now stands
// where the comment's stood.
func TestCommentStaysOnTheTwinOfAMovedEditedParagraph(t *testing.T) {
	const opening = "“No comment,” Zoë said."
	own := opening + " The council said the bridge was safe."
	tests := []struct {
		name          string
		moved, edited string // the paragraph that moves, before and after its edit
		on            string // the comment's words in own's opening
	}{
		{"NameTypedBack", "“No comment,” said. Smith said the council met Tuesday.", opening + " Smith said the council met Tuesday.", "said."},
		{"NameTypedBackOnTheName", "“No comment,” said. Smith said the council met Tuesday.", opening + " Smith said the council met Tuesday.", "Zoë"},
		{"StopChanged", "“No comment,” Zoë said? Smith said the council met Tuesday.", opening + " Smith said the council met Tuesday.", "said."},
		{"SentenceCut", "Lee spoke. “No comment,” Zoë said. Smith said the council met Tuesday.", opening + " Smith said the council met Tuesday.", "said."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			middle := "“No comment,” Zoë said. Smith said the council met on Tuesday."
			before := strings.Join([]string{own, middle, tt.moved}, "\n")
			after := strings.Join([]string{tt.edited, own, middle}, "\n")
			f := newNewsroom(t)
			d := f.draftIn(t, newsroom.StageEditing)
			d, err := f.s.UpdateDraft(f.editor, d.ID, newsroom.DraftUpdate{Body: &before, Version: d.Version})
			if err != nil {
				t.Fatal(err)
			}
			start := runeAt(before, strings.Index(before, tt.on))
			end := start + utf8.RuneCountInString(tt.on)
			if _, err := f.s.CreateComment(f.editor, d.ID, newsroom.NewComment{Field: "body", Start: &start, End: &end, Body: "Who?"}); err != nil {
				t.Fatal(err)
			}
			if _, err := f.s.UpdateDraft(f.editor, d.ID, newsroom.DraftUpdate{Body: &after, Version: d.Version}); err != nil {
				t.Fatal(err)
			}
			cs, err := f.s.Comments(f.editor, d.ID)
			if err != nil || len(cs) != 1 {
				t.Fatalf("comments = %+v, %v; want the one made", cs, err)
			}
			at := strings.Index(after, own)
			want := runeAt(after, at+strings.Index(own, tt.on))
			if got := cs[0]; got.Detached || got.Anchor.Start != want {
				t.Errorf("the comment on %q is at %d (%q, detached %v), want %d, in its own paragraph:\n%s", tt.on, got.Anchor.Start, got.Anchor.Exact, got.Detached, want, after)
			}
		})
	}
}

// TestCommentLeavesNoRepeatedParagraphForItsOwn moves a paragraph that holds a repeated
// paragraph's whole text up past one of its copies and edits it, and checks that a comment in
// it goes with it, and is never put on a copy. The word diff pairs the comment's words with the
// copy, which the texts have as often as before, each time whole: those are the copies' words,
// never the comment's. Where the edit cut a word just before the comment's, the search for its
// words finds a copy's first, and the comment is detached.
func TestCommentLeavesNoRepeatedParagraphForItsOwn(t *testing.T) {
	repeated := "Smith said the council met on Tuesday. The café owner said the council was late."
	own := "“No comment,” Zoë said! " + repeated + " The council said the bridge was safe."
	other := "“No comment,” Zoë said! Smith said the council met on Tuesday. “No comment,” Zoë said."
	tests := []struct {
		name, from, to string
		detached       bool // the comment may be detached rather than follow
	}{
		{"WordCutAfter", "café owner said", "café said", false},
		{"WordCutBefore", "Zoë said! Smith", "said! Smith", true},
		{"StopChanged", "bridge was safe.", "bridge was safe?", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			edited := strings.Replace(own, tt.from, tt.to, 1)
			before := strings.Join([]string{repeated, own, other, repeated}, "\n")
			after := strings.Join([]string{edited, repeated, other, repeated}, "\n")
			f := newNewsroom(t)
			d := f.draftIn(t, newsroom.StageEditing)
			d, err := f.s.UpdateDraft(f.editor, d.ID, newsroom.DraftUpdate{Body: &before, Version: d.Version})
			if err != nil {
				t.Fatal(err)
			}
			word := strings.Index(own, "Smith said") + len("Smith ")
			start := runeAt(before, strings.Index(before, own)+word)
			end := start + utf8.RuneCountInString("said")
			if _, err := f.s.CreateComment(f.editor, d.ID, newsroom.NewComment{Field: "body", Start: &start, End: &end, Body: "Who?"}); err != nil {
				t.Fatal(err)
			}
			if _, err := f.s.UpdateDraft(f.editor, d.ID, newsroom.DraftUpdate{Body: &after, Version: d.Version}); err != nil {
				t.Fatal(err)
			}
			cs, err := f.s.Comments(f.editor, d.ID)
			if err != nil || len(cs) != 1 {
				t.Fatalf("comments = %+v, %v; want the one made", cs, err)
			}
			want := runeAt(after, strings.Index(edited, "Smith said")+len("Smith "))
			if got := cs[0]; !(got.Detached && tt.detached) && (got.Detached || got.Anchor.Start != want) {
				t.Errorf("the comment on %q is at %d (%q, detached %v), want %d, in the paragraph moved:\n%s", "said", got.Anchor.Start, got.Anchor.Exact, got.Detached, want, after)
			}
		})
	}
}
