package store_test

import (
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestDetachedAnchorNamesItsVersion: an anchor's offsets are code points of the field's text at
// its version, detached or not. A comment whose words a save took away was stamped with the
// save's version while it kept its old offsets, which in that version's text cover other
// words: an API client showing the comment in that text would put it on them.
func TestDetachedAnchorNamesItsVersion(t *testing.T) {
	f := newNewsroom(t)
	d := f.draftWith(t, "Council votes on the harbour plan tonight.")
	c := f.commentOn(t, f.editor, d.ID, 0, len("Council"), "Which council?")
	body := "Turnout fell sharply."
	if _, err := f.s.UpdateDraft(f.editor, d.ID, newsroom.DraftUpdate{Body: &body, Version: d.Version}); err != nil {
		t.Fatal(err)
	}
	cs, err := f.s.Comments(f.editor, d.ID)
	if err != nil || len(cs) != 1 || cs[0].ID != c.ID {
		t.Fatalf("Comments = %+v, %v", cs, err)
	}
	a := cs[0].Anchor
	if !cs[0].Detached {
		t.Fatalf("the comment is not detached: %+v", cs[0])
	}
	rev, err := f.s.Revision(f.editor, d.ID, a.Version)
	if err != nil {
		t.Fatal(err)
	}
	if text := []rune(rev.Text.Body); a.End > len(text) || string(text[a.Start:a.End]) != a.Exact {
		t.Fatalf("anchor %+v: version %d's body %q does not hold %q there", a, a.Version, rev.Text.Body, a.Exact)
	}
}
