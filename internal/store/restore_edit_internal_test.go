package store

import (
	"testing"
	"unicode/utf8"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// editBodies are the versions of TestEditBackToAnEarlierText's histories: words typed, cut,
// typed again with more at the end, the end touched, and so on.
const (
	editBase  = "A council met. Smith spoke."
	editLee   = "A council met. Lee said the council met. Smith spoke."
	editMore  = "A council met. Lee said the council met. Smith spoke. More."
	editBang  = "A council met. Lee said the council met. Smith spoke! More."
	editQuery = "A council met. Lee said the council met. Smith spoke? More."
)

// TestEditBackToAnEarlierText: a save whose text happens to equal an earlier version's, though
// it only cut words away from the comment's, is carried as a restore along the versions, back
// over the save that typed the comment's words and forward over an earlier one that typed them
// too. The restored text has no other copy of them, and the one diff keeps them: the comment
// stays on them, when it is open at the save and when it is reopened after it.
func TestEditBackToAnEarlierText(t *testing.T) {
	for _, tc := range []struct {
		name   string
		bodies []string // saved in turn after editBase; the comment is made on the last
	}{
		{"TypedCutTypedAgainWithMore", []string{editLee, editBase, editMore}},
		{"TypedCutTypedAgainWithMoreThenAStop", []string{editLee, editBase, editMore, editBang}},
		{"TypedCutMoreThenTypedAgain", []string{editLee, editBase, editBase + " More.", editMore}},
		{"TypedCutMoreTypedAgainThenAStop", []string{editLee, editBase, editBase + " More.", editMore, editQuery}},
		{"TypedWithMoreCutTypedAgain", []string{editLee, editMore, editBase + " More.", editMore, editQuery}},
	} {
		for _, reopen := range []bool{false, true} {
			name := tc.name
			if reopen {
				name += "Reopened"
			}
			t.Run(name, func(t *testing.T) {
				s, writer, editor := restoreSetup(t)
				d, err := s.CreateDraft(writer, newsroom.Text{Title: "Bridge", Byline: "Sarah", Body: editBase})
				if err != nil {
					t.Fatal(err)
				}
				save := func(b string) {
					t.Helper()
					if d, err = s.UpdateDraft(writer, d.ID, newsroom.DraftUpdate{Body: &b, Version: d.Version}); err != nil {
						t.Fatal(err)
					}
				}
				for _, b := range tc.bodies {
					save(b)
				}
				start := occurrence(tc.bodies[len(tc.bodies)-1], "Lee said", 0)
				end := start + utf8.RuneCountInString("Lee said")
				c, err := s.CreateComment(editor, d.ID, newsroom.NewComment{Field: "body", Start: &start, End: &end, Body: "Who?"})
				if err != nil {
					t.Fatal(err)
				}
				if reopen {
					if _, err := s.ResolveComment(editor, c.ID); err != nil {
						t.Fatal(err)
					}
				}
				save(editLee)
				got := commentAfter(t, s, editor, d.ID, c.ID)
				if reopen {
					r, err := s.ReopenComment(editor, c.ID)
					if err != nil {
						t.Fatal(err)
					}
					got = *r
				}
				if want := occurrence(editLee, "Lee said", 0); got.Detached || got.Anchor.Start != want || got.Anchor.Exact != "Lee said" {
					t.Errorf("the comment on %q is on %q at %d, detached %v; want it kept at %d", "Lee said", got.Anchor.Exact, got.Anchor.Start, got.Detached, want)
				}
			})
		}
	}
}
