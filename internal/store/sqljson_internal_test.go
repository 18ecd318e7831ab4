package store

import (
	"testing"
	"time"
)

// TestParseTimeWithOffset checks the fast reading of stored times against time.ParseInLocation
// in UTC, which go-sqlite3 uses: the same instant in the same zone for every text it takes, and
// nothing taken that is not in the layout.
func TestParseTimeWithOffset(t *testing.T) {
	const layout = "2006-01-02 15:04:05.999999999-07:00"
	for _, tc := range []struct {
		name, text string
		ok         bool
	}{
		{"Nanoseconds", "2025-01-27 20:27:26.664481871+00:00", true},
		{"Microseconds", "2026-12-05 13:05:35.123456+00:00", true},
		{"OneDigit", "2026-12-05 13:05:35.1+00:00", true},
		{"NoFraction", "2026-12-05 13:05:35+00:00", true},
		{"East", "2026-03-30 16:00:00.5+05:30", true},
		{"West", "2026-03-30 16:00:00-07:00", true},
		{"LeapDay", "2024-02-29 00:00:00+00:00", true},
		{"NotALeapDay", "2025-02-29 00:00:00+00:00", false},
		{"Month13", "2025-13-01 00:00:00+00:00", false},
		{"Hour24", "2025-01-01 24:00:00+00:00", false},
		{"Zulu", "2025-01-01 00:00:00Z", false},
		{"NoOffset", "2025-01-01 00:00:00.123456", false},
		{"TenDigits", "2025-01-01 00:00:00.1234567890+00:00", false},
		{"EmptyFraction", "2025-01-01 00:00:00.+00:00", false},
		{"Letters", "2025-01-0a 00:00:00+00:00", false},
		{"OtherSeparator", "2025-01-01T00:00:00+00:00", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := parseTimeWithOffset(tc.text, ' ')
			if ok != tc.ok {
				t.Fatalf("ok %v, want %v", ok, tc.ok)
			}
			if !ok {
				return
			}
			want, err := time.ParseInLocation(layout, tc.text, time.UTC)
			if err != nil {
				t.Fatal(err)
			}
			if !got.Equal(want) || got.Location().String() != want.Location().String() || got.String() != want.String() {
				t.Fatalf("got %v, want %v", got, want)
			}
		})
	}
}
