package sentences_test

import (
	"strings"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/sentences"
)

// TestSpansLinear: a run of stops before a lowercase word, or a run of words and stops with no
// space, is cut in time linear in its length.
func TestSpansLinear(t *testing.T) {
	for name, text := range map[string]string{
		"FullStops":    "Wow" + strings.Repeat(".", 20000) + " then it ended.",
		"Exclamations": "Wow" + strings.Repeat("!", 20000) + " then it ended.",
		"DoubledStops": "Wow " + strings.Repeat("a..", 20000) + " then it ended.",
	} {
		start := time.Now()
		sentences.Spans([]rune(text))
		if d := time.Since(start); d > 500*time.Millisecond {
			t.Errorf("%s: Spans of %d code points took %v", name, len(text), d)
		}
	}
}
