package store_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/clock"
	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/store"
)

// TestBurstLeavesADigestBeingSent: a thread opened while the daily digest is being sent (after
// the job read the rows, before it marked them sent) is not folded into a row the digest
// already carries: it waits for the next digest, and the notice log says what was sent.
func TestBurstLeavesADigestBeingSent(t *testing.T) {
	f := newNewsroom(t)
	writer := newsroom.UserFrom(f.writer)
	if _, err := f.s.SetEmail(f.admin, writer.ID, "sarah@example.org"); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.SetNotificationPrefs(f.writer, newsroom.NotificationPrefs{Email: newsroom.NotificationKinds, Digest: true}); err != nil {
		t.Fatal(err)
	}
	d := f.draftWith(t, commentBody)
	f.commentOn(t, f.editor, d.ID, 0, 7, "one")
	batches, err := f.s.PendingDigests(t.Context())
	if err != nil || len(batches) != 1 || len(batches[0].Deliveries) != 1 {
		t.Fatalf("batches %+v, %v", batches, err)
	}
	f.commentOn(t, f.editor, d.ID, 8, 17, "two")
	if err := f.s.RecordDigest(t.Context(), []int64{batches[0].Deliveries[0].ID}, store.DigestAttempt{Node: "n"}); err != nil {
		t.Fatal(err)
	}
	after, err := f.s.PendingDigests(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if len(after) != 1 || len(after[0].Deliveries) != 1 {
		t.Fatalf("after the digest went, the second thread waits in %+v, not in one row of the next digest", after)
	}
	entries, err := f.s.DraftNotifications(f.writer, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	var sent []string
	for _, e := range entries {
		if e.Channel == newsroom.ChannelEmail && e.Status == "sent" {
			sent = append(sent, e.Subject)
		}
	}
	if len(sent) != 1 || strings.Contains(sent[0], "new comments") {
		t.Errorf("the notice log says these emails were sent: %q; the digest carried the first thread alone", sent)
	}
}

// TestBurstFoldsOnlyIntoTheNewest: a person's notifications are listed newest first, so a new
// thread folds into their unread notification of the same person's threads only while it is
// their newest; after another person's thread it starts a notification of its own, on top.
func TestBurstFoldsOnlyIntoTheNewest(t *testing.T) {
	clk := clock.NewFake(time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC))
	f := newNewsroomAt(t, store.Options{Clock: clk})
	d := f.draftWith(t, commentBody)
	steps := []struct {
		who   string
		start int
		want  []string
	}{
		{"ed", 0, []string{"ed commented"}},
		{"ed", 8, []string{"ed made 2 new comments"}},
		{"fiona", 18, []string{"fiona commented", "ed made 2 new comments"}},
		{"ed", 26, []string{"ed commented", "fiona commented", "ed made 2 new comments"}},
		{"ed", 34, []string{"ed made 2 new comments", "fiona commented", "ed made 2 new comments"}},
	}
	for i, st := range steps {
		actor := f.editor
		if st.who == "fiona" {
			actor = f.checker
		}
		f.commentOn(t, actor, d.ID, st.start, st.start+6, "Check this.")
		clk.Add(time.Minute)
		page, err := f.s.Notifications(f.writer, true, 0, 0)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, n := range page.Notifications {
			got = append(got, strings.SplitN(n.Subject, " on ", 2)[0])
		}
		if !slices.Equal(got, st.want) {
			t.Fatalf("after thread %d, by %s, the writer's unread list, newest first, is %q; want %q", i+1, st.who, got, st.want)
		}
	}
}
