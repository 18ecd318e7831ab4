package quotes_test

import (
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/quotes"
)

// TestReconcileMovedQuotationSwallowed moves a paragraph that opens with "No comment," below
// one whose quotation is left open, and edits it in the same save (TestRandomMixedHistories in
// internal/store, seed 284): the open quotation now runs on into the moved paragraph and takes
// in its "No comment,", which is no quotation of its own any more. The diff of the whole text
// kept the moved paragraph's first words where they stood, on the "No comment," of the
// paragraph that took its place, and the check passed to those words. A quotation of the moved
// paragraph keeps its entry only on a quote in that paragraph, and does keep it there when its
// words are still a quotation of their own.
func TestReconcileMovedQuotationSwallowed(t *testing.T) {
	const (
		late  = "“No comment,” said! owner said was late."
		open  = "“No comment,” said; “No Zoë said?"
		shut  = "“No comment,” said; “No Zoë said.”"
		fact  = "The council said the bridge was safe."
		moved = "“No comment,” Zoë said; “No Zoë said."
		cut   = "“No comment,” Zoë said; “No said."
	)
	tests := []struct {
		name     string
		before   []string
		after    []string
		from, to int // the moved paragraph's index before and after
		wantKept int // how many of its entries it keeps
	}{
		{"SwallowedByAnOpenQuotation", []string{fact, moved, late, open, fact}, []string{fact, late, open, cut, fact}, 1, 3, 0},
		{"BelowAClosedQuotation", []string{fact, moved, late, shut, fact}, []string{fact, late, shut, cut, fact}, 1, 3, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before, after := strings.Join(tt.before, "\n"), strings.Join(tt.after, "\n")
			olds, found := entriesOf(before), entriesOf(after)
			ed := quotes.PrepareEdit(map[string]string{"body": before}, map[string]string{"body": after}, found)
			plan := quotes.Reconcile(olds, found, ed)
			from, fromEnd := paragraphSpan(tt.before, tt.from)
			to, toEnd := paragraphSpan(tt.after, tt.to)
			kept := 0
			for _, p := range plan.Kept {
				o, n := olds[p.Old], found[p.New]
				if o.Start < from || o.End > fromEnd {
					continue
				}
				kept++
				if n.Start < to || n.End > toEnd {
					t.Errorf("%q at %d of the moved paragraph kept on %q at %d, outside it at [%d,%d)", o.Text, o.Start, n.Text, n.Start, to, toEnd)
				}
			}
			if kept != tt.wantKept {
				t.Errorf("the moved paragraph kept %d entries, want %d: %+v", kept, tt.wantKept, plan)
			}
		})
	}
}

// paragraphSpan returns where paragraph k of paras starts and ends, in code points, joined by
// line breaks.
func paragraphSpan(paras []string, k int) (start, end int) {
	for _, p := range paras[:k] {
		start += len([]rune(p)) + 1
	}
	return start, start + len([]rune(paras[k]))
}
