package quotes_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/cputime"
	"github.com/copydesk/copydesk/internal/quotes"
)

// TestTwinParagraphsLinear reconciles a body of 1,000 paragraphs of 20 words each, every one
// quoting the same words and most of them copies of a few, with one moved and edited, and checks
// that placing the copies by the paragraphs once in each text around them (see placed) and
// reconciling the ledger takes under 100 ms of CPU (a few ms on a laptop): it runs inside the save's write
// transaction, where a slow save stalls every other write in the newsroom.
func TestTwinParagraphsLinear(t *testing.T) {
	const budget = 100 * time.Millisecond
	paras := make([]string, 1000)
	for i := range paras {
		name := fmt.Sprintf("Smith%d", i%7)
		if i%10 == 0 {
			name = fmt.Sprintf("Jones%d", i) // a paragraph once in each text: an anchor
		}
		paras[i] = "“No comment,” " + name + " said on Friday. The council met on Tuesday and the old bridge was safe, the owner said."
	}
	before := strings.Join(paras, "\n")
	moved := strings.Replace(paras[505], "Tuesday", "Monday", 1)
	paras = append(paras[:505], paras[506:]...)
	paras = append(paras[:250], append([]string{moved}, paras[250:]...)...)
	after := strings.Join(paras, "\n")
	if n := len(strings.Fields(after)); n < 20000 {
		t.Fatalf("the body has %d words, want 20,000", n)
	}
	entries := func(body string) []quotes.Entry {
		found, _ := quotes.Find(body)
		out := make([]quotes.Entry, len(found))
		for i, q := range found {
			out[i] = quotes.Entry{Field: "body", Text: q.Text, Start: q.Start, End: q.End}
		}
		return out
	}
	old, found := entries(before), entries(after)
	if len(found) != 1000 {
		t.Fatalf("found %d quotes, want 1,000", len(found))
	}
	start := cputime.Used(t)
	ed := quotes.PrepareEdit(map[string]string{"body": before}, map[string]string{"body": after}, found)
	prepared := cputime.Used(t)
	p := quotes.Reconcile(old, found, ed)
	took := cputime.Used(t) - start
	if len(p.Kept) < 999 {
		t.Errorf("kept %d of 1,000 twins", len(p.Kept))
	}
	if took > budget {
		t.Errorf("PrepareEdit and Reconcile took %v on 1,000 twin paragraphs, want under %v", took, budget)
	}
	t.Logf("%v on %d twins, %v of it in Reconcile", took, len(found), took-(prepared-start))
}
