package store

import (
	"reflect"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestLedgerRowsExpectingReadsTheLedgerOnce: the quote ledger a publish's plan check reads under
// the writer is the ledger ledgerRows reads, and its slice is made once for the rows the plan
// read instead of being grown row by row while every other writer waits.
func TestLedgerRowsExpectingReadsTheLedgerOnce(t *testing.T) {
	f := newPlanFixture(t)
	d, err := f.s.CreateDraft(f.writer, newsroom.Text{Title: "Harbour reopens", Byline: "Sarah", Brief: "“Open,” said the master.",
		Body: "“We are back,” said the harbour master. “Ships wait,” said the pilot. “Nets dry,” said a fisher. “Gulls came,” said Ana."})
	if err != nil {
		t.Fatal(err)
	}
	want, err := ledgerRows(f.s.r, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(want) < 4 {
		t.Fatalf("the ledger holds %d quotes; the test needs several", len(want))
	}
	tests := []struct {
		name    string
		expect  int
		wantCap int
	}{
		{"NoneExpected", 0, -1},
		{"AsPlanned", len(want), len(want)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ledgerRowsExpecting(f.s.r, d.ID, tt.expect)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("read %+v; ledgerRows reads %+v", got, want)
			}
			if tt.wantCap >= 0 && cap(got) != tt.wantCap {
				t.Errorf("the ledger's slice holds %d; want %d, made once for the rows expected", cap(got), tt.wantCap)
			}
		})
	}
}
