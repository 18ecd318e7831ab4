package store_test

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestRestoreCarriesQuoteChecks saves a history of bodies, checks the quotation at one place
// of one of them, and saves the rest, the last a restore, an undo or a redo of an earlier body,
// as the draft page's restore sends it: the ledger after it reads, in reading order, as want.
// The piece is pasted after itself, and the check put on a copy: a restore to before the paste,
// planned by the one diff from the text before it, paired the checked copy with the original
// whenever later edits made the copy read more like it, and the check stood on words nobody
// checked (TestRandomMixedHistories, mixed seed 1). A check on the only copy of its words,
// which a restore keeps word for word, stays, though the walk back lost the words at a save
// that cut them or left two copies. A check on the copy does not pass to the original's words
// when an edit took the original's quotation away, its closing mark cut or its marks left open
// across paragraphs and closed in one (mixed seed 200): the restore brings back the original's
// quotation alone, with no entry of its own, and the one diff gave it the copy's.
func TestRestoreCarriesQuoteChecks(t *testing.T) {
	const (
		u = newsroom.QuoteUnchecked
		v = newsroom.QuoteVerified
	)
	a := "Smith said the council met on Tuesday."
	b := "“No comment,” Zoë said. The café owner said the council was late."
	c := "“No comment,” Zoë said."
	m := "The mayor was not present for the vote."
	cut := strings.Replace(b, "owner ", "", 1)
	open := strings.Replace(b, "comment,”", "comment,", 1)
	d := "The council said the bridge was safe. “No Zoë said."
	tests := []struct {
		name   string
		bodies []string
		check  int // the body after which the quotation is checked
		at     int // which "No comment," of that body is checked, in reading order
		want   []newsroom.QuoteStatus
	}{
		{"CopyCheckedOriginalEditedRestored", []string{a + "\n" + b, a + "\n" + b + "\n" + a + "\n" + b, a + "\n" + b + " " + c + "\n" + a + "\n" + b, a + "\n" + b},
			1, 1, []newsroom.QuoteStatus{u}},
		{"CopyCheckedOriginalEditedUndone", []string{a + "\n" + b, a + "\n" + b + "\n" + a + "\n" + b, a + "\n" + b + " " + c + "\n" + a + "\n" + b,
			a + "\n" + b + "\n" + a + "\n" + b, a + "\n" + b}, 1, 1, []newsroom.QuoteStatus{u}},
		{"CopyCheckedOriginalCutRestored", []string{a + "\n" + b, a + "\n" + b + "\n" + a + "\n" + b, a + "\n" + cut + "\n" + a + "\n" + b, a + "\n" + b},
			1, 1, []newsroom.QuoteStatus{u}},
		{"OriginalCheckedOriginalCutRestored", []string{a + "\n" + b, a + "\n" + b + "\n" + a + "\n" + b, a + "\n" + cut + "\n" + a + "\n" + b, a + "\n" + b},
			1, 0, []newsroom.QuoteStatus{v}},
		{"OriginalCheckedCopyCutRestored", []string{a + "\n" + b, a + "\n" + b + "\n" + a + "\n" + b, a + "\n" + b + "\n" + a + "\n" + cut, a + "\n" + b},
			1, 0, []newsroom.QuoteStatus{v}},
		{"CopyCheckedCopyCutRestored", []string{a + "\n" + b, a + "\n" + b + "\n" + a + "\n" + b, a + "\n" + b + "\n" + a + "\n" + cut, a + "\n" + b},
			1, 1, []newsroom.QuoteStatus{u}},
		{"CheckedAfterACutAndRepasteRestored", []string{a + "\n" + b, a, a + "\n" + m + "\n" + b, a + "\n" + strings.Replace(m, "mayor", "deputy mayor", 1) + "\n" + b, a + "\n" + b},
			2, 0, []newsroom.QuoteStatus{v}},
		{"CopyCheckedOriginalMarkCutRestored", []string{a + "\n" + b, a + "\n" + b + "\n" + a + "\n" + b, a + "\n" + open + "\n" + a + "\n" + b, a + "\n" + b},
			1, 1, []newsroom.QuoteStatus{u}},
		{"CopyCheckedOriginalLeftOpenRestored", []string{a + "\n" + d + "\n" + b, a + "\n" + d + "\n" + b + "\n" + a + "\n" + d + "\n" + b,
			a + "\n" + d + " " + c + "\n" + b + "\n" + a + "\n" + d + "\n" + b, a + "\n" + d + "\n" + b}, 1, 1, []newsroom.QuoteStatus{u}},
		{"CheckedAfterACopyWasReplacedRestored", []string{a + "\n" + b, a + "\n" + b + "\n" + b, a + "\n" + b + "\n" + m, strings.Replace(a, "Smith", "Jones", 1) + "\n" + b + "\n" + m, a + "\n" + b},
			2, 0, []newsroom.QuoteStatus{v}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newNewsroom(t)
			d := f.draftIn(t, newsroom.StageEditing)
			for k, body := range tt.bodies {
				var err error
				if d, err = f.s.UpdateDraft(f.editor, d.ID, newsroom.DraftUpdate{Body: &body, Version: d.Version}); err != nil {
					t.Fatal(err)
				}
				if k == tt.check {
					checkNth(t, f, d.ID, body, tt.at)
				}
			}
			qs, err := f.s.Quotes(f.editor, d.ID)
			if err != nil {
				t.Fatal(err)
			}
			var got []newsroom.QuoteStatus
			for _, q := range qs {
				got = append(got, q.Status)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("ledger in reading order %v, want %v", got, tt.want)
			}
		})
	}
}

// checkNth verifies the quotation that opens the n-th "No comment," of body, the draft's text.
func checkNth(t *testing.T, f *newsroomFixture, id int64, body string, n int) {
	t.Helper()
	at := 0
	for range n + 1 {
		k := strings.Index(body[at:], "“No comment,”")
		if k < 0 {
			t.Fatalf("%q has no %d-th No comment", body, n)
		}
		at += k + len("“")
	}
	start := utf8.RuneCountInString(body[:at-len("“")])
	qs, err := f.s.Quotes(f.editor, id)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range qs {
		if q.Start <= start && start < q.End {
			if _, err := f.s.CheckQuote(f.editor, id, q.ID, newsroom.QuoteCheck{Status: newsroom.QuoteVerified}); err != nil {
				t.Fatal(err)
			}
			return
		}
	}
	t.Fatalf("no quote at %d of %q in %+v", start, body, qs)
}
