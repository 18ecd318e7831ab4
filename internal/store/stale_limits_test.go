package store_test

import (
	"runtime"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestStaleSaveTooLongToMerge: a save made on an older version that adds more to a field than
// the field may hold is kept and refused as invalid without being merged, since no merge of it
// can be within the limits (a merge keeps every word either side adds). Merging a body grown by
// megabytes word by word with the other side's edit cost hundreds of megabytes a save; it costs
// about what refusing the same text saved on the current version does.
func TestStaleSaveTooLongToMerge(t *testing.T) {
	f := newNewsroom(t)
	theirs := "The council met on Tuesday.\nIt voted to close the lazy new bridge.\nResidents were not asked."
	d, eve := crossedSaves(t, f, theirs)
	grown := "The council met on Tuesday.\nIt voted to close the lazy old bridge" + strings.Repeat(" and the ford", newsroom.MaxBody/4) +
		".\nResidents were not asked."
	allocated := func(version int) (uint64, error) {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		_, err := f.s.UpdateDraft(f.editor, d.ID, newsroom.DraftUpdate{Body: &grown, Version: version})
		runtime.ReadMemStats(&after)
		return after.TotalAlloc - before.TotalAlloc, err
	}
	cur, err := f.s.GetDraft(eve, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	current, err := allocated(cur.Version)
	wantCode(t, err, newsroom.EINVALID)
	stale, err := allocated(d.Version)
	wantCode(t, err, newsroom.EINVALID)
	var e *newsroom.Error
	if asError(err, &e); e.Details["unmerged_revision"] == nil {
		t.Fatalf("refusal %q keeps nothing; want the text kept as an unmerged revision", e.Message)
	}
	if stale > 10*current {
		t.Fatalf("the stale save allocated %d bytes, %d times the same save on the current version; want at most 10", stale, stale/current)
	}
}
