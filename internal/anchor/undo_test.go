package anchor_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/copydesk/copydesk/internal/anchor"
)

// TestUndoneDetachesWhatTheSaveTyped undoes saves by carrying comments on the later text back
// to the earlier one, and checks each against the save's own diff: a comment on words the save
// typed is detached, even where the earlier text holds a copy of them; one on words the save
// kept or edited stays where the backward diff put it.
func TestUndoneDetachesWhatTheSaveTyped(t *testing.T) {
	piece := "The council met. Lee said: “No comment.”\nResidents wrote to the council? “No comment,” said Smith."
	for _, tc := range []struct {
		name, earlier, later, on string
		nth                      int // which occurrence of on in later the comment is on
		wantAt                   int // its place in earlier, or -1 for detached
	}{
		// The original's words lie in what the save left unchanged at the start, which Undone
		// does not check: this row holds whatever Undone does.
		{"PasteAfterItself", piece, piece + "\n" + piece, "comment.”", 0, strings.Index(piece, "comment.”")},
		// The rows below put the comment where Undone checks it; the backward diff alone puts
		// those on typed words on the original, which a save typed a copy of, and keeps those on
		// words kept or edited.
		{"PastedCopy", piece, piece + "\n" + piece, "“No comment,” said Smith.", 1, -1},
		{"PastedCopyAtTheEnd", piece, piece + "\n" + piece, "Smith.", 1, -1},
		{"SentencesTypedAgain", "The council said no. Smith agreed.", "The council said no. Smith agreed. The council said no. Smith agreed.", "Smith agreed.", 1, -1},
		{"WordsEdited", "Dr. Lee said no.", "Dr. Lee said not now.", "said not", 0, strings.Index("Dr. Lee said no.", "said")},
		{"NothingTyped", piece, strings.Replace(piece, "Lee ", "", 1), "met. said", 0, strings.Index(piece, "met.")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			at := 0
			for range tc.nth + 1 {
				at += strings.Index(tc.later[at:], tc.on) + 1
			}
			start := utf8.RuneCountInString(tc.later[:at-1])
			sel, err := anchor.New(tc.later, start, start+utf8.RuneCountInString(tc.on))
			if err != nil {
				t.Fatal(err)
			}
			w := anchor.NewWork()
			res := w.Reanchor(tc.later, tc.earlier, []anchor.Selector{sel})
			w.Undone(tc.earlier, tc.later, []anchor.Selector{sel}, res)
			want := -1
			if tc.wantAt >= 0 {
				want = utf8.RuneCountInString(tc.earlier[:tc.wantAt])
			}
			if got := res[0]; want < 0 && got.Status != anchor.Detached || want >= 0 && (got.Status == anchor.Detached || got.Start != want) {
				t.Errorf("undoing the save, the comment on %q went to %+v, want it at %d (-1: detached)", tc.on, got, want)
			}
		})
	}
}
