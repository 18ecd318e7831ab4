package store

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/cputime"
	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestLedgerWalkIsBounded restores the first of nine versions of a body: a short one walks the
// ledger back through the eight saves between, and one long enough that the walk would read
// more than maxLedgerWalk bytes is left to the one diff, so that a restore of a long body costs
// no more than a save.
func TestLedgerWalkIsBounded(t *testing.T) {
	tests := []struct {
		name   string
		filler int // bytes of filler in the body
		walks  bool
	}{
		{"Short", 1 << 10, true},
		{"Long", maxLedgerWalk / 24, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, _, ctx := loggedWriter(t)
			sentence := "The council met on Tuesday. "
			first := "“No comment,” Zoë said. " + strings.Repeat(sentence, tt.filler/len(sentence))
			d, err := s.CreateDraft(ctx, newsroom.Text{Title: "Bridge", Byline: "Sarah", Body: first})
			if err != nil {
				t.Fatal(err)
			}
			body := first
			for v := 2; v <= 9; v++ {
				body += fmt.Sprintf(" Line %d.", v)
				if d, err = s.UpdateDraft(ctx, d.ID, newsroom.DraftUpdate{Body: &body, Version: d.Version}); err != nil {
					t.Fatal(err)
				}
			}
			restored := d.Text()
			restored.Body = first
			next, err := prepareRevision(s.r, d, restored)
			if err != nil {
				t.Fatal(err)
			}
			if walks := next.walk != nil; walks != tt.walks {
				t.Errorf("restoring version 1 of %d, a walk: %v, want %v", d.Version, walks, tt.walks)
			}
		})
	}
}

// TestLedgerWalkApartLinear checks that asking a walk whether quotations stood apart costs
// little for each pair, when a restore walks the most steps a walk takes, maxCarrySteps, over
// thousands of quotations: a save asks it for every pair the one diff kept, under the writer.
// The first step loses every odd quotation and keeps the even ones; every later step keeps them
// all. An odd quotation lost at the first step and a save's quotation traced back along every
// step to the first version stood apart there when they are two; traced back to nothing, they
// did not. Tracing a quotation back by searching each step's pairing for it cost steps times
// quotations squared, a tenth of a second for these 4,000, where a map back built once per walk
// costs steps times quotations.
func TestLedgerWalkApartLinear(t *testing.T) {
	const (
		n      = 4000
		budget = 25 * time.Millisecond
	)
	w := &ledgerWalk{}
	for s := range maxCarrySteps {
		went := make([]int, n)
		for i := range went {
			went[i] = i
			if s == 0 && i%2 == 1 {
				went[i] = -1
			}
		}
		w.step(went)
	}
	start := cputime.Used(t)
	for i := 1; i < n; i += 2 {
		if w.apart(i, i) {
			t.Fatalf("quotation %d stood apart from the quotation that came from nothing", i)
		}
		if !w.apart(i, i-1) {
			t.Fatalf("quotations %d and %d of the first version did not stand apart", i, i-1)
		}
	}
	if took := cputime.Used(t) - start; took > budget {
		t.Errorf("%d pairs asked along %d steps took %v of CPU, want at most %v", n, maxCarrySteps, took, budget)
	}
}
