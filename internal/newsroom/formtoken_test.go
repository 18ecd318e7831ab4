package newsroom_test

import (
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

func TestCheckFormToken(t *testing.T) {
	for _, tc := range []struct {
		name, token string
		ok          bool
	}{
		{"UUID", "0f8fad5b-d9cb-469f-a165-70867728950e", true},
		{"Random", "k3J9_x.Q:zz-1234", true},
		{"Longest", strings.Repeat("a", newsroom.MaxFormToken), true},
		{"Empty", "", false},
		{"TooShort", strings.Repeat("a", newsroom.MinFormToken-1), false},
		{"TooLong", strings.Repeat("a", newsroom.MaxFormToken+1), false},
		{"Space", "0f8fad5b d9cb 469f a165", false},
		{"NotASCII", "0f8fad5b-d9cb-469f-é165", false},
		{"NUL", "0f8fad5b-d9cb-469f\x00a165", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := newsroom.CheckFormToken(tc.token)
			if (err == nil) != tc.ok || err != nil && newsroom.ErrorCode(err) != newsroom.EINVALID {
				t.Fatalf("CheckFormToken(%q) = %v, want ok %v", tc.token, err, tc.ok)
			}
		})
	}
}
