package newsroom_test

import (
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestCheckWebhookCount holds a newsroom to newsroom.MaxWebhooks webhooks.
func TestCheckWebhookCount(t *testing.T) {
	for _, tc := range []struct {
		name string
		have int64
		want string
	}{
		{"None", 0, ""},
		{"OneShort", newsroom.MaxWebhooks - 1, ""},
		{"AtTheCap", newsroom.MaxWebhooks, newsroom.EINVALID},
		{"PastTheCap", newsroom.MaxWebhooks + 10, newsroom.EINVALID},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := newsroom.ErrorCode(newsroom.CheckWebhookCount(tc.have)); got != tc.want {
				t.Errorf("CheckWebhookCount(%d) = %q, want %q", tc.have, got, tc.want)
			}
		})
	}
}
