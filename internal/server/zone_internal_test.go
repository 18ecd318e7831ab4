package server

import (
	"strings"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestParseLocalRefusesSkippedTimeAndTakesFirstOfRepeated holds that a due time typed for a
// local time that does not exist in the newsroom's zone (the hour skipped when clocks go forward)
// is refused with a message naming the gap, rather than silently stored an hour early as
// time.ParseInLocation would; and that a time the zone shows twice (the hour repeated when
// clocks go back) is the first of the two, the one shown with the summer abbreviation, in zones
// whose clocks move by half an hour too.
func TestParseLocalRefusesSkippedTimeAndTakesFirstOfRepeated(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Fatal(err)
	}
	london, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Fatal(err)
	}
	lordHowe, err := time.LoadLocation("Australia/Lord_Howe")
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, value string
		zone        *time.Location
		want        string // the time as pages show it; "" when refused
	}{
		{"NewYorkGap", "2026-03-08T02:30", ny, ""},
		{"NewYorkGapStart", "2026-03-08T02:00", ny, ""},
		{"NewYorkBeforeGap", "2026-03-08T01:59", ny, "Sun Mar 8, 2026 01:59 EST"},
		{"NewYorkAfterGap", "2026-03-08T03:00", ny, "Sun Mar 8, 2026 03:00 EDT"},
		{"NewYorkRepeated", "2026-11-01T01:30", ny, "Sun Nov 1, 2026 01:30 EDT"},
		{"NewYorkAfterRepeat", "2026-11-01T02:00", ny, "Sun Nov 1, 2026 02:00 EST"},
		{"LondonGap", "2026-03-29T01:15", london, ""},
		{"LondonRepeated", "2026-10-25T01:15", london, "Sun Oct 25, 2026 01:15 BST"},
		{"UTC", "2026-03-08T02:30", time.UTC, "Sun Mar 8, 2026 02:30 UTC"},
		// Lord Howe Island's clocks move by half an hour.
		{"HalfHourGap", "2026-10-04T02:15", lordHowe, ""},
		{"HalfHourRepeated", "2026-04-05T01:45", lordHowe, "Sun Apr 5, 2026 01:45 +11"},
		{"HalfHourBeforeRepeat", "2026-04-05T01:15", lordHowe, "Sun Apr 5, 2026 01:15 +11"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := parseLocal("due time", tc.value, tc.zone)
			if tc.want == "" {
				if newsroom.ErrorCode(err) != newsroom.EINVALID || !strings.Contains(err.Error(), "does not exist in "+tc.zone.String()) {
					t.Fatalf("parseLocal(%q) = %v, %v; want EINVALID naming the skipped time", tc.value, got, err)
				}
				return
			}
			if err != nil {
				t.Fatalf("parseLocal(%q): %v", tc.value, err)
			}
			if shown := got.In(tc.zone).Format(zoneTime); shown != tc.want {
				t.Errorf("parseLocal(%q) = %s, want %s", tc.value, shown, tc.want)
			}
		})
	}
}
