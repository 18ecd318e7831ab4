package store

import (
	"context"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pressly/goose/v3"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/migrations"
)

// TestMigrateDownRefusedWhilePacked saves a draft twice on an up-to-date database, so
// that its revisions are packed (a keyframe and a delta), then tries to take the schema back
// below migration 00029 with its Down section, as `goose down` would. Dropping the packed
// columns would drop the only copy of every revision's text, and SQL cannot unpack them, so the
// Down must refuse, saying why, and leave every revision as it was.
func TestMigrateDownRefusedWhilePacked(t *testing.T) {
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
	_, err = p.DownTo(ctx, 28)
	if err == nil || !strings.Contains(err.Error(), "cannot be undone while revisions are packed") {
		t.Fatalf("migrating down to 00028 with packed revisions: %v; want it refused", err)
	}
	for v, want := range map[int]string{1: "The harbour reopened.", 2: body} {
		r, err := s.Revision(writer, d.ID, v)
		if err != nil {
			t.Fatal(err)
		}
		if r.Text.Title != "Harbour reopens" || r.Text.Body != want {
			t.Fatalf("version %d after the refused migration: title %q, body %q; want %q, %q", v, r.Text.Title, r.Text.Body, "Harbour reopens", want)
		}
	}
}
