package store

import (
	"slices"
	"testing"
)

// TestRestorePath checks the way a restore's comments are carried back: by the fewest saves,
// crossing between versions of one text without a diff, never past the versions it is given.
func TestVersionPath(t *testing.T) {
	tests := []struct {
		name    string
		sums    map[int]int64
		lo, to  int
		sum     int64
		want    []int
		diffs   int
		explain string
	}{
		{"NothingRestored", map[int]int64{1: 10, 2: 20, 3: 30}, 1, 3, 40, nil, 0, "new text"},
		{"UndoIsOneSave", map[int]int64{1: 10, 2: 20, 3: 30}, 1, 3, 20, []int{3, 2}, 1, "the version before"},
		{"BackThroughEachSave", map[int]int64{1: 10, 2: 20, 3: 30, 4: 40}, 1, 4, 10, []int{4, 3, 2, 1}, 3, "a linear history"},
		{"NearestOfTwoCopies", map[int]int64{1: 10, 2: 20, 3: 10, 4: 40, 5: 50}, 1, 5, 10, []int{5, 4, 3}, 2, "the later version of the same text"},
		{"AcrossAnEarlierRestore", map[int]int64{1: 10, 2: 20, 3: 30, 4: 40, 5: 50, 6: 20}, 1, 6, 40, []int{6, 2, 3, 4}, 2,
			"version 6 restored 2, and 3 was saved on 2, 4 on 3"},
		{"ARepeatedEditIsNoRestore", map[int]int64{1: 10, 2: 20, 3: 30, 4: 40, 5: 10, 6: 20}, 1, 6, 30, nil, 0,
			"version 6 was saved on 5, which restored 1, as 2 was on 1, and 30 saved on 6 as 3 was on 2: the one diff"},
		{"NotAcrossARepeatedEdit", map[int]int64{1: 10, 2: 20, 3: 30, 4: 10, 5: 20, 6: 60, 7: 20, 8: 80}, 1, 8, 30, []int{8, 7, 5, 4, 1, 2, 3}, 4,
			"version 5 repeated 2's edit on 4, which restored 1, as a second paste does: 7 restored 5, whose words that edit typed anew"},
		{"AcrossARestoreBackwards", map[int]int64{1: 10, 2: 20, 3: 30, 4: 40, 5: 50, 6: 60, 7: 20, 8: 80, 9: 90}, 1, 9, 10, []int{9, 8, 7, 2, 1}, 3,
			"version 7 restored 2"},
		{"NotThroughTheSaveOfARestore", map[int]int64{1: 10, 2: 20, 3: 30, 4: 40, 5: 50, 6: 60, 7: 20}, 1, 7, 50, []int{7, 2, 3, 4, 5}, 3,
			"version 7 restored 2: its save from 6 is no step"},
		{"UnpackedVersionsAreStepped", map[int]int64{1: 10, 4: 40}, 1, 4, 10, []int{4, 3, 2, 1}, 3, "versions 2 and 3 have no checksum"},
		{"NotPastTheWindow", map[int]int64{3: 30, 4: 40, 5: 50}, 3, 5, 10, nil, 0, "version 1 is too far back"},
		{"TogglingIsOneDiff", map[int]int64{1: 10, 2: 20, 3: 10, 4: 20, 5: 10, 6: 20}, 1, 6, 10, []int{6, 5}, 1,
			"two texts saved in turn, as an undo and a redo do: one diff from 20 to 10, which the one diff is"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := versionPath(tt.sums, tt.lo, tt.to, tt.to, tt.sum)
			if !slices.Equal(got, tt.want) {
				t.Errorf("versionPath(%v, %d, %d, %d, %d) = %v, want %v (%s)", tt.sums, tt.lo, tt.to, tt.to, tt.sum, got, tt.want, tt.explain)
			}
			if n := diffSteps(got, tt.sums); n != tt.diffs {
				t.Errorf("diffSteps(%v) = %d, want %d (%s)", got, n, tt.diffs, tt.explain)
			}
		})
	}
}
