package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestChangesThatChangeNothing: setting a piece's due time to the one it has, clearing one it
// does not have, or rating its claim as it is rated already (a form sent twice, a script in a
// loop) changes nothing, so it writes nothing: no audit entry, no event, and no notice to the
// desk's holder, who would otherwise be told of the same due time once for every send. A real
// change is still recorded.
func TestChangesThatChangeNothing(t *testing.T) {
	due := time.Date(2031, 5, 6, 17, 30, 0, 0, time.UTC)
	later := due.Add(time.Hour)
	claim := &newsroom.Claim{Text: "Crime doubled.", ClaimedBy: "The mayor", Rating: "false"}
	other := &newsroom.Claim{Text: "Crime doubled.", ClaimedBy: "The mayor", Rating: "mostly_false"}
	deadline := func(at *time.Time) func(*newsroomFixture, context.Context, int64) error {
		return func(f *newsroomFixture, ctx context.Context, id int64) error {
			_, err := f.s.SetDeadline(ctx, newsroom.DeadlineChange{DraftID: id, Stage: newsroom.StageFactCheck, At: at})
			return err
		}
	}
	rate := func(c *newsroom.Claim) func(*newsroomFixture, context.Context, int64) error {
		return func(f *newsroomFixture, ctx context.Context, id int64) error {
			_, err := f.s.SetClaim(ctx, newsroom.ClaimChange{DraftID: id, Claim: c})
			return err
		}
	}
	for _, tc := range []struct {
		name        string
		first, then func(*newsroomFixture, context.Context, int64) error
		wantWrites  bool
	}{
		{"SameDueTime", deadline(&due), deadline(&due), false},
		{"SameDueTimeElsewhere", deadline(&due), deadline(timep(due.In(time.FixedZone("X", 3600)))), false},
		{"OtherDueTime", deadline(&due), deadline(&later), true},
		{"ClearedTwice", deadline(nil), deadline(nil), false},
		{"Cleared", deadline(&due), deadline(nil), true},
		{"SameClaim", rate(claim), rate(claim), false},
		{"OtherRating", rate(claim), rate(other), true},
		{"UnmarkedTwice", rate(nil), rate(nil), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newNewsroom(t)
			d := f.draftIn(t, newsroom.StageFactCheck)
			if _, err := f.s.Assign(f.checker, newsroom.Assignment{DraftID: d.ID, Stage: newsroom.StageFactCheck, UserID: me(f.checker).ID}); err != nil {
				t.Fatal(err)
			}
			if err := tc.first(f, f.editor, d.ID); err != nil {
				t.Fatal(err)
			}
			before := writesOf(t, f, d.ID)
			if err := tc.then(f, f.editor, d.ID); err != nil {
				t.Fatal(err)
			}
			if after := writesOf(t, f, d.ID); (after != before) != tc.wantWrites {
				t.Fatalf("audit entries, events and notices went from %v to %v; want a change: %v", before, after, tc.wantWrites)
			}
		})
	}
}

func timep(v time.Time) *time.Time { return &v }

// writesOf counts what a change of draft id writes besides the change itself: its audit
// entries, the events and the notifications.
func writesOf(t *testing.T, f *newsroomFixture, id int64) [3]int {
	t.Helper()
	var n [3]int
	for i, q := range []string{
		"SELECT COUNT(*) FROM audit WHERE draft_id = $1",
		"SELECT COUNT(*) FROM events WHERE draft_id = $1",
		"SELECT COUNT(*) FROM notifications WHERE draft_id = $1",
	} {
		if err := f.s.DB().QueryRow(q, id).Scan(&n[i]); err != nil {
			t.Fatal(err)
		}
	}
	return n
}
