package store_test

import (
	"strings"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/clock"
	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/store"
	"github.com/copydesk/copydesk/internal/store/storetest"
)

// TestNotificationsRead: a person reads their own notifications, newest first and paged, marks
// one or all read, and cannot reach anyone else's.
func TestNotificationsRead(t *testing.T) {
	f := newNewsroom(t)
	for range 3 {
		d, err := f.s.CreateDraft(f.writer, sampleText("Piece"))
		if err != nil {
			t.Fatal(err)
		}
		f.assign(t, d.ID, newsroom.StageFactCheck, f.checker)
		if _, err := f.s.Transition(f.writer, d.ID, newsroom.TransitionRequest{Action: newsroom.ActionSubmit}); err != nil {
			t.Fatal(err)
		}
	}
	first, err := f.s.Notifications(f.checker, false, 0, 2)
	if err != nil || len(first.Notifications) != 2 || first.Next == 0 || first.Notifications[0].ID < first.Notifications[1].ID {
		t.Fatalf("first page = %+v, %v", first, err)
	}
	rest, err := f.s.Notifications(f.checker, false, first.Next, 2)
	if err != nil || len(rest.Notifications) != 1 || rest.Next != 0 {
		t.Fatalf("second page = %+v, %v", rest, err)
	}
	if n, err := f.s.UnreadCount(f.checker); err != nil || n != 3 {
		t.Fatalf("UnreadCount = %d, %v", n, err)
	}
	one := rest.Notifications[0]
	_, err = f.s.ReadNotification(f.editor, one.ID)
	wantCode(t, err, newsroom.ENOTFOUND)
	read, err := f.s.ReadNotification(f.checker, one.ID)
	if err != nil || read.ReadAt == nil || read.Link != one.Link {
		t.Fatalf("ReadNotification = %+v, %v", read, err)
	}
	if unread, _ := f.s.Notifications(f.checker, true, 0, 10); len(unread.Notifications) != 2 {
		t.Fatalf("unread after reading one = %+v", unread.Notifications)
	}
	if n, err := f.s.ReadAllNotifications(f.checker); err != nil || n != 2 {
		t.Fatalf("ReadAllNotifications = %d, %v", n, err)
	}
	if n, _ := f.s.UnreadCount(f.checker); n != 0 {
		t.Fatalf("UnreadCount after reading all = %d", n)
	}
}

// TestWebhooksAdmin: only who manages the newsroom's people manages its webhooks; the secret is
// shown once; a webhook posts only to http or https; pausing and deleting work.
func TestWebhooksAdmin(t *testing.T) {
	f := newNewsroom(t)
	_, err := f.s.CreateWebhook(f.editor, newsroom.NewWebhook{Name: "chat", URL: "https://chat.example.com/h"})
	wantCode(t, err, newsroom.EFORBIDDEN)
	for _, bad := range []newsroom.NewWebhook{{Name: "", URL: "https://chat.example.com/h"}, {Name: "chat", URL: "ftp://chat.example.com/h"},
		{Name: "chat", URL: "/relative"}, {Name: "chat", URL: "https://chat.example.com/h", Kinds: []newsroom.NotificationKind{"gossip"}}} {
		_, err := f.s.CreateWebhook(f.admin, bad)
		wantCode(t, err, newsroom.EINVALID)
	}
	w, err := f.s.CreateWebhook(f.admin, newsroom.NewWebhook{Name: "chat", URL: "https://chat.example.com/h"})
	if err != nil || len(w.Secret) < 40 || !w.Active {
		t.Fatalf("CreateWebhook = %+v, %v", w, err)
	}
	list, err := f.s.Webhooks(f.admin)
	if err != nil || len(list) != 1 || list[0].Secret != "" {
		t.Fatalf("Webhooks = %+v, %v", list, err)
	}
	if _, secret, _, _ := f.s.WebhookTarget(t.Context(), w.ID); secret != w.Secret {
		t.Fatalf("the worker's secret %q is not the one shown", secret)
	}
	paused, err := f.s.SetWebhookActive(f.admin, w.ID, false)
	if err != nil || paused.Active {
		t.Fatalf("pause = %+v, %v", paused, err)
	}
	if err := f.s.DeleteWebhook(f.admin, w.ID); err != nil {
		t.Fatal(err)
	}
	_, err = f.s.Webhook(f.admin, w.ID)
	wantCode(t, err, newsroom.ENOTFOUND)
}

// TestDraftNotificationLog: the log of a piece says who was told, by which channel, and how
// delivery went; its writer, editors and admins read it, and nobody else.
func TestDraftNotificationLog(t *testing.T) {
	f := newNewsroom(t)
	mustExec(t, f.s, "UPDATE users SET email = 'fiona@example.com' WHERE username = 'fiona'")
	d, err := f.s.CreateDraft(f.writer, sampleText("Log"))
	if err != nil {
		t.Fatal(err)
	}
	f.assign(t, d.ID, newsroom.StageFactCheck, f.checker)
	if _, err := f.s.Transition(f.writer, d.ID, newsroom.TransitionRequest{Action: newsroom.ActionSubmit}); err != nil {
		t.Fatal(err)
	}
	log, err := f.s.DraftNotifications(f.writer, d.ID)
	if err != nil || len(log) != 2 {
		t.Fatalf("log = %+v, %v", log, err)
	}
	channels := map[string]newsroom.NoticeLogEntry{}
	for _, e := range log {
		channels[e.Channel] = e
	}
	if e := channels["app"]; e.Status != "delivered" || e.Person == nil || e.Person.Username != "fiona" || e.Kind != newsroom.NotifyArrived {
		t.Errorf("in-app entry = %+v", e)
	}
	if e := channels["email"]; e.Status != "pending" || e.Recipient != "fiona" || e.Kind != newsroom.NotifyArrived {
		t.Errorf("email entry = %+v (names the person, not the address)", e)
	}
	_, err = f.s.DraftNotifications(f.checker, d.ID)
	wantCode(t, err, newsroom.EFORBIDDEN)
	_, err = f.s.DraftNotifications(f.other, d.ID)
	wantCode(t, err, newsroom.ENOTFOUND)
	if _, err := f.s.DraftNotifications(f.editor, d.ID); err != nil {
		t.Fatalf("editor's log: %v", err)
	}
}

// TestLeaseDeliveries: a paused webhook's delivery waits; a leased delivery is not leased again
// until its lease runs out; a failed attempt puts it back after its pause, and a success sends
// it; every attempt is in its log.
func TestLeaseDeliveries(t *testing.T) {
	clk := clock.NewFake(time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC))
	f := newNewsroomAt(t, store.Options{Clock: clk})
	w, err := f.s.CreateWebhook(f.admin, newsroom.NewWebhook{Name: "chat", URL: "https://chat.example.com/h"})
	if err != nil {
		t.Fatal(err)
	}
	d, err := f.s.CreateDraft(f.writer, sampleText("Leases"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.Transition(f.writer, d.ID, newsroom.TransitionRequest{Action: newsroom.ActionSubmit}); err != nil {
		t.Fatal(err)
	}
	ctx := t.Context()
	webhook := []string{newsroom.ChannelWebhook}
	if got, err := f.s.LeaseDeliveries(ctx, "a", []string{newsroom.ChannelEmail}, 10, time.Minute); err != nil || len(got) != 0 {
		t.Fatalf("lease of another channel = %+v, %v", got, err)
	}
	if _, err := f.s.SetWebhookActive(f.admin, w.ID, false); err != nil {
		t.Fatal(err)
	}
	if got, err := f.s.LeaseDeliveries(ctx, "a", webhook, 10, time.Minute); err != nil || len(got) != 0 {
		t.Fatalf("lease of a paused webhook's delivery = %+v, %v", got, err)
	}
	if _, err := f.s.SetWebhookActive(f.admin, w.ID, true); err != nil {
		t.Fatal(err)
	}
	got, err := f.s.LeaseDeliveries(ctx, "a", webhook, 10, time.Minute)
	if err != nil || len(got) != 1 || got[0].WebhookID != w.ID {
		t.Fatalf("lease = %+v, %v", got, err)
	}
	if again, _ := f.s.LeaseDeliveries(ctx, "b", webhook, 10, time.Minute); len(again) != 0 {
		t.Fatalf("a leased delivery was leased again: %+v", again)
	}
	clk.Add(61 * time.Second)
	taken, _ := f.s.LeaseDeliveries(ctx, "b", webhook, 10, time.Minute)
	if len(taken) != 1 {
		t.Fatalf("a delivery whose lease ran out was not taken over: %+v", taken)
	}
	if err := f.s.RecordAttempt(ctx, taken[0].ID, "b", store.Attempt{StatusCode: 500, Error: "the webhook answered 500", RetryIn: 10 * time.Second}); err != nil {
		t.Fatal(err)
	}
	if early, _ := f.s.LeaseDeliveries(ctx, "b", webhook, 10, time.Minute); len(early) != 0 {
		t.Fatalf("leased again before its pause ended: %+v", early)
	}
	clk.Add(10 * time.Second)
	retry, _ := f.s.LeaseDeliveries(ctx, "a", webhook, 10, time.Minute)
	if len(retry) != 1 || retry[0].Attempts != 1 {
		t.Fatalf("retry lease = %+v", retry)
	}
	if err := f.s.RecordAttempt(ctx, retry[0].ID, "a", store.Attempt{OK: true, StatusCode: 204}); err != nil {
		t.Fatal(err)
	}
	logs, err := f.s.WebhookDeliveries(f.admin, w.ID, 10)
	if err != nil || len(logs) != 1 || logs[0].Status != "sent" || len(logs[0].Attempts) != 2 ||
		logs[0].Attempts[0].OK || logs[0].Attempts[0].StatusCode != 500 || logs[0].Attempts[0].Node != "b" || !logs[0].Attempts[1].OK {
		t.Fatalf("delivery log = %+v, %v", logs, err)
	}
}

// TestLateAttemptKeepsNewLease holds that a node whose lease ran out cannot clear the lease of
// the node that took the delivery over. Node a, slow past its lease, records its failure while
// node b is sending; were that to give b's lease back, a third node (c) would send the same post
// again while b's is still under way: three sends of one delivery where the design allows two.
func TestLateAttemptKeepsNewLease(t *testing.T) {
	clk := clock.NewFake(time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC))
	f := newNewsroomAt(t, store.Options{Clock: clk})
	if _, err := f.s.CreateWebhook(f.admin, newsroom.NewWebhook{Name: "chat", URL: "https://chat.example.com/h"}); err != nil {
		t.Fatal(err)
	}
	d, err := f.s.CreateDraft(f.writer, sampleText("Leases"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.Transition(f.writer, d.ID, newsroom.TransitionRequest{Action: newsroom.ActionSubmit}); err != nil {
		t.Fatal(err)
	}
	ctx := t.Context()
	webhook := []string{newsroom.ChannelWebhook}
	first, err := f.s.LeaseDeliveries(ctx, "a", webhook, 10, time.Minute)
	if err != nil || len(first) != 1 {
		t.Fatalf("lease a = %+v, %v", first, err)
	}
	clk.Add(61 * time.Second)
	second, err := f.s.LeaseDeliveries(ctx, "b", webhook, 10, time.Minute)
	if err != nil || len(second) != 1 {
		t.Fatalf("lease b = %+v, %v", second, err)
	}
	// Node a's send, begun before its lease ran out, fails now and a records it.
	if err := f.s.RecordAttempt(ctx, first[0].ID, "a", store.Attempt{Error: "timeout", RetryIn: time.Second}); err != nil {
		t.Fatal(err)
	}
	clk.Add(2 * time.Second)
	if third, _ := f.s.LeaseDeliveries(ctx, "c", webhook, 10, time.Minute); len(third) != 0 {
		t.Fatalf("node b holds the delivery for a minute, and node c leased it too, 2s in: %+v", third)
	}
}

// TestUnreadCountUsesItsIndex: the bell's count, asked on every page, reads the partial index of
// unread notifications (migration 00021), not every notification the person ever had.
func TestUnreadCountUsesItsIndex(t *testing.T) {
	if storetest.Postgres() {
		t.Skip("SQLite's plan is the one asked on every page of a single server; PostgreSQL plans by its statistics")
	}
	f := newNewsroom(t)
	rows, err := f.s.DB().Query("EXPLAIN QUERY PLAN SELECT COUNT(*) FROM notifications WHERE user_id = ? AND read_at IS NULL", uid(f.writer))
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	plan := ""
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		plan += detail + "\n"
	}
	if !strings.Contains(plan, "notifications_unread") {
		t.Fatalf("the unread count's plan is:\n%s", plan)
	}
}
