package clock_test

import (
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/clock"
)

// TestFakeTicks moves a Fake clock and counts the ticks a ticker of one second sends: one
// whenever Add reaches or passes its next time, however far (a reader that falls behind loses
// ticks, as with time.Ticker), and none once stopped.
func TestFakeTicks(t *testing.T) {
	start := time.Date(2025, 5, 7, 9, 0, 0, 0, time.UTC)
	tests := []struct {
		name  string
		moves []time.Duration
		stop  bool
		ticks int
	}{
		{"not yet", []time.Duration{999 * time.Millisecond}, false, 0},
		{"on the second", []time.Duration{time.Second}, false, 1},
		{"in two steps", []time.Duration{600 * time.Millisecond, 600 * time.Millisecond}, false, 1},
		{"each second", []time.Duration{time.Second, time.Second, time.Second}, false, 3},
		{"a long jump sends one", []time.Duration{time.Minute}, false, 1},
		{"stopped", []time.Duration{time.Second}, true, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clk := clock.NewFake(start)
			tk := clk.NewTicker(time.Second)
			if tt.stop {
				tk.Stop()
			}
			ticks := 0
			var last time.Time
			for _, d := range tt.moves {
				clk.Add(d)
				select {
				case last = <-tk.C():
					ticks++
				default:
				}
			}
			if ticks != tt.ticks {
				t.Fatalf("%d ticks, want %d", ticks, tt.ticks)
			}
			if ticks > 0 && !last.Equal(clk.Now()) {
				t.Fatalf("the last tick says %v, the clock %v", last, clk.Now())
			}
		})
	}
}
