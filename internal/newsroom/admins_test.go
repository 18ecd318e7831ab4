package newsroom_test

import (
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

func TestCheckManagerRemains(t *testing.T) {
	tests := []struct {
		name          string
		managers      int
		before, after bool
		wantConflict  bool
	}{
		{"TakeFromLast", 1, true, false, true},
		{"TakeFromOneOfTwo", 2, true, false, false},
		{"KeepLast", 1, true, true, false},
		{"Give", 0, false, true, false},
		{"NeitherBeforeNorAfter", 1, false, false, false},
		{"NoneLeftAlready", 0, true, false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := newsroom.CheckManagerRemains(tt.managers, "ada", tt.before, tt.after)
			if got := newsroom.ErrorCode(err) == newsroom.ECONFLICT; got != tt.wantConflict || (err != nil && !got) {
				t.Fatalf("CheckManagerRemains(%d, %v, %v) = %v, want conflict %v", tt.managers, tt.before, tt.after, err, tt.wantConflict)
			}
		})
	}
}
