package store_test

import (
	"fmt"
	"testing"
	"unicode/utf8"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestRestoreDetachesCommentOnCopyOfCutWords replays the mixed histories of seeds 201, 459 and
// 510 (see TestRandomMixedHistories), their saves and comments: the last comment is made on
// words a paste of the piece after itself typed, and the body is then restored to a version from
// before the paste. Walking back, the comment is detached undoing the paste; the one diff puts it
// on look-alike words of the restored text, "The council" or "said;" for "said.", which carried
// back along the walk are lost over a save that cut them before the paste, as words cut and
// typed back again would be. But the paste copied the comment's words, with their context, from
// the text it was saved on: they are a copy, not the look-alikes typed back, and the comment must
// be detached rather than put on words it was not made on: by the save that restores, and by a
// reopening, when the comment was resolved before the restore (see carry).
func TestRestoreDetachesCommentOnCopyOfCutWords(t *testing.T) {
	// made is a comment made on words, at start, after bodies[at] is saved.
	type made struct {
		at, start int
		words     string
	}
	for _, tc := range []struct {
		seed int
		// bodies are saved in turn, from version 2, and restore, an earlier version's text, last.
		restore  string
		comments []made
		bodies   []string
	}{
		{seed: 201, restore: "The council said the bridge was safe. “No comment,” Zoë said.\n“No comment,” Zoë said. The council said the bridge was safe.\nThe council said the bridge was safe! “No comment,” Zoë said.", comments: []made{{0, 136, "said"}, {1, 86, "The council"}, {2, 136, "said"}, {6, 86, "The council"}, {6, 98, "said"}, {6, 56, "said."}, {9, 350, "said."}, {10, 186, "said"}, {10, 254, "said."}, {12, 136, "said"}, {12, 515, "The council"}}, bodies: []string{
			"The council said the bridge was safe. “No comment,” Zoë said.\n“No comment,” Zoë said. The council said the bridge was safe.\nThe council said the bridge was safe. “No comment,” Zoë said.",
			"The council said the bridge was safe. “No comment,” Zoë said.\n“No comment,” Zoë said. The council said the bridge was safe.\nThe council said the bridge was safe! “No comment,” Zoë said.",
			"The council said the bridge was safe. “No comment,” Zoë said.\n“No comment,” Zoë said. The council said the bridge was safe.\nThe council said the bridge was safe. “No comment,” Zoë said.",
			"The council said the bridge was safe. “No comment,” Zoë said.\n“No comment,” Zoë said. The council said the bridge was safe.\nThe said the bridge was safe. “No comment,” Zoë said.",
			"The council said the bridge was safe. “No comment,” Zoë said.\n“No comment,” Zoë said. The council said the bridge was safe.\nThe council said the bridge was safe. “No comment,” Zoë said.",
			"The council said the bridge was safe. “No comment,” Zoë said.\n“No comment,” Zoë said. The council said the bridge was safe.\nThe said the bridge was safe. “No comment,” Zoë said.",
			"The council said the bridge was safe. “No comment,” Zoë said.\n“No comment,” Zoë said. The council said the bridge was safe.\nThe said the bridge was safe. “No comment,” Zoë said.\nThe council said the bridge was safe? “No comment,” Zoë said.\n“No comment,” Zoë said. The council said the bridge was safe.\nThe said the bridge was safe. “No comment,” Zoë said.",
			"The council said the bridge was safe. “No comment,” Zoë said.\n“No comment,” Zoë said. The council said the bridge was safe.\nThe said the bridge was safe. “No comment,” Zoë said.\nThe council said the bridge was safe? “No comment,” Zoë said.\n“No comment,” Zoë said. The council the bridge was safe.\nThe said the bridge was safe. “No comment,” Zoë said.",
			"The council said the bridge was safe. “No comment,” Zoë said.\n“No comment,” Zoë said. The council said the bridge was safe.\nThe said the bridge was safe. “No comment,” Zoë said.\nThe council said the bridge was safe? “No comment,” Zoë said.\n“No comment,” Zoë said. The council said the bridge was safe.\nThe said the bridge was safe. “No comment,” Zoë said.",
			"The council said the bridge was safe; “No comment,” Zoë said.\n“No comment,” Zoë said. The council said the bridge was safe.\nThe said the bridge was safe. “No comment,” Zoë said.\nThe council said the bridge was safe? “No comment,” Zoë said.\n“No comment,” Zoë said. The council said the bridge was safe.\nThe said the bridge was safe. “No comment,” Zoë said.",
			"The council said the bridge was safe; “No comment,” Zoë said.\n“No comment,” Zoë said. The council said the bridge was safe.\nThe council said the bridge was safe? “No comment,” said.\nThe said the bridge was safe. “No comment,” Zoë said.\n“No comment,” Zoë said. The council said the bridge was safe.\nThe said the bridge was safe. “No comment,” Zoë said.",
			"The council said the bridge was safe; “No comment,” Zoë said.\n“No comment,” Zoë said. The council said the bridge was safe.\nThe council said the bridge was safe? “No comment,” said.\nThe said the bridge was safe. “No comment,” Zoë said.\n“No comment,” Zoë said. The council said the bridge was safe.\nThe said the bridge was safe. “No comment,” Zoë said.\nThe council said the bridge was safe; “No comment,” Zoë said.\n“No comment,” Zoë said? The council said the bridge was safe.\nThe council said the bridge was safe? “No comment,” said.\nThe said the bridge was safe. “No comment,” Zoë said.\n“No comment,” Zoë said. The council said the bridge was safe.\nThe said the bridge was safe. “No comment,” Zoë said.",
			"The council said the bridge was safe; “No comment,” Zoë said.\n“No comment,” Zoë said. The council said the bridge was safe.\nThe council said the bridge was safe? “No comment,” said.\nThe said the bridge was safe. “No comment,” Zoë said.\n“No comment,” Zoë said. The council said the bridge was safe. Smith said the council met on Tuesday.\nThe said the bridge was safe. “No comment,” Zoë said.\nThe council said the bridge was safe; “No comment,” Zoë said.\n“No comment,” Zoë said? The council said the bridge was safe.\nThe council said the bridge was safe? “No comment,” said.\nThe said the bridge was safe. “No comment,” Zoë said.\n“No comment,” Zoë said. The council said the bridge was safe.\nThe said the bridge was safe. “No comment,” Zoë said.",
		}},
		{seed: 459, restore: "The council said the bridge was safe. The council said the bridge was safe.\n“No comment,” Zoë said. The café owner said the council was late.\nThe café owner said the council was late. “No comment,” Zoë said.", comments: []made{{4, 115, "said"}, {4, 214, "said"}, {6, 126, "said."}, {10, 105, "said"}, {10, 132, "The council"}, {14, 376, "said"}, {14, 251, "said"}, {14, 434, "The council"}}, bodies: []string{
			"The council said the bridge was safe. The council said the bridge was safe.\nThe café owner said the council was late. “No comment,” Zoë said.\n“No comment,” Zoë said. The café owner said the council was late.",
			"The council said the bridge was safe. The council said the bridge was safe.\n“No comment,” Zoë said. The café owner said the council was late.\nThe café owner said the council was late. “No comment,” Zoë said.",
			"The council said the bridge was safe. The council said the bridge was safe.\n“No comment,” Zoë said. The café owner said the council was late.\nThe café owner said the council was late. “No comment,” Zoë said.\nThe council said the bridge was safe. The council said the bridge was safe.\n“No comment,” Zoë said. The café owner said the council was late.\nThe café owner said the council was late? “No comment,” Zoë said.",
			"The council said the bridge was safe. The council said the bridge was safe.\n“No comment,” Zoë said. The café owner said the council was late.\nThe café owner said the council was late. “No comment,” Zoë said.",
			"The council said the bridge was safe. The council said the bridge was safe.\n“No comment,” Zoë said. The café owner said the council was late.\nThe café owner said the council was late. “No comment,” Zoë said. Smith said the council met on Tuesday.",
			"The council said the bridge was safe. The council said the bridge was safe.\n“No comment,” Zoë said. The café owner said the council was late.\nThe café owner said the council was late. “No comment,” Zoë said.",
			"“No comment,” Zoë said. The café owner said the council was late.\nThe café owner said the council was late. “No comment,” Zoë said.\nThe council said the bridge was safe. The council said the bridge was safe.",
			"“No comment,” Zoë said. The café owner said the council was late.\nThe council said the bridge was safe. The council said the bridge was safe.\nThe café owner the council was late. “No comment,” Zoë said.",
			"The council said the bridge was safe. The council said the bridge was safe.\nThe café owner said the council was late. “No comment,” Zoë said.\n“No comment,” Zoë said. The café owner said the council was late.",
			"The café owner said the council was late. “No comment,” Zoë said.\nThe council said the bridge was safe. The council said the bridge was\n“No comment,” Zoë said. The café owner said the council was late.",
			"The café owner said the council was late. “No comment,” Zoë said.\n“No comment,” Zoë said. The café owner said the council was late.\nThe council said the bridge was safe. The council said the bridge was",
			"The café owner said the council was late. “No comment,” Zoë said.\n“No comment,” Zoë said. The café owner said the council was late.\nThe council said the bridge was safe. The council said the bridge was The council said the bridge was safe.",
			"The council said the bridge was safe. The council said the bridge was The council said the bridge was safe.\nThe café owner said the council was late. “No comment,” Zoë said.\n“No comment,” Zoë said. The café owner said the council was late.",
			"The café owner said the council was late. “No comment,” Zoë said.\n“No comment,” Zoë said. The café owner said the council was late.\ncouncil said the bridge was safe. The council said the bridge was The council said the bridge was safe.",
			"The café owner said the council was late. “No comment,” Zoë said.\n“No comment,” Zoë said. The café owner said the council was late.\ncouncil said the bridge was safe. The council said the bridge was The council said the bridge was safe.\nThe café owner said the council was late. “No comment,” Zoë said.\n“No comment,” Zoë said? The café owner said the council was late.\ncouncil said the bridge was safe. The council said the bridge was The council said the bridge was safe.",
			"“No Zoë said. The café owner said the council was late.\nThe café owner said the council was late. “No comment,” Zoë said.\ncouncil said the bridge was safe. The council said the bridge was The council said the bridge was safe.\nThe café owner said the council was late. “No comment,” Zoë said.\n“No comment,” Zoë said? The café owner said the council was late.\ncouncil said the bridge was safe. The council said the bridge was The council said the bridge was safe.",
			"“No Zoë said. The café owner said the council was late. “No comment,” Zoë said.\nThe café owner said the council was late. “No comment,” Zoë said.\ncouncil said the bridge was safe. The council said the bridge was The council said the bridge was safe.\nThe café owner said the council was late. “No comment,” Zoë said.\n“No comment,” Zoë said? The café owner said the council was late.\ncouncil said the bridge was safe. The council said the bridge was The council said the bridge was safe.",
			"“No Zoë said. The café owner said the council was late. “No comment,” Zoë said.\nThe café owner said the council was late. “No comment,” Zoë said.\ncouncil said the bridge was safe. The council said the bridge was The council said the bridge was safe.\nThe café owner said the council was late. “No comment,” Zoë said.\n“No comment,” Zoë said? The café owner said the council was late.\ncouncil said the bridge was safe. The council said the bridge was The council said the bridge was safe. The café owner said the council was late.",
			"“No Zoë said. The café owner said the council was late. “No comment,” Zoë said.\nThe café owner said the council was late. “No comment,” Zoë said.\ncouncil said the bridge was safe. The council said the bridge was The council said the bridge was safe.\nThe café owner said the council was late. “No comment,” Zoë said.\n“No comment,” Zoë said? The café owner said the council was late.\ncouncil said the bridge was safe. The council said the bridge was The council said the bridge was safe.",
			"“No Zoë said. The café owner said the council was late. “No comment,” Zoë said.\nThe café owner said the council was late. “No comment,” Zoë said.\ncouncil said the bridge was safe. The council said the bridge was The council said the bridge was safe.\nThe café owner said the council was late. “No comment,” Zoë said.\n“No comment,” Zoë said? The café owner said the council was late.\ncouncil said the bridge was safe. The council said the bridge was The council said the bridge was safe. The council said the bridge was safe.",
		}},
		{seed: 510, restore: "The council said the bridge was safe. Smith said the council met on Tuesday.\n“No comment,” Zoë said; The café owner said the council was late.\nThe café owner said the council was late. The café owner said the council was late.", comments: []made{{7, 57, "said"}, {8, 189, "said"}, {18, 58, "the council"}, {19, 437, "said."}}, bodies: []string{
			"“No comment,” Zoë said. The café owner said the council was late.\nThe council said the bridge was safe. Smith said the council met on Tuesday.\nThe café owner said the council was late. The café owner said the council was late.",
			"The council said the bridge was safe. Smith said the council met on Tuesday.\n“No comment,” Zoë said. The café owner said the council was late.\nThe café owner said the council was late. The café owner said the council was late.",
			"The council said the bridge was safe. Smith said the council met on Tuesday.\n“No comment,” Zoë said. The café owner said the council was late.\nThe café owner said the council was late. The café owner said the council was late.\nThe council said the bridge was safe. Smith said the council met on Tuesday.\n“No comment,” Zoë said. The café owner said the council was late.\nThe café owner said the council was late? The café owner said the council was late.",
			"The council said the bridge was safe. Smith said the council met on Tuesday.\n“No comment,” Zoë said. The café owner said the council was late.\nThe café owner said the council was late. The café owner said the council was late.",
			"The council said the bridge was safe. Smith said the council met on Tuesday.\n“No comment,” Zoë said; The café owner said the council was late.\nThe café owner said the council was late. The café owner said the council was late.",
			"“No comment,” Zoë said. The café owner said the council was late.\nThe council said the bridge was safe. Smith said the council met on Tuesday.\nThe café owner said the council was late. The café owner said the council was late.",
			"“No comment,” Zoë said. The café owner said the council was late.\nThe café owner said the council was late. The café owner said the council was late.\nThe council the bridge was safe. Smith said the council met on Tuesday.",
			"The café owner said the council was late. The café owner said the council was late.\nThe council the bridge was safe. Smith said the council met on Tuesday.\n“No comment,” Zoë said. The café owner said the council was late.",
			"“No comment,” Zoë said. The café owner said the council was late.\nThe café owner said the council was late. The café owner said the council was late.\nThe council the bridge was safe. Smith said the council met on Tuesday.",
			"“No comment,” Zoë said? The café owner said the council was late.\nThe café owner said the council was late. The café owner said the council was late.\nThe council the bridge was safe. Smith said the council met on Tuesday.",
			"“No comment,” Zoë said? café owner said the council was late.\nThe café owner said the council was late. The café owner said the council was late.\nThe council the bridge was safe. Smith said the council met on Tuesday.",
			"The café owner said the council was late. The café owner said the council was late.\n“No comment,” Zoë said? café said the council was late.\nThe council the bridge was safe. Smith said the council met on Tuesday.",
			"The café owner said the council was late. The café owner said the council was late.\n“No comment,” Zoë said? café said the council was late. “No comment,” Zoë said.\nThe council the bridge was safe. Smith said the council met on Tuesday.",
			"The café owner said the council was late; The café owner said the council was late.\n“No comment,” Zoë said? café said the council was late. “No comment,” Zoë said.\nThe council the bridge was safe. Smith said the council met on Tuesday.",
			"“No comment,” Zoë said? café said the council was late. “No comment,” Zoë said.\nThe café owner said the council was late; The café owner said the council was late.\nThe council the bridge was safe. Smith said the council met on Tuesday.",
			"“No comment,” Zoë café said the council was late. “No comment,” Zoë said.\nThe café owner said the council was late; The café owner said the council was late.\nThe council the bridge was safe. Smith said the council met on Tuesday.",
			"“No comment,” Zoë café said the council was late. “No comment,” Zoë said. “No comment,” Zoë said.\nThe café owner said the council was late; The café owner said the council was late.\nThe council the bridge was safe. Smith said the council met on Tuesday.",
			"“No comment,” Zoë café said the council was late. “No comment,” Zoë said. “No comment,” Zoë said.\nThe café owner said the council was late; The café owner said the council was late.\nThe council the bridge was safe. Smith said the council met on Tuesday. Smith said the council met on Tuesday.",
			"The café owner said the council late; The café owner said the council was late.\n“No comment,” Zoë café said the council was late. “No comment,” Zoë said. “No comment,” Zoë said.\nThe council the bridge was safe. Smith said the council met on Tuesday. Smith said the council met on Tuesday.",
			"The café owner said the council late; The café owner said the council was late.\n“No comment,” Zoë café said the council was late. “No comment,” Zoë said. “No comment,” Zoë said.\nThe council the bridge was safe. Smith said the council met on Tuesday. Smith said the council met on Tuesday.\nThe café owner said the council late; The café owner said the council was late.\n“No comment,” Zoë café said the council was late. “No comment,” Zoë said. “No comment,” Zoë said.\nThe council the bridge was safe? Smith said the council met on Tuesday. Smith said the council met on Tuesday.",
			"The café owner said the council late; The café owner said the council was late.\n“No comment,” Zoë café said the council was late. “No comment,” Zoë said. “No comment,” Zoë said.\nThe council the bridge was safe. Smith said the council met on Tuesday. Smith said the council met on Tuesday.\nThe café owner said the council late; The café owner said the council was late.\n“No comment,” Zoë café said the council was late. “No comment,” Zoë said. “No comment,” Zoë said. Smith said the council met on Tuesday.\nThe council the bridge was safe? Smith said the council met on Tuesday. Smith said the council met on Tuesday.",
		}},
	} {
		for _, reopen := range []bool{false, true} {
			t.Run(fmt.Sprintf("Seed%d/reopened=%v", tc.seed, reopen), func(t *testing.T) {
				f := newNewsroom(t)
				d := f.draftIn(t, newsroom.StageEditing)
				version := d.Version
				save := func(body string) {
					t.Helper()
					saved, err := f.s.UpdateDraft(f.editor, d.ID, newsroom.DraftUpdate{Body: &body, Version: version})
					if err != nil {
						t.Fatal(err)
					}
					version = saved.Version
				}
				var last int64
				for i, body := range tc.bodies {
					save(body)
					for _, m := range tc.comments {
						if m.at != i {
							continue
						}
						start, end := m.start, m.start+utf8.RuneCountInString(m.words)
						c, err := f.s.CreateComment(f.editor, d.ID, newsroom.NewComment{Field: "body", Start: &start, End: &end, Body: "Who?"})
						if err != nil {
							t.Fatal(err)
						}
						if c.Anchor.Exact != m.words {
							t.Fatalf("a comment is made on %q, want %q", c.Anchor.Exact, m.words)
						}
						last = c.ID
					}
				}
				if reopen {
					if _, err := f.s.ResolveComment(f.editor, last); err != nil {
						t.Fatal(err)
					}
				}
				save(tc.restore)
				if reopen {
					if _, err := f.s.ReopenComment(f.editor, last); err != nil {
						t.Fatal(err)
					}
				}
				cs, err := f.s.Comments(f.editor, d.ID)
				if err != nil {
					t.Fatal(err)
				}
				found := false
				for _, c := range cs {
					if c.ID != last {
						continue
					}
					found = true
					if !c.Detached {
						t.Errorf("the comment made on %q of a paste is on %q at %d of the restored text, which has none of the paste's words", tc.comments[len(tc.comments)-1].words, c.Anchor.Exact, c.Anchor.Start)
					}
				}
				if !found {
					t.Fatal("the comment is gone")
				}
			})
		}
	}
}
