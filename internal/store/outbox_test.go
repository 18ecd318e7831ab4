package store_test

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/store"
	"github.com/copydesk/copydesk/internal/store/storetest"
)

// outboxRow is a delivery as these tests read it.
type outboxRow struct {
	Channel   string
	Recipient string
	Status    string
	Payload   string
}

func deliveriesOf(t *testing.T, s *store.Store, draftID int64) []outboxRow {
	t.Helper()
	rows, err := s.DB().Query("SELECT channel, recipient, status, payload FROM deliveries WHERE draft_id = $1 ORDER BY id", draftID)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []outboxRow
	for rows.Next() {
		var r outboxRow
		if err := rows.Scan(&r.Channel, &r.Recipient, &r.Status, &r.Payload); err != nil {
			t.Fatal(err)
		}
		out = append(out, r)
	}
	return out
}

func mustExec(t testing.TB, s *store.Store, query string, args ...any) {
	t.Helper()
	if _, err := s.DB().Exec(query, args...); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
}

// assignAnyone writes the person of ctx in as the assignee of draft id at stage, past the
// checks of Store.Assign: it makes the wrong assignments a test needs (a writer at a desk).
func assignAnyone(t testing.TB, f *newsroomFixture, id int64, stage string, who context.Context) {
	t.Helper()
	mustExec(t, f.s, "INSERT INTO assignments (draft_id, stage, user_id, assigned_by, assigned_at) VALUES ($1, $2, $3, $4, $5)",
		id, stage, uid(who), uid(f.editor), time.Now().UTC())
}

func uid(ctx context.Context) int64 { return newsroom.UserFrom(ctx).ID }

// TestOutbox follows a piece from the writer to the fact-checker and back: each change writes
// the in-app notification of each person it concerns, an email delivery for those with an
// address who want the kind (held for the digest for those who chose one), and a post to each
// webhook that takes the kind, in the change's own transaction; a save tells nobody.
func TestOutbox(t *testing.T) {
	f := newNewsroom(t)
	// The assignment comes before anyone has an address or a webhook listens, so that each step
	// below is told alone.
	d, err := f.s.CreateDraft(f.writer, sampleText("Flood defences"))
	if err != nil {
		t.Fatal(err)
	}
	f.assign(t, d.ID, newsroom.StageFactCheck, f.checker)
	mustExec(t, f.s, "UPDATE users SET email = username || '@example.com' WHERE username IN ('sarah', 'fiona', 'ed')")
	mustExec(t, f.s, "INSERT INTO notification_prefs (user_id, email, digest) VALUES ($1, '[\"returned\"]', TRUE)", uid(f.writer))
	all, err := f.s.CreateWebhook(f.admin, newsroom.NewWebhook{Name: "newsroom chat", URL: "https://chat.example.com/hook"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.CreateWebhook(f.admin, newsroom.NewWebhook{Name: "published only", URL: "https://site.example.com/hook", Kinds: []newsroom.NotificationKind{newsroom.NotifyPublished}}); err != nil {
		t.Fatal(err)
	}

	t.Run("SaveTellsNobody", func(t *testing.T) {
		title := "Flood defences hold"
		if _, err := f.s.UpdateDraft(f.writer, d.ID, newsroom.DraftUpdate{Title: &title, Version: d.Version}); err != nil {
			t.Fatal(err)
		}
		if got := deliveriesOf(t, f.s, d.ID); len(got) != 0 {
			t.Fatalf("deliveries after a save = %+v", got)
		}
	})
	t.Run("ArrivedAtTheAssignee", func(t *testing.T) {
		if _, err := f.s.Transition(f.writer, d.ID, newsroom.TransitionRequest{Action: newsroom.ActionSubmit}); err != nil {
			t.Fatal(err)
		}
		page, err := f.s.Notifications(f.checker, false, 0, 10)
		if err != nil || len(page.Notifications) != 1 {
			t.Fatalf("checker's notifications = %+v, %v", page, err)
		}
		n := page.Notifications[0]
		if n.Kind != newsroom.NotifyArrived || n.Link != "/drafts/"+itoa(d.ID)+"#history" || n.Subject != "sarah moved “Flood defences hold” to Fact-check" {
			t.Errorf("notification = %+v", n)
		}
		if mine, _ := f.s.Notifications(f.writer, false, 0, 10); len(mine.Notifications) != 0 {
			t.Errorf("the writer was told of their own submit: %+v", mine.Notifications)
		}
		got := deliveriesOf(t, f.s, d.ID)
		if len(got) != 2 || got[0].Channel != "email" || got[0].Recipient != "fiona@example.com" || got[0].Status != "pending" ||
			got[1].Channel != "webhook" || got[1].Recipient != all.Name || !strings.Contains(got[1].Payload, `"link":"/drafts/`) {
			t.Fatalf("deliveries = %+v", got)
		}
	})
	t.Run("ReturnedToTheWriterForTheDigest", func(t *testing.T) {
		if _, err := f.s.Transition(f.checker, d.ID, newsroom.TransitionRequest{Action: newsroom.ActionReturn, Note: "Name the engineer."}); err != nil {
			t.Fatal(err)
		}
		page, err := f.s.Notifications(f.writer, true, 0, 10)
		if err != nil || len(page.Notifications) != 1 || page.Notifications[0].Kind != newsroom.NotifyReturned ||
			!strings.Contains(page.Notifications[0].Subject, "“Name the engineer.”") {
			t.Fatalf("writer's notifications = %+v, %v", page, err)
		}
		got := deliveriesOf(t, f.s, d.ID)
		if len(got) != 4 || got[2].Recipient != "sarah@example.com" || got[2].Status != "digest" || !strings.Contains(got[2].Payload, "Name the engineer.") {
			t.Fatalf("deliveries = %+v", got)
		}
	})
	t.Run("EmailOnlyOfTheChosenKinds", func(t *testing.T) {
		if _, err := f.s.Transition(f.writer, d.ID, newsroom.TransitionRequest{Action: newsroom.ActionSubmit}); err != nil {
			t.Fatal(err)
		}
		c, err := f.s.CreateComment(f.checker, d.ID, newsroom.NewComment{Field: "body", Body: "Who said this?", Quote: &newsroom.TextQuote{Exact: "Second paragraph."}})
		if err != nil {
			t.Fatal(err)
		}
		page, _ := f.s.Notifications(f.writer, true, 0, 10)
		if len(page.Notifications) != 2 || page.Notifications[0].Link != newsroom.ThreadLink(d.ID, c.ID) {
			t.Fatalf("writer's notifications = %+v", page.Notifications)
		}
		for _, r := range deliveriesOf(t, f.s, d.ID)[4:] {
			if r.Recipient == "sarah@example.com" {
				t.Errorf("an email of a kind the writer did not choose: %+v", r)
			}
		}
	})
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// TestOutboxOneNoticeAComment: a new thread that mentions the piece's writer is a thread on
// their piece and a mention at once; they are told once, of the mention, in the app and by email.
func TestOutboxOneNoticeAComment(t *testing.T) {
	f := newNewsroom(t)
	mustExec(t, f.s, "UPDATE users SET email = username || '@example.com' WHERE username = 'sarah'")
	d, err := f.s.CreateDraft(f.writer, sampleText("Flood defences"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.Transition(f.writer, d.ID, newsroom.TransitionRequest{Action: newsroom.ActionSubmit}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.CreateComment(f.checker, d.ID, newsroom.NewComment{Field: "body", Body: "@sarah who said this?", Quote: &newsroom.TextQuote{Exact: "Second paragraph."}}); err != nil {
		t.Fatal(err)
	}
	page, err := f.s.Notifications(f.writer, false, 0, 10)
	if err != nil || len(page.Notifications) != 1 || page.Notifications[0].Kind != newsroom.NotifyMentioned {
		t.Fatalf("the writer's notifications = %+v, %v", page.Notifications, err)
	}
	var emails int
	for _, r := range deliveriesOf(t, f.s, d.ID) {
		if r.Recipient == "sarah@example.com" {
			emails++
		}
	}
	if emails != 1 {
		t.Fatalf("%d emails to the writer, want 1", emails)
	}
}

// TestOutboxTellsOnlyWhoMaySee: a person the policy does not let see the piece (another writer
// wrongly assigned to its desk, or a disabled fact-checker) is not told of it.
func TestOutboxTellsOnlyWhoMaySee(t *testing.T) {
	f := newNewsroom(t)
	for _, tt := range []struct {
		name  string
		setup func(d *newsroom.Draft)
	}{
		{"AnotherWriter", func(d *newsroom.Draft) { assignAnyone(t, f, d.ID, "fact_check", f.other) }},
		{"DisabledChecker", func(d *newsroom.Draft) {
			f.assign(t, d.ID, newsroom.StageFactCheck, f.checker)
			mustExec(t, f.s, "UPDATE users SET disabled = TRUE WHERE id = $1", uid(f.checker))
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			d, err := f.s.CreateDraft(f.writer, sampleText(tt.name))
			if err != nil {
				t.Fatal(err)
			}
			tt.setup(d)
			if _, err := f.s.Transition(f.writer, d.ID, newsroom.TransitionRequest{Action: newsroom.ActionSubmit}); err != nil {
				t.Fatal(err)
			}
			log, err := f.s.DraftNotifications(f.editor, d.ID)
			if err != nil || len(log) != 0 {
				t.Fatalf("told: %+v, %v", log, err)
			}
		})
	}
}

// TestCatchUpPlansNothing: a server that reads another's events tells nobody again; only the
// transaction that recorded an event writes its notifications.
func TestCatchUpPlansNothing(t *testing.T) {
	dsn := storetest.DSN(t)
	f := &newsroomFixture{s: openMigrated(t, dsn, store.Options{})}
	f.writer, _ = mustUser(t, f.s, "sarah", newsroom.RoleWriter)
	f.checker, _ = mustUser(t, f.s, "fiona", newsroom.RoleFactChecker)
	f.editor, _ = mustUser(t, f.s, "ed", newsroom.RoleEditor)
	there := openMigrated(t, dsn, store.Options{})
	if err := there.CatchUp(context.Background()); err != nil {
		t.Fatal(err)
	}
	d, err := f.s.CreateDraft(f.writer, sampleText("Once"))
	if err != nil {
		t.Fatal(err)
	}
	f.assign(t, d.ID, newsroom.StageFactCheck, f.checker)
	if _, err := f.s.Transition(f.writer, d.ID, newsroom.TransitionRequest{Action: newsroom.ActionSubmit}); err != nil {
		t.Fatal(err)
	}
	if err := there.CatchUp(context.Background()); err != nil {
		t.Fatal(err)
	}
	var n int
	if err := f.s.DB().QueryRow("SELECT COUNT(*) FROM notifications").Scan(&n); err != nil || n != 1 {
		t.Fatalf("%d notifications (%v), want 1", n, err)
	}
}
