package store

import (
	"testing"
)

// TestOpenAnchorsReadsTheCommentsOnce: the anchors a save reads are those of its draft's open
// comments as stored, and the transaction's read, told how many its plan found, makes their
// slice once instead of growing it row by row while every other writer waits.
func TestOpenAnchorsReadsTheCommentsOnce(t *testing.T) {
	const threads = 12
	s, _, _, d := busyPiece(t, threads, 1, "Noted.")
	var stored []commentRow
	if err := s.r.Where("draft_id = ?", d.ID).Order("id").Find(&stored).Error; err != nil {
		t.Fatal(err)
	}
	if len(stored) != threads {
		t.Fatalf("%d comments stored; want %d", len(stored), threads)
	}
	tests := []struct {
		name    string
		expect  int
		wantCap int
	}{
		{"Plan", 0, -1},
		{"UnderThePlan", threads, threads},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows, err := openAnchors(s.r, d.ID, tt.expect)
			if err != nil {
				t.Fatal(err)
			}
			if len(rows) != len(stored) {
				t.Fatalf("read %d anchors; want %d", len(rows), len(stored))
			}
			for i, r := range rows {
				if r != anchorOf(stored[i]) {
					t.Errorf("anchor %d = %+v; stored %+v", i, r, anchorOf(stored[i]))
				}
			}
			if tt.wantCap >= 0 && cap(rows) != tt.wantCap {
				t.Errorf("the anchors' slice holds %d; want %d, made once for the comments expected", cap(rows), tt.wantCap)
			}
		})
	}
}
