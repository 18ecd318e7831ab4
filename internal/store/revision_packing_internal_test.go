package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io/fs"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/pressly/goose/v3"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/migrations"
)

// oldDatabase makes a SQLite database at the schema before packed revisions (00028) holding
// drafts drafts of versions versions each, every revision a whole text, and returns the texts
// by draft id and version.
func oldDatabase(t *testing.T, path string, drafts, versions int) map[int64][]newsroom.Text {
	t.Helper()
	db, err := sql.Open(sqliteDriver, dsn(path, false))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	files, _ := fs.Sub(migrations.FS, "sqlite")
	p, err := goose.NewProvider(goose.DialectSQLite3, db, files)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.UpTo(context.Background(), 28); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("INSERT INTO users (id, username, name, role, password_hash, created_at) VALUES (1, 'sarah', 'Sarah', 'writer', 'x', CURRENT_TIMESTAMP)"); err != nil {
		t.Fatal(err)
	}
	texts := map[int64][]newsroom.Text{}
	for id := int64(1); id <= int64(drafts); id++ {
		body := []string{}
		for v := 1; v <= versions; v++ {
			body = append(body, fmt.Sprintf("Paragraph %d of draft %d, added in version %d: the council met again.", len(body)+1, id, v))
			text := newsroom.Text{Title: fmt.Sprintf("Draft %d, version %d", id, v), Body: strings.Join(body, "\n"), Topics: []string{"Budget"}}
			if v%3 == 0 {
				text.Brief, text.Topics = "Née à São Paulo.", []string{}
			}
			texts[id] = append(texts[id], text)
			topics, _ := json.Marshal(text.Topics)
			if v == 1 {
				_, err = db.Exec("INSERT INTO drafts (id, writer_id, title, stage, version, created_at, updated_at) VALUES (?, 1, 'T', 'draft', ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)", id, versions)
				if err != nil {
					t.Fatal(err)
				}
			}
			_, err = db.Exec(`INSERT INTO revisions (draft_id, version, base_version, author_id, title, byline, brief, body, topics, editor_comment, created_at)
				VALUES (?, ?, ?, 1, ?, '', ?, ?, ?, '', CURRENT_TIMESTAMP)`, id, v, v-1, text.Title, text.Brief, text.Body, string(topics))
			if err != nil {
				t.Fatal(err)
			}
		}
	}
	return texts
}

// wantRevisions checks that every revision of texts reads back from s as it was written.
func wantRevisions(t *testing.T, s *Store, texts map[int64][]newsroom.Text) {
	t.Helper()
	for id, versions := range texts {
		for i, want := range versions {
			r, err := numberedRevision(s.r, id, i+1)
			if err != nil {
				t.Fatalf("draft %d version %d: %v", id, i+1, err)
			}
			if !reflect.DeepEqual(*r.Text, want) {
				t.Fatalf("draft %d version %d:\n got %+v\nwant %+v", id, i+1, *r.Text, want)
			}
		}
	}
}

func unpacked(t *testing.T, s *Store) int {
	t.Helper()
	var n int
	if err := s.DB().QueryRow("SELECT COUNT(*) FROM revisions WHERE packed IS NULL AND version IS NOT NULL").Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestPackingOldRevisionsResumes upgrades a database of whole-text revisions, stops the
// packing after two batches as a killed run would, reads every revision from the half-packed
// database, and finishes at the next start: every revision reads back as it was written, and
// the packed ones can no longer be rewritten.
func TestPackingOldRevisionsResumes(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	texts := oldDatabase(t, path, 4, 30)
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer func() { s.Close() }()
	files, _ := fs.Sub(migrations.FS, "sqlite")
	p, err := goose.NewProvider(goose.DialectSQLite3, s.DB(), files)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.Up(context.Background()); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if _, err := s.packRevisionBatch(context.Background(), 45); err != nil {
			t.Fatal(err)
		}
	}
	if left := unpacked(t, s); left != 4*30-90 {
		t.Fatalf("%d revisions left to pack after two batches of 45, want %d", left, 4*30-90)
	}
	wantRevisions(t, s, texts)
	s.Close()

	if s, err = Open(path, Options{}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	if left := unpacked(t, s); left != 0 {
		t.Fatalf("%d revisions left to pack after a start", left)
	}
	wantRevisions(t, s, texts)
	for _, stmt := range []string{
		"UPDATE revisions SET body = 'rewritten' WHERE id = 1",
		"UPDATE revisions SET packed = x'00' WHERE id = 1",
		"UPDATE revisions SET author_id = 1, packed_sum = 0 WHERE id = 2",
		"DELETE FROM revisions WHERE id = 3",
	} {
		if _, err := s.DB().Exec(stmt); err == nil {
			t.Fatalf("%s: the database let a packed revision be rewritten", stmt)
		}
	}
}
