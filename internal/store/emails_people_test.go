package store_test

import (
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/clock"
	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/store"
)

// TestEmailFollowsPersonsChange: an email waiting to go (a retry, or a notice held for the
// daily digest) tells of a piece, and often quotes it. Its person may have been disabled since
// it was planned, or given a role that may not see the piece: it then goes nowhere, as no
// notice would be planned for them now, rather than mailing a fired employee the day's comments
// on unpublished pieces, or a fact-checker made a writer the replies on another's piece. A person left as they were still gets it.
func TestEmailFollowsPersonsChange(t *testing.T) {
	disabled := true
	writerRole := newsroom.RoleWriter
	for _, tc := range []struct {
		name     string
		change   *store.UserChange
		wantSent bool
	}{
		{"Unchanged", nil, true},
		{"Disabled", &store.UserChange{Disabled: &disabled}, false},
		{"MayNoLongerSee", &store.UserChange{Role: &writerRole}, false},
	} {
		for _, digest := range []bool{false, true} {
			name := tc.name + map[bool]string{false: "Email", true: "Digest"}[digest]
			t.Run(name, func(t *testing.T) {
				clk := clock.NewFake(time.Now())
				f := newNewsroomAt(t, store.Options{Clock: clk})
				fiona := newsroom.UserFrom(f.checker)
				if _, err := f.s.SetEmail(f.admin, fiona.ID, "fiona@example.org"); err != nil {
					t.Fatal(err)
				}
				if _, err := f.s.SetNotificationPrefs(f.checker, newsroom.NotificationPrefs{Email: newsroom.NotificationKinds, Digest: digest}); err != nil {
					t.Fatal(err)
				}
				d := f.draftWith(t, commentBody)
				asked := f.commentOn(t, f.checker, d.ID, 0, 7, "Who said this?")
				if _, err := f.s.Reply(f.editor, asked.ID, newsroom.NewReply{Body: "A source who asked not to be named."}); err != nil {
					t.Fatal(err)
				}
				if tc.change != nil {
					if _, err := f.s.UpdateUser(f.admin, fiona.ID, *tc.change); err != nil {
						t.Fatal(err)
					}
				}
				clk.Add(newsroom.BurstHold)
				var sent int
				if digest {
					batches, err := f.s.PendingDigests(f.admin)
					if err != nil {
						t.Fatal(err)
					}
					for _, b := range batches {
						sent += len(b.Deliveries)
					}
				} else {
					leased, err := f.s.LeaseDeliveries(t.Context(), "a", []string{newsroom.ChannelEmail}, 10, time.Minute)
					if err != nil {
						t.Fatal(err)
					}
					sent = len(leased)
				}
				if (sent > 0) != tc.wantSent {
					t.Fatalf("%d emails go to Fiona, want some: %v", sent, tc.wantSent)
				}
			})
		}
	}
}
