package quotes_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/quotes"
)

// typedBesideCopies returns a body of n paragraphs each written twice, and the same body with
// 2n distinct paragraphs typed at its foot: every copy stands between the same anchors (the
// text's start and end) as every paragraph typed.
func typedBesideCopies(n int) (before, after string) {
	var b, typed strings.Builder
	for i := range n {
		p := fmt.Sprintf("Ward%d said: “No comment.”\n", i)
		b.WriteString(p)
		b.WriteString(p)
	}
	for i := range 2 * n {
		fmt.Fprintf(&typed, "\nzeta%d omega%d kappa%d lambda%d sigma%d", i, i, i, i, i)
	}
	before = strings.TrimSuffix(b.String(), "\n")
	return before, before + typed.String()
}

// entriesOf returns an entry for each quotation Find sees in text, as the body field's ledger.
func entriesOf(text string) []quotes.Entry {
	qs, _ := quotes.Find(text)
	out := make([]quotes.Entry, len(qs))
	for i, q := range qs {
		out[i] = quotes.Entry{Field: "body", Text: q.Text, Start: q.Start, End: q.End}
	}
	return out
}

// TestReconcileTypedBesideCopiesLinear types thousands of paragraphs beside thousands of
// copies of others in one save (a reviewer's case took 30 s): the work must grow with the text,
// not with copies times paragraphs typed. Allocations count the work, whatever the machine's
// load: doubling the text may at most about double them.
func TestReconcileTypedBesideCopiesLinear(t *testing.T) {
	allocs := func(n int) float64 {
		before, after := typedBesideCopies(n)
		olds, found := entriesOf(before), entriesOf(after)
		return testing.AllocsPerRun(1, func() {
			ed := quotes.PrepareEdit(map[string]string{"body": before}, map[string]string{"body": after}, found)
			quotes.Reconcile(olds, found, ed)
		})
	}
	small, large := allocs(200), allocs(400)
	if large > 3*small {
		t.Errorf("doubling the text took %.0f allocations instead of %.0f: quadratic", large, small)
	}

	before, after := typedBesideCopies(2500)
	olds, found := entriesOf(before), entriesOf(after)
	start := time.Now()
	ed := quotes.PrepareEdit(map[string]string{"body": before}, map[string]string{"body": after}, found)
	plan := quotes.Reconcile(olds, found, ed)
	took := time.Since(start)
	if took > 2*time.Second {
		t.Errorf("PrepareEdit and Reconcile took %v for 2,500 paragraphs twice and 5,000 typed", took)
	}
	if len(plan.Kept) != len(olds) {
		t.Errorf("kept %d of %d entries though no quotation changed", len(plan.Kept), len(olds))
	}
	t.Logf("allocations %.0f then %.0f; full case %v", small, large, took)
}
