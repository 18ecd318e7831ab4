package quotes_test

import (
	"strings"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/cputime"
	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/quotes"
)

// TestReconcileLinear checks that reconciling a ledger of thousands of twin quotes, as a body at
// the size limit can hold, takes under 250 ms of CPU, however the save moved them: the ledger
// is reconciled inside the save's write transaction, so a save that took seconds there would
// stall every other write in the newsroom, and anyone who may save a draft could send one after
// another. Each case pairs every twin with its own entry, so the work is all in the pairing:
// kept where the edit left them, moved by an edit between each, or moved with nothing to say
// how (reading order and nearness alone).
func TestReconcileLinear(t *testing.T) {
	const budget = 250 * time.Millisecond
	twins := func(gap string) string {
		return strings.Repeat("“No comment.”"+gap, newsroom.MaxBody/(len([]rune("“No comment.”"+gap))))
	}
	// sentences is two sentences, each of half the twins a body may hold, opening with the
	// given words.
	sentences := func(first, second string) string {
		half := func(w string) string {
			return w + " " + strings.Repeat("“No comment.” x ", newsroom.MaxBody/2/len([]rune("“No comment.” x "))-1) + "ends."
		}
		return half(first) + " " + half(second)
	}
	entries := func(body string) []quotes.Entry {
		var out []quotes.Entry
		found, _ := quotes.Find(body)
		for _, q := range found {
			out = append(out, quotes.Entry{Field: "body", Text: q.Text, Start: q.Start, End: q.End})
		}
		return out
	}
	for _, tt := range []struct {
		name          string
		before, after string
		edit          bool
	}{
		{"Unchanged", twins(" x "), twins(" x "), true},
		{"EditedBetweenEach", twins(" x "), twins(" y "), true},
		{"SpreadWithoutEdit", twins(" x "), twins(" xy "), false},
		{"SentencesSwapped", sentences("Alpha", "Beta"), sentences("Beta", "Alpha"), true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			old, found := entries(tt.before), entries(tt.after)
			var ed quotes.Edit
			if tt.edit {
				ed = quotes.PrepareEdit(map[string]string{"body": tt.before}, map[string]string{"body": tt.after}, found)
			}
			start := cputime.Used(t)
			p := quotes.Reconcile(old, found, ed)
			took := cputime.Used(t) - start
			if len(p.Kept) != len(found) {
				t.Fatalf("kept %d of %d twins", len(p.Kept), len(found))
			}
			if took > budget {
				t.Errorf("Reconcile took %v on %d twins, want under %v", took, len(found), budget)
			}
			t.Logf("%v on %d twins", took, len(found))
		})
	}
}
