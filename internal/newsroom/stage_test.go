package newsroom_test

import (
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

func TestCheckRead(t *testing.T) {
	for _, tc := range []struct {
		name             string
		version, current int
		wantCode         string
	}{
		{"NoVersion", 0, 7, ""},
		{"Current", 7, 7, ""},
		{"SavedSince", 6, 7, newsroom.ECONFLICT},
		{"NotYetSaved", 8, 7, newsroom.ECONFLICT},
		{"BelowZero", -1, 7, newsroom.EINVALID},
		{"FarBelowZero", -7, 7, newsroom.EINVALID},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := newsroom.CheckRead(tc.version, tc.current)
			if got := newsroom.ErrorCode(err); got != tc.wantCode {
				t.Fatalf("code %q, want %q (%v)", got, tc.wantCode, err)
			}
		})
	}
}
