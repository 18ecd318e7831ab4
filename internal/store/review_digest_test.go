package store_test

import (
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestReviewDigestGoesToCurrentAddress holds that the daily digest goes to the address a person
// has when it is sent. The outbox writes the address into each delivery when it is planned, and
// PendingDigests sends to that: someone who corrects a wrong or old address in the morning still
// has the evening's digest, with everything of the day, mailed to the address they replaced.
func TestReviewDigestGoesToCurrentAddress(t *testing.T) {
	f := newNewsroom(t)
	writer := newsroom.UserFrom(f.writer)
	if _, err := f.s.SetEmail(f.writer, writer.ID, "sarah@old.example"); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.SetNotificationPrefs(f.writer, newsroom.NotificationPrefs{Email: newsroom.NotificationKinds, Digest: true}); err != nil {
		t.Fatal(err)
	}
	d := f.draftWith(t, commentBody)
	f.commentOn(t, f.editor, d.ID, 0, 7, "Is this right?")
	if _, err := f.s.SetEmail(f.writer, writer.ID, "sarah@new.example"); err != nil {
		t.Fatal(err)
	}
	batches, err := f.s.PendingDigests(f.writer)
	if err != nil {
		t.Fatal(err)
	}
	if len(batches) != 1 {
		t.Fatalf("pending digests: %+v", batches)
	}
	if batches[0].To != "sarah@new.example" {
		t.Fatalf("Sarah's digest goes to %s, the address she replaced", batches[0].To)
	}
}
