package store_test

import (
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
// delivery_repeat_keys_key for the posts of several people mentioned at once, on SQLite and on
// PostgreSQL among many deliveries of other repeats, so its cost is bounded by the deliveries
// of the one repeat (held rounds write none), not by the rounds held or by others.
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
		var id int64
		if err := tx.QueryRow(`INSERT INTO deliveries (channel, recipient, payload, status, next_at, created_at, repeat_key) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
			newsroom.ChannelEmail, fmt.Sprintf("p%d@example.org", i), "{}", status, now, now.Add(-time.Duration(i)*time.Second), key).Scan(&id); err != nil {
			t.Fatal(err)
		}
		further := store.RepeatKey(&newsroom.Event{Kind: newsroom.EventMentioned, SubjectID: int64(i%500 + 500), DraftID: int64(i % 7), ActorID: 1, Action: "comment"})
		if _, err := tx.Exec("INSERT INTO delivery_repeat_keys (delivery_id, repeat_key, created_at) VALUES ($1, $2, $3)", id, further, now.Add(-time.Duration(i)*time.Second)); err != nil {
			t.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("ANALYZE"); err != nil {
		t.Fatal(err)
	}
	explain := "EXPLAIN QUERY PLAN "
	if storetest.Postgres() {
		explain = "EXPLAIN "
	}
	key := store.RepeatKey(&newsroom.Event{Kind: newsroom.EventMentioned, SubjectID: 3, DraftID: 3, ActorID: 1})
	from, to := now.Add(-newsroom.RepeatQuiet), now.Add(newsroom.RepeatQuiet)
	rows, err := db.Query(explain+store.NumberPlaceholders(store.RepeatToldSQL), key, from, to, "pending", "sent", key, from, to, "pending", "sent")
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
	if !strings.Contains(plan, "deliveries_repeats") || !strings.Contains(plan, "delivery_repeat_keys_key") {
		t.Fatalf("the repeat lookup's plan is:\n%s", plan)
	}
	t.Log(plan)
}
