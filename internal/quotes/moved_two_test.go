package quotes_test

import (
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/quotes"
)

// TestReconcileTwoParagraphsMovedAndEdited moves and edits two paragraphs in one save
// (TestRandomMixedHistories in internal/store, seed 89): Tolkien's paragraph goes from the top
// to the foot and loses "J.", and a copy of the mayor's goes up past "she said" and gains words.
// Both quote "The plan would work", and the paragraph cut from the top must not be taken for
// the one typed higher up: Tolkien's entries all stay on his paragraph, and on no other.
func TestReconcileTwoParagraphsMovedAndEdited(t *testing.T) {
	const (
		tolkien = "J. R. Tolkien said: “We will not close the bridge.” Asked again, J. R. Tolkien said “The plan would work.” Ortiz met Mr. Jones."
		moved   = "J. R. Tolkien said: “We will not close the bridge.” Asked again, R. Tolkien said “The plan would work.” Ortiz met Mr. Jones;"
		ortiz   = "“The plan would work,” said Sen. Ortiz. “No comment,” she said. “No comment,” said J. R. Tolkien on Friday."
		she     = "“The plan would work,” she said."
		mayor   = "The mayor said: “We will not close the bridge.” Asked again, the mayor said “The plan would work.” Asked again after the vote, Ms. Hale said “The plan would work.”"
		edited  = "The mayor said: “We will not close the bridge.” Asked again, the the plan would work mayor said “The plan would work.” Asked again after the vote, Ms. Hale said “The plan would work.”"
		lee     = "“We will not close the bridge,” said Dr. Lee in the U.S.."
	)
	lines := func(ps ...string) string { return strings.Join(ps, "\n") }
	before := lines(tolkien, ortiz, she, mayor, mayor, lee, "Ortiz met Mr. Jones in the U.S..")
	after := lines(ortiz, edited, she, mayor, lee, moved, "Ortiz met Mr. Jones in the U.S.,")
	olds, found := entriesOf(before), entriesOf(after)
	ed := quotes.PrepareEdit(map[string]string{"body": before}, map[string]string{"body": after}, found)
	plan := quotes.Reconcile(olds, found, ed)
	// Code points, as entries count them.
	from, to := len([]rune(tolkien)), len([]rune(lines(ortiz, edited, she, mayor, lee)))+1
	kept, his := 0, 0
	for _, o := range olds {
		if o.End <= from {
			his++
		}
	}
	for _, p := range plan.Kept {
		if olds[p.Old].End > from {
			continue
		}
		kept++
		if n := found[p.New]; n.Start < to || n.End > to+len([]rune(moved)) {
			t.Errorf("Tolkien's %q kept on %q at %d, outside his paragraph at %d", olds[p.Old].Text, n.Text, n.Start, to)
		}
	}
	if kept != his {
		t.Errorf("kept %d of Tolkien's %d entries, though his quotations are unchanged: %+v", kept, his, plan)
	}
}
