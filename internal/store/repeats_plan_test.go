package store_test

import (
	"database/sql"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/store"
	"github.com/copydesk/copydesk/internal/store/storetest"
)

// TestRepeatLookupUsesItsIndex checks that the lookup of a repeat's last email and post, run
// inside the write transaction of every mention and assignment, reads deliveries_repeats, and
// delivery_repeat_keys_key with deliveries_posts for the posts of several people mentioned at
// once, on SQLite and on PostgreSQL among many deliveries of other repeats, so its cost is
// bounded by the deliveries of the one repeat (held rounds write none), not by the rounds held
// or by others; that the sweep of keys past the quiet finds them by
// delivery_repeat_keys_created, and a webhook's deletion its keys by delivery_repeat_keys_webhook
// and _event, not by reading every key.
func TestRepeatLookupUsesItsIndex(t *testing.T) {
	f := newNewsroom(t)
	db := f.s.DB()
	now := time.Now().UTC()
	tx, err := db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	for i := range 5000 {
		key := store.RepeatKey(&newsroom.Event{Kind: newsroom.EventMentioned, SubjectID: int64(i % 500), DraftID: int64(i % 7), ActorID: 1, Action: "comment"})
		status := "failed"
		if i%3 == 0 {
			status = "sent"
		}
		channel := newsroom.ChannelEmail
		if i%2 == 1 {
			channel = newsroom.ChannelWebhook
		}
		id := int64(i + 1)
		if _, err := tx.Exec(`INSERT INTO deliveries (channel, event_id, recipient, payload, status, next_at, created_at, repeat_key) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
			channel, id, fmt.Sprintf("p%d@example.org", i), "{}", status, now, now.Add(-time.Duration(i)*time.Second), key); err != nil {
			t.Fatal(err)
		}
		further := store.RepeatKey(&newsroom.Event{Kind: newsroom.EventMentioned, SubjectID: int64(i%500 + 500), DraftID: int64(i % 7), ActorID: 1, Action: "comment"})
		if _, err := tx.Exec("INSERT INTO delivery_repeat_keys (event_id, repeat_key, created_at) VALUES ($1, $2, $3)", id, further, now.Add(-time.Duration(i)*time.Second)); err != nil {
			t.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("ANALYZE"); err != nil {
		t.Fatal(err)
	}
	key := store.RepeatKey(&newsroom.Event{Kind: newsroom.EventMentioned, SubjectID: 3, DraftID: 3, ActorID: 1})
	from, to := now.Add(-newsroom.RepeatQuiet), now.Add(newsroom.RepeatQuiet)
	if plan := explainPlan(t, db, store.RepeatToldSQL, key, from, to, "pending", "sent", key, from, to, "pending", "sent"); !strings.Contains(plan, "deliveries_repeats") ||
		!strings.Contains(plan, "delivery_repeat_keys_key") || !strings.Contains(plan, "deliveries_posts") {
		t.Fatalf("the repeat lookup's plan is:\n%s", plan)
	}
	if plan := explainPlan(t, db, store.PruneRepeatKeysSQL, from, 1000); !strings.Contains(plan, "delivery_repeat_keys_created") {
		t.Fatalf("the repeat keys' sweep's plan is:\n%s", plan)
	}
	if plan := explainPlan(t, db, "DELETE FROM delivery_repeat_keys WHERE webhook_id = ?", 1); !strings.Contains(plan, "delivery_repeat_keys_webhook") {
		t.Fatalf("a webhook's own repeat keys' deletion's plan is:\n%s", plan)
	}
	if plan := explainPlan(t, db, store.DeleteSharedKeysSQL, 1, 1); !strings.Contains(plan, "delivery_repeat_keys_event") {
		t.Fatalf("a webhook's shared repeat keys' deletion's plan is:\n%s", plan)
	}
}

// explainPlan is the plan the database makes for query with args, a step a line.
func explainPlan(t *testing.T, db *sql.DB, query string, args ...any) string {
	t.Helper()
	explain := "EXPLAIN QUERY PLAN "
	if storetest.Postgres() {
		explain = "EXPLAIN "
	}
	rows, err := db.Query(explain+store.NumberPlaceholders(query), args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		t.Fatal(err)
	}
	plan := ""
	for rows.Next() {
		cells := make([]any, len(cols))
		for i := range cells {
			cells[i] = new(any)
		}
		if err := rows.Scan(cells...); err != nil {
			t.Fatal(err)
		}
		plan += fmt.Sprintf("%s\n", *cells[len(cells)-1].(*any))
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	t.Log(plan)
	return plan
}
