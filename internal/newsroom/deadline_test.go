package newsroom

import (
	"testing"
	"time"
)

func TestDueStateAt(t *testing.T) {
	now := time.Date(2026, 3, 28, 12, 0, 0, 0, time.UTC)
	at := func(d time.Duration) *time.Time { t := now.Add(d); return &t }
	tests := []struct {
		name string
		due  *time.Time
		want DueState
	}{
		{"NoDueTime", nil, DueNone},
		{"DaysAway", at(72 * time.Hour), DueNone},
		{"JustOverADay", at(DueSoon + time.Minute), DueNone},
		{"ExactlyADay", at(DueSoon), DueIsSoon},
		{"InAnHour", at(time.Hour), DueIsSoon},
		{"Now", at(0), DueOverdue},
		{"Passed", at(-time.Minute), DueOverdue},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := DueStateAt(tt.due, now); got != tt.want {
				t.Fatalf("DueStateAt = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestDueAt(t *testing.T) {
	piece := time.Date(2026, 3, 30, 9, 0, 0, 0, time.UTC)
	check := time.Date(2026, 3, 29, 9, 0, 0, 0, time.UTC)
	both := []Deadline{{Stage: "", DueAt: piece}, {Stage: "fact_check", DueAt: check}}
	tests := []struct {
		name      string
		deadlines []Deadline
		stage     Stage
		want      *time.Time
	}{
		{"None", nil, "draft", nil},
		{"PieceCounts", both, "editing", &piece},
		{"StageCountsAtItsStage", both, "fact_check", &check},
		{"StageOnlyElsewhere", both[1:], "editing", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := DueAt(tt.deadlines, tt.stage)
			if (got == nil) != (tt.want == nil) || got != nil && !got.Equal(*tt.want) {
				t.Fatalf("DueAt = %v, want %v", got, tt.want)
			}
		})
	}
}
