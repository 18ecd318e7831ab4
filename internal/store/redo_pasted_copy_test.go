package store_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestUndoOfARestoreKeepsCommentOffPastedCopy replays mixed seed 129: a version restores one
// from before a paragraph was moved and edited and the piece pasted after itself, a comment is
// put on "said" in the restored text, and the restore is undone. The walk forward through the
// versions loses the comment's words at the moved and edited paragraph, and the one diff pairs
// them with the paste's copy of them. The comment must stay on its own words or be detached,
// never be put on the copy.
func TestUndoOfARestoreKeepsCommentOffPastedCopy(t *testing.T) {
	const (
		safe    = "The council said the bridge was safe."
		smith   = "Smith said the council met on Tuesday."
		quote   = "“No comment,” Zoë said."
		late    = "The café owner said the council was late."
		edited  = "“No comment,” Zoë said; café owner the council was late. " + smith
		movedTo = "“No comment,” Zoë said; café owner said the council was late. " + smith
	)
	lines := func(ps ...string) string { return strings.Join(ps, "\n") }
	v3 := lines(safe+" "+smith, quote+" "+late+" "+smith, safe+" "+smith)
	v4 := lines(v3, safe+" "+smith, quote+" "+late+" "+smith, "The council said the bridge was safe? "+smith)
	v5 := lines(v3, "The council said the bridge was safe! "+smith, quote+" "+late+" "+smith, "The council said the bridge was safe? "+smith)
	v7 := lines(safe+" "+smith+" "+smith, quote+" "+late+" "+smith, safe+" "+smith)
	v8 := strings.Replace(v7, "Zoë said.", "Zoë said;", 1)
	v9 := lines(safe+" "+smith+" "+smith, safe+" "+smith, movedTo)
	v10 := lines(safe+" "+smith+" "+smith, edited, safe+" "+smith)
	v11 := lines(safe+" "+smith+" "+smith, edited, "The council said the bridge was safe! "+smith)
	v12 := lines(v11, safe+" "+smith+" "+smith, edited, "The council said the bridge was safe! Smith said the council met on Tuesday?")
	v2 := lines(safe+" "+smith, quote+" "+late, safe+" "+smith)

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
	for _, body := range []string{v2, v3, v4, v5, v3, v7, v8, v9, v10, v11, v12, v3} {
		save(body)
	}
	para := quote + " " + late + " "
	start := utf8.RuneCountInString(safe+" "+smith+"\n"+para) + utf8.RuneCountInString("Smith ")
	end := start + len("said")
	c, err := f.s.CreateComment(f.editor, d.ID, newsroom.NewComment{Field: "body", Start: &start, End: &end, Body: "Who?"})
	if err != nil {
		t.Fatal(err)
	}
	save(v12)
	own := utf8.RuneCountInString(safe+" "+smith+" "+smith+"\n"+strings.TrimSuffix(edited, smith)) + utf8.RuneCountInString("Smith ")
	cs, err := f.s.Comments(f.editor, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range cs {
		if x.ID == c.ID && !x.Detached && (x.Anchor.Start != own || x.Anchor.Exact != "said") {
			t.Errorf("the comment is on %q at %d, want its own \"said\" at %d or detached", x.Anchor.Exact, x.Anchor.Start, own)
		}
	}
}
