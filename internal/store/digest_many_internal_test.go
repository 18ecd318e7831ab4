package store

import (
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestDigestsPastStatementVariables: the daily digest reads everyone's waiting deliveries and
// checks each one's person as they are now, gives up those whose person may no longer hear of
// them, and records each person's digest. With more waiting deliveries than one statement may
// list (32,766 variables on SQLite), each of those steps must still work, for everyone.
func TestDigestsPastStatementVariables(t *testing.T) {
	const n = 40_000
	f := newPlanFixture(t)
	ctx := t.Context()
	now := time.Now()
	wait := func(u *newsroom.User) {
		t.Helper()
		if err := f.s.w.Exec("UPDATE users SET email = ? WHERE id = ?", u.Username+"@example.com", u.ID).Error; err != nil {
			t.Fatal(err)
		}
		err := f.s.w.Exec(`INSERT INTO notifications (user_id, event_id, kind, subject, link, created_at)
			WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < ?)
			SELECT ?, i, 'mention', 'A notice', '/', ? FROM seq`, n, u.ID, now).Error
		if err != nil {
			t.Fatal(err)
		}
		err = f.s.w.Exec(`INSERT INTO deliveries (channel, notification_id, recipient, payload, status, next_at, created_at)
			SELECT 'email', id, 'then@example.com', '{}', 'digest', ?, ? FROM notifications WHERE user_id = ?`, now, now, u.ID).Error
		if err != nil {
			t.Fatal(err)
		}
	}
	sarah, fiona := newsroom.UserFrom(f.writer), newsroom.UserFrom(f.checker)
	wait(sarah)
	wait(fiona)
	if err := f.s.w.Exec("UPDATE users SET disabled = ? WHERE id = ?", true, fiona.ID).Error; err != nil {
		t.Fatal(err)
	}
	batches, err := f.s.PendingDigests(ctx)
	if err != nil {
		t.Fatalf("%d waiting deliveries: %v", 2*n, err)
	}
	if len(batches) != 1 || batches[0].UserID != sarah.ID || len(batches[0].Deliveries) != n || batches[0].To != "sarah@example.com" {
		t.Fatalf("digests = %d batches, want sarah's %d", len(batches), n)
	}
	var failed int64
	if err := f.s.w.Table("deliveries").Where("status = ? AND last_error = ?", deliveryFailed, notAllowed).Count(&failed).Error; err != nil {
		t.Fatal(err)
	}
	if failed != n {
		t.Fatalf("%d of disabled fiona's deliveries given up, want %d", failed, n)
	}
	ids := make([]int64, n)
	for i, d := range batches[0].Deliveries {
		ids[i] = d.ID
	}
	if err := f.s.RecordDigest(ctx, ids, DigestAttempt{Node: "a", Status: 250}); err != nil {
		t.Fatalf("recording sarah's digest of %d: %v", n, err)
	}
	var sent, attempts int64
	f.s.w.Table("deliveries").Where("status = ?", "sent").Count(&sent)
	f.s.w.Table("delivery_attempts").Count(&attempts)
	if sent != n || attempts != n {
		t.Fatalf("%d sent, %d attempts logged, want %d each", sent, attempts, n)
	}
}
