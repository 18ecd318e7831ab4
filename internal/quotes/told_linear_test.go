package quotes_test

import (
	"strings"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/cputime"
	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/quotes"
)

// TestFindToldToPronounBounded checks that a pronoun after a body-long run of people speaking to
// it (Jo Lee told him to wait.) costs Find no more than after a run of people doing anything
// else, who stop the reading back at once: the finder reads past only a few such sentences.
func TestFindToldToPronounBounded(t *testing.T) {
	cost := func(unit string) time.Duration {
		n := (newsroom.MaxBody - 100) / len(unit)
		body := "Kai Lund said: “We will appeal.” " + strings.Repeat(unit, n) + "“I will not,” he said."
		// The best of three runs is Find's own cost; the others may include a collection of what
		// an earlier run left.
		took := time.Hour
		for range 3 {
			start := cputime.Used(t)
			quotes.Find(body)
			took = min(took, cputime.Used(t)-start)
		}
		return took
	}
	told, went := cost("Jo Lee told him to wait. "), cost("Jo Lee went home to rest. ")
	t.Logf("told him: %v, went home: %v", told, went)
	if told > 3*went+time.Millisecond {
		t.Errorf("Find took %v after people speaking to a pronoun, want under three times the %v after people who do not", told, went)
	}
}
