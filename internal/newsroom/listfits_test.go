package newsroom_test

import (
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestListFits holds a page of whole drafts to newsroom.MaxListBytes of answer, each byte of text
// counted at the most bytes JSON may write it as, always holding its first draft, however large.
func TestListFits(t *testing.T) {
	const most = newsroom.MaxListBytes / newsroom.JSONBytesPerByte
	tests := []struct {
		name  string
		sizes []int
		want  int
	}{
		{"None", nil, 0},
		{"Small", []int{10, 20, 30}, 3},
		{"ExactlyTheMost", []int{most / 2, most - most/2}, 2},
		{"OneByteOver", []int{most / 2, most - most/2 + 1, 5}, 1},
		{"FirstAloneOver", []int{most + 1, 1}, 1},
		{"CutBeforeTheOneThatTipsIt", []int{most / 4, most / 4, most / 4, most - 3*(most/4), 1, 1}, 4},
		{"SmallAfterLarge", []int{most - 10, 10, 1}, 2},
		{"TextWithinTheMostAnswerPast", []int{newsroom.MaxListBytes / 2, 1}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := newsroom.ListFits(tt.sizes); got != tt.want {
				t.Fatalf("ListFits(%v) = %d, want %d", tt.sizes, got, tt.want)
			}
		})
	}
}
