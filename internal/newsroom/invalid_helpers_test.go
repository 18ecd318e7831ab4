package newsroom_test

import (
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// wantInvalid checks err, what a check of the named input returned: nil when want is "", else
// EINVALID with want in its message.
func wantInvalid(t *testing.T, what string, err error, want string) {
	t.Helper()
	if want == "" {
		if err != nil {
			t.Fatalf("%s = %v, want nil", what, err)
		}
		return
	}
	if newsroom.ErrorCode(err) != newsroom.EINVALID || !strings.Contains(newsroom.ErrorMessage(err), want) {
		t.Fatalf("%s = %v, want EINVALID with %q", what, err, want)
	}
}
