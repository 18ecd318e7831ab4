package anchor_test

import (
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/copydesk/copydesk/internal/anchor"
	"github.com/copydesk/copydesk/internal/cputime"
)

// TestMovedAmongTwinsLinear re-anchors a comment on each of 1,000 paragraphs of 20 words, most
// of them copies of a few, after a save that moves one and edits it, and checks that finding
// that paragraph and diffing it alone takes the call under 200 ms of CPU: it runs inside the
// save's write transaction, where a slow save stalls every other write in the newsroom.
func TestMovedAmongTwinsLinear(t *testing.T) {
	const budget = 200 * time.Millisecond
	paras := make([]string, 1000)
	for i := range paras {
		name := fmt.Sprintf("Smith%d", i%7)
		if i%10 == 0 {
			name = fmt.Sprintf("Jones%d", i) // a paragraph once in each text
		}
		paras[i] = "“No comment,” " + name + " said on Friday. The council met on Tuesday and the old bridge was safe, the owner said."
	}
	old := strings.Join(paras, "\n")
	var sels []anchor.Selector
	at := 0
	for _, p := range paras {
		s := at + utf8.RuneCountInString(p[:strings.LastIndex(p, "said")])
		sel, err := anchor.New(old, s, s+len("said"))
		if err != nil {
			t.Fatal(err)
		}
		sels = append(sels, sel)
		at += utf8.RuneCountInString(p) + 1
	}
	const from, to = 505, 250
	moved := strings.Replace(paras[from], "Tuesday", "Monday", 1)
	paras = append(paras[:from], paras[from+1:]...)
	paras = append(paras[:to], append([]string{moved}, paras[to:]...)...)
	text := strings.Join(paras, "\n")
	start := cputime.Used(t)
	res := anchor.Reanchor(old, text, sels)
	took := cputime.Used(t) - start
	want := utf8.RuneCountInString(strings.Join(paras[:to], "\n")) + 1 + utf8.RuneCountInString(moved[:strings.LastIndex(moved, "said")])
	if got := res[from]; got.Status == anchor.Detached || got.Start != want {
		t.Errorf("the comment in the moved paragraph went to %d (%v), want %d", got.Start, got.Status, want)
	}
	if took > budget {
		t.Errorf("Reanchor took %v on 1,000 twin paragraphs, want under %v", took, budget)
	}
	t.Logf("%v for %d comments", took, len(sels))
}
