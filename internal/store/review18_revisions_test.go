package store

import (
	"context"
	"io/fs"
	"path/filepath"
	"testing"

	"github.com/pressly/goose/v3"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/migrations"
)

// TestReview18MigrateDownKeepsRevisionTexts saves a draft twice on an up-to-date database, so
// that its revisions are packed (a keyframe and a delta), then takes the schema back below
// migration 00029 with its Down section, as `goose down` would. The revisions' texts must still
// be there, as 00008's Down puts the unmerged texts back: 00029's Down drops the packed columns,
// which by then hold the only copy of every revision's text.
func TestReview18MigrateDownKeepsRevisionTexts(t *testing.T) {
	ctx := context.Background()
	s, err := Open(filepath.Join(t.TempDir(), "down.db"), Options{PasswordCost: 4})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	u, err := s.CreateUser(AsOperator(ctx), NewUser{Username: "sarah", Name: "Sarah", Role: newsroom.RoleWriter, Password: "pw-sarah-staple"})
	if err != nil {
		t.Fatal(err)
	}
	writer := newsroom.WithUser(ctx, u)
	d, err := s.CreateDraft(writer, newsroom.Text{Title: "Harbour reopens", Body: "The harbour reopened."})
	if err != nil {
		t.Fatal(err)
	}
	body := "The harbour reopened on Tuesday."
	if _, err := s.UpdateDraft(writer, d.ID, newsroom.DraftUpdate{Body: &body, Version: d.Version}); err != nil {
		t.Fatal(err)
	}
	files, _ := fs.Sub(migrations.FS, "sqlite")
	p, err := goose.NewProvider(goose.DialectSQLite3, s.DB(), files)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.DownTo(ctx, 28); err != nil {
		t.Fatal(err)
	}
	for v, want := range map[int]string{1: "The harbour reopened.", 2: body} {
		var title, got string
		if err := s.DB().QueryRow("SELECT title, body FROM revisions WHERE draft_id = ? AND version = ?", d.ID, v).Scan(&title, &got); err != nil {
			t.Fatal(err)
		}
		if title != "Harbour reopens" || got != want {
			t.Fatalf("version %d after migrating down to 00028: title %q, body %q; want %q, %q", v, title, got, "Harbour reopens", want)
		}
	}
}
