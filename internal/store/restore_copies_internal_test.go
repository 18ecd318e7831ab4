package store

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestRestoreOfCopies saves bodies one after another, puts a comment on an occurrence of words
// the piece repeats after a paste of itself, and saves an earlier body again, as an undo or a
// restore does. The restored body has a copy of the comment's words, but not always the words
// themselves: a comment on words that a paste typed, or a copy of them that a later paste typed
// again, is detached, never put on the copy; one on words the restored body has keeps them.
func TestRestoreOfCopies(t *testing.T) {
	a := "The council met. Lee said: “No comment.”\nResidents wrote to the council. “No comment,” said Smith."
	a2 := strings.Replace(a, "met.", "met!", 1)
	a3 := strings.Replace(a, "council.", "council?", 1)
	for _, tc := range []struct {
		name   string
		bodies []string // saved in turn after a, the first version
		at     int      // the comment is made after the save of bodies[at]
		on     string
		nth    int    // which occurrence of on, from 0
		then   string // the body saved at the end
		want   int    // which occurrence of on in then it must be on, -1 for detached
	}{
		{"UndoOfAPasteOnTheCopy", []string{a + "\n" + a}, 0, "said Smith.", 1, a, -1},
		{"UndoOfAPasteOnTheOriginal", []string{a + "\n" + a}, 0, "said Smith.", 0, a, 0},
		{"RestoreFromBeforeAPasteOnTheCopy", []string{a2, a2 + "\n" + a2, a2 + "\n" + strings.Replace(a2, "Lee", "Dr. Lee", 1)}, 2, "said Smith.", 1, a, -1},
		{"RestoreFromBeforeAPasteOnTheOriginal", []string{a2, a2 + "\n" + a2, a2 + "\n" + strings.Replace(a2, "Lee", "Dr. Lee", 1)}, 2, "said Smith.", 0, a, 0},
		{"RestoreOfAnotherPasteOnTheCopy", []string{a + "\n" + a, a2 + "\n" + a, a, a3, a3 + "\n" + a3}, 4, "said Smith.", 1, a2 + "\n" + a, -1},
		{"RestoreOfAnotherPasteOnTheOriginal", []string{a + "\n" + a, a2 + "\n" + a, a, a3, a3 + "\n" + a3}, 4, "said Smith.", 0, a2 + "\n" + a, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, writer, editor := restoreSetup(t)
			d, err := s.CreateDraft(writer, newsroom.Text{Title: "Bridge", Byline: "Sarah", Body: a})
			if err != nil {
				t.Fatal(err)
			}
			save := func(b string) {
				t.Helper()
				if d, err = s.UpdateDraft(writer, d.ID, newsroom.DraftUpdate{Body: &b, Version: d.Version}); err != nil {
					t.Fatal(err)
				}
			}
			var c *newsroom.Comment
			for i, b := range tc.bodies {
				save(b)
				if i == tc.at {
					start := occurrence(b, tc.on, tc.nth)
					end := start + utf8.RuneCountInString(tc.on)
					if c, err = s.CreateComment(editor, d.ID, newsroom.NewComment{Field: "body", Start: &start, End: &end, Body: "Who?"}); err != nil {
						t.Fatal(err)
					}
				}
			}
			save(tc.then)
			got := commentAfter(t, s, editor, d.ID, c.ID)
			switch {
			case tc.want < 0 && !got.Detached:
				t.Errorf("the comment on copy %d of %q is on %q at %d of %q, want it detached", tc.nth, tc.on, got.Anchor.Exact, got.Anchor.Start, tc.then)
			case tc.want >= 0 && (got.Detached || got.Anchor.Start != occurrence(tc.then, tc.on, tc.want)):
				t.Errorf("the comment on copy %d of %q is at %d (detached %v), want %d", tc.nth, tc.on, got.Anchor.Start, got.Detached, occurrence(tc.then, tc.on, tc.want))
			}
		})
	}
}

// occurrence is where, in code points, the nth occurrence of on in body starts.
func occurrence(body, on string, nth int) int {
	at := 0
	for range nth {
		at += strings.Index(body[at:], on) + len(on)
	}
	return utf8.RuneCountInString(body[:at+strings.Index(body[at:], on)])
}
