package store_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestRestoreDetachesCommentOnPastedCopy replays mixed seed 140: a comment is put on "said" in
// a paragraph that a paste of the piece after itself typed, and the body is then restored to a
// version from before the paste, along saves that moved a paragraph and cut a word in it. The
// restored text has no words of the paste, so the comment must be detached, not put on a "said"
// of an earlier paragraph that was there all along.
func TestRestoreDetachesCommentOnPastedCopy(t *testing.T) {
	const (
		quote = "“No comment,” Zoë said. Smith said the council met on Tuesday."
		late  = "The café owner said the council was late."
		short = "The café owner said the council late."
	)
	lines := func(ps ...string) string { return strings.Join(ps, "\n") }
	restored := lines(quote, late+" The council said the bridge was safe.", late+" "+late)
	cut := lines(quote, late+" The council said the bridge was safe.", late+" "+short)
	moved := lines(quote, late+" "+short, late+" The council said the bridge was")
	pasted := lines(moved, quote, late+" "+short, strings.TrimSuffix(late, ".")+"? The council said the bridge was")
	stop := strings.Replace(pasted, "was late.", "was late!", 1)
	ps := strings.Split(stop, "\n")
	commented := lines(ps[0], ps[1], ps[2], ps[3], ps[5], ps[4])
	said := strings.Replace(commented, lines(ps[2], quote), lines(ps[2], strings.Replace(quote, "Smith said", "Smith", 1)), 1)

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
	for _, body := range []string{restored, cut, moved, pasted, stop, commented} {
		save(body)
	}
	copied := ps[5]
	start := utf8.RuneCountInString(lines(ps[0], ps[1], ps[2], ps[3])+"\n") + utf8.RuneCountInString(copied[:strings.Index(copied, "said")])
	end := start + len("said")
	c, err := f.s.CreateComment(f.editor, d.ID, newsroom.NewComment{Field: "body", Start: &start, End: &end, Body: "Who?"})
	if err != nil {
		t.Fatal(err)
	}
	save(said)
	save(restored)
	cs, err := f.s.Comments(f.editor, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range cs {
		if x.ID == c.ID && !x.Detached {
			t.Errorf("the comment is on %q at %d of the restored text, which has no words of the paste it was made on", x.Anchor.Exact, x.Anchor.Start)
		}
	}
}
