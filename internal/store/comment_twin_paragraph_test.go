package store_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestCommentStaysOnTwinParagraphWhenAnotherMovesPast puts a comment on "said" in a paragraph
// the body has twice and nobody edits, then saves the body with the paragraph after it moved
// above it and a word cut from the moved one, whose first words are the twin's. The comment
// must stay on its own paragraph's "said", not the moved paragraph's, which took its offset.
func TestCommentStaysOnTwinParagraphWhenAnotherMovesPast(t *testing.T) {
	f := newNewsroom(t)
	d := f.draftIn(t, newsroom.StageEditing)
	head := "The café owner said the council was late! Smith said the council met on Tuesday; café owner said the council was late."
	twin := "The café owner said the council was late; “No comment,” Zoë said."
	moved := "The café owner said the council late. The council said the bridge was safe."
	cut := "The café owner said the council late. council said the bridge was safe."
	rest := "The café owner said the council was late! Smith said the council met on Tuesday. café owner said the council was late."
	last := "The café owner said the council late? The council said the bridge was safe."
	before := strings.Join([]string{head, twin, moved, rest, twin, last}, "\n")
	after := strings.Join([]string{head, cut, twin, rest, twin, last}, "\n")
	saved, err := f.s.UpdateDraft(f.editor, d.ID, newsroom.DraftUpdate{Body: &before, Version: d.Version})
	if err != nil {
		t.Fatal(err)
	}
	word := utf8.RuneCountInString(twin[:strings.Index(twin, " said")+1])
	start := utf8.RuneCountInString(head+"\n") + word
	end := start + len("said")
	c, err := f.s.CreateComment(f.editor, d.ID, newsroom.NewComment{Field: "body", Start: &start, End: &end, Body: "Who?"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.UpdateDraft(f.editor, d.ID, newsroom.DraftUpdate{Body: &after, Version: saved.Version}); err != nil {
		t.Fatal(err)
	}
	cs, err := f.s.Comments(f.editor, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := utf8.RuneCountInString(head+"\n"+cut+"\n") + word
	for _, x := range cs {
		if x.ID != c.ID {
			continue
		}
		if x.Detached || x.Anchor.Start != want || x.Anchor.Exact != "said" {
			t.Errorf("the comment is on %q at %d (detached %v), want \"said\" at %d in its own paragraph", x.Anchor.Exact, x.Anchor.Start, x.Detached, want)
		}
		return
	}
	t.Fatalf("comment %d is gone", c.ID)
}

// TestCommentStaysWhenLongerTwinMovesPast puts a comment on the first "said." of a paragraph
// the body has once, then saves the body with the paragraph before it, whose words it holds and
// a sentence more, moved below it and "late." cut from that. The comment must stay on its own
// paragraph's "said.", now at the top, not the moved paragraph's.
func TestCommentStaysWhenLongerTwinMovesPast(t *testing.T) {
	f := newNewsroom(t)
	d := f.draftIn(t, newsroom.StageEditing)
	short := "“No comment,” Zoë said. The café owner said the council was late."
	long := "“No comment,” Zoë said. Smith said the council met on Tuesday. The café owner said the council was late."
	quotes := "“No comment,” Zoë said. “No comment,” Zoë said."
	cut := "“No comment,” Zoë said. The café owner said the council was"
	before := strings.Join([]string{short, long, quotes}, "\n")
	after := strings.Join([]string{long, cut, quotes}, "\n")
	saved, err := f.s.UpdateDraft(f.editor, d.ID, newsroom.DraftUpdate{Body: &before, Version: d.Version})
	if err != nil {
		t.Fatal(err)
	}
	word := utf8.RuneCountInString(long[:strings.Index(long, "said.")])
	start := utf8.RuneCountInString(short+"\n") + word
	end := start + len("said.")
	c, err := f.s.CreateComment(f.editor, d.ID, newsroom.NewComment{Field: "body", Start: &start, End: &end, Body: "Who?"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.UpdateDraft(f.editor, d.ID, newsroom.DraftUpdate{Body: &after, Version: saved.Version}); err != nil {
		t.Fatal(err)
	}
	cs, err := f.s.Comments(f.editor, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range cs {
		if x.ID != c.ID {
			continue
		}
		if x.Detached || x.Anchor.Start != word || x.Anchor.Exact != "said." {
			t.Errorf("the comment is on %q at %d (detached %v), want \"said.\" at %d in its own paragraph", x.Anchor.Exact, x.Anchor.Start, x.Detached, word)
		}
		return
	}
	t.Fatalf("comment %d is gone", c.ID)
}
