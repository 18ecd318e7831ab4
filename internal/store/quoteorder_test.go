package store_test

import (
	"slices"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestTwinQuotesKeepTheirOrder checks one of two quotations of one paragraph that read alike,
// then saves the paragraph moved, edited between the two, or both: the ledger in reading order
// reads as want, the check on the quotation it was given to. A word cut between the twins
// shifts the second less than the first, and the first, nearer the second's old place, took
// its entry and check (TestRandomMixedHistories, mixed seed 45).
func TestTwinQuotesKeepTheirOrder(t *testing.T) {
	const (
		u = newsroom.QuoteUnchecked
		v = newsroom.QuoteVerified
	)
	twins := "“No comment,” Zoë said. “No comment,” Zoë said."
	cut := "“No comment,” Zoë “No comment,” Zoë said."
	rest := "The café owner said the council was late. Smith said the council met on Tuesday.\nSmith said the council met on Tuesday. The council said the bridge was safe."
	tests := []struct {
		name   string
		before string
		at     int // which "No comment," is checked, in reading order
		after  string
		want   []newsroom.QuoteStatus
	}{
		{"SecondMovedAndCut", twins + "\n" + rest, 1, rest + "\n" + cut, []newsroom.QuoteStatus{u, v}},
		{"FirstMovedAndCut", twins + "\n" + rest, 0, rest + "\n" + cut, []newsroom.QuoteStatus{v, u}},
		{"SecondCut", twins + "\n" + rest, 1, cut + "\n" + rest, []newsroom.QuoteStatus{u, v}},
		{"SecondMoved", twins + "\n" + rest, 1, rest + "\n" + twins, []newsroom.QuoteStatus{u, v}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newNewsroom(t)
			d := f.draftIn(t, newsroom.StageEditing)
			for k, body := range []string{tt.before, tt.after} {
				var err error
				if d, err = f.s.UpdateDraft(f.editor, d.ID, newsroom.DraftUpdate{Body: &body, Version: d.Version}); err != nil {
					t.Fatal(err)
				}
				if k == 0 {
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
