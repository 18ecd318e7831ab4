package quotes_test

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/copydesk/copydesk/internal/cputime"
	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/quotes"
)

// TestFindLinear checks that no body up to the limit, however hostile, keeps Find busy for more
// than 250 ms of CPU: thousands of unmatched marks of every kind, thousands of attributions, a
// single unbroken paragraph and a body of nothing but spaces and quotes. It counts the
// process's CPU time, not the wall clock, so that a machine busy with other tests (CI runs
// packages side by side) does not count against Find.
func TestFindLinear(t *testing.T) {
	const budget = 250 * time.Millisecond
	for _, tt := range []struct{ name, unit string }{
		{"UnmatchedOpenings", "“„«‹‚‘ "},
		{"UnmatchedClosings", "”»›“‘’ "},
		{"StraightMarks", `"'" ' "`},
		{"Attributions", "“A,” Rosa Delgado, 82, who runs the store, said. "},
		{"FollowOnQuotes", "“Yes.” “No.” "},
		{"ColonLeads", "Her message was simple:\n“Go.\n"},
		{"RolesInCommas", "the store’s owner, Lena Park, said “x” "},
		{"SentenceFirstWords", "Conditions worsened. “Ok,” she said. "},
		{"Spaces", "      «      "},
		{"Guillemets", "« a » ‹ b › „c“ ‚d‘ "},
	} {
		t.Run(tt.name, func(t *testing.T) {
			body := strings.Repeat(tt.unit, newsroom.MaxBody/utf8.RuneCountInString(tt.unit))
			// The best of three runs is Find's own cost; the others may include a collection
			// of what an earlier run left.
			took := time.Hour
			for range 3 {
				start := cputime.Used(t)
				quotes.Find(body)
				took = min(took, cputime.Used(t)-start)
			}
			if took > budget {
				t.Errorf("Find took %v on %d runes, want under %v", took, utf8.RuneCountInString(body), budget)
			}
			t.Logf("%v on %d runes", took, utf8.RuneCountInString(body))
		})
	}
}
