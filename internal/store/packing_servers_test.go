package store_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/revpack"
	"github.com/copydesk/copydesk/internal/store"
	"github.com/copydesk/copydesk/internal/store/storetest"
)

// TestPackingBesideAnotherServer starts a second app server on a PostgreSQL database
// whose old revisions (written whole, as before migration 00029 or by a server not yet
// upgraded) another server is packing at the same moment, as two servers restarted together
// after an upgrade do. The second server's start must not fail because the first packed a
// revision of its batch first: both are packing the same rows to the same texts.
func TestPackingBesideAnotherServer(t *testing.T) {
	dsn := storetest.PostgresDSN(t)
	first := openMigrated(t, dsn, store.Options{})
	writer, u := mustUser(t, first, "sarah", newsroom.RoleWriter)
	d, err := first.CreateDraft(writer, newsroom.Text{Title: "Harbour", Body: "The harbour reopened."})
	if err != nil {
		t.Fatal(err)
	}
	db := first.DB()
	texts := map[int]newsroom.Text{}
	for v := 2; v <= 5; v++ {
		text := newsroom.Text{Title: "Harbour", Body: strings.Repeat("The harbour reopened. ", v), Topics: []string{}}
		texts[v] = text
		if _, err := db.Exec(`INSERT INTO revisions (draft_id, version, base_version, author_id, title, byline, brief, body, topics, editor_comment, created_at)
			VALUES ($1, $2, $3, $4, $5, '', '', $6, '[]', '', now())`, d.ID, v, v-1, u.ID, text.Title, text.Body); err != nil {
			t.Fatal(err)
		}
	}
	// The first server is half-way through its batch: it has packed version 3, not committed yet.
	tx, err := db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	raw := revpack.Marshal(texts[3])
	key := revpack.Keyframe(raw)
	if _, err := tx.Exec(`UPDATE revisions SET title = '', byline = '', brief = '', body = '', topics = '[]', editor_comment = '',
		packed = $1, packed_from = 3, packed_chain = $2, packed_sum = $3 WHERE draft_id = $4 AND version = 3`,
		key, len(key), int64(revpack.Sum(raw)), d.ID); err != nil {
		t.Fatal(err)
	}
	second, err := store.Open(dsn, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer second.Close()
	started := make(chan error, 1)
	go func() {
		_, err := second.Migrate(context.Background())
		started <- err
	}()
	time.Sleep(time.Second)
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	if err := <-started; err != nil {
		t.Fatalf("the second server could not start beside the first: %v", err)
	}
	for v, want := range texts {
		r, err := second.Revision(writer, d.ID, v)
		if err != nil {
			t.Fatalf("version %d: %v", v, err)
		}
		if r.Text.Body != want.Body {
			t.Fatalf("version %d reads %q, want %q", v, r.Text.Body, want.Body)
		}
	}
}
