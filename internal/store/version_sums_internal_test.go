package store

import (
	"fmt"
	"maps"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestVersionSums checks that the versions' checksums read as one joined text are those of the
// versions' rows, read one by one, for ranges inside, across and past a draft's versions.
func TestVersionSums(t *testing.T) {
	s, _, ctx := loggedWriter(t)
	d, err := s.CreateDraft(ctx, newsroom.Text{Title: "Bridge", Byline: "Sarah", Body: "The council met."})
	if err != nil {
		t.Fatal(err)
	}
	for v := 2; v <= 40; v++ {
		body := fmt.Sprintf("The council met. Line %d.", v%3)
		if d, err = s.UpdateDraft(ctx, d.ID, newsroom.DraftUpdate{Body: &body, Version: d.Version}); err != nil {
			t.Fatal(err)
		}
	}
	var rows []struct {
		Version   int
		PackedSum int64
	}
	if err := s.r.Raw("SELECT version, packed_sum FROM revisions WHERE draft_id = ? AND version IS NOT NULL", d.ID).Scan(&rows).Error; err != nil {
		t.Fatal(err)
	}
	if len(rows) != 40 {
		t.Fatalf("the draft has %d numbered versions, want 40", len(rows))
	}
	for _, r := range []struct{ lo, hi int }{{1, 40}, {8, 40}, {1, 1}, {30, 60}, {41, 50}, {5, 4}} {
		want := map[int]int64{}
		for _, row := range rows {
			if row.Version >= r.lo && row.Version <= r.hi {
				want[row.Version] = row.PackedSum
			}
		}
		got, err := versionSums(s.r, d.ID, r.lo, r.hi)
		if err != nil {
			t.Fatal(err)
		}
		if !maps.Equal(got, want) {
			t.Errorf("versionSums(%d, %d) = %v, want %v", r.lo, r.hi, got, want)
		}
	}
}
