package store

import (
	"fmt"
	"strings"
	"testing"

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
