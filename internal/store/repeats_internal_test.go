package store

import (
	"strings"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestRepeatLookupReadsItsIndex checks that looking up the unread notification a mention or an
// assignment repeats (repeatSQL, asked for each one under the writer) searches the partial index
// of migration 00051 rather than every unread notification of the person.
func TestRepeatLookupReadsItsIndex(t *testing.T) {
	s := openStore(t, Options{})
	var plan []struct {
		ID, Parent, Notused int
		Detail              string
	}
	since := time.Now().Add(-newsroom.RepeatHold)
	err := s.w.Raw("EXPLAIN QUERY PLAN "+repeatSQL, 1, 2, string(newsroom.NotifyMentioned), 3, since, since, "", "").Scan(&plan).Error
	if err != nil {
		t.Fatal(err)
	}
	var steps []string
	for _, step := range plan {
		steps = append(steps, step.Detail)
	}
	if len(steps) == 0 || !strings.Contains(steps[0], "USING INDEX notifications_unread_repeat (user_id=? AND draft_id=? AND kind=? AND actor_id=? AND created_at>?)") {
		t.Fatalf("the repeat lookup's plan is %q; want a search of notifications_unread_repeat on all its columns", steps)
	}
}
