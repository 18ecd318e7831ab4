package main

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"testing"
)

// TestShutdownLeavesOneFile runs the real binary, creates drafts through the API, stops it with
// SIGTERM, and opens a copy of the database file alone, without its -wal and -shm files: every
// draft the server acknowledged is in it.
func TestShutdownLeavesOneFile(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary: not in -short")
	}
	bin := buildCopydesk(t)
	db := filepath.Join(t.TempDir(), "news.db")
	if r := runCmd(t, map[string]string{"COPYDESK_DB": db}, "pw-writer-staple\n", "user", "add", "writer", "--role", "writer"); r.code != 0 {
		t.Fatalf("user add: %+v", r)
	}
	srv := startServe(t, bin, db)
	srv.listening(t)
	token := srv.login(t, "writer")
	acknowledged := map[int64]string{}
	for i := range 3 {
		title := fmt.Sprintf("Draft %d", i+1)
		status, body := srv.call(t, token, "POST", "/api/v1/drafts", fmt.Sprintf(`{"title":%q,"body":"Words."}`, title))
		var d struct{ ID int64 }
		if err := json.Unmarshal([]byte(body), &d); status != http.StatusCreated || err != nil {
			t.Fatalf("create %s: %d %s", title, status, body)
		}
		acknowledged[d.ID] = title
	}
	if err := srv.stop(); err != nil {
		t.Fatalf("SIGTERM: %v; stderr:\n%s", err, srv.stderr)
	}

	data, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	alone := filepath.Join(t.TempDir(), "alone.db")
	if err := os.WriteFile(alone, data, 0o600); err != nil {
		t.Fatal(err)
	}
	copied, err := sql.Open("sqlite3", "file:"+alone+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer copied.Close()
	for id, title := range acknowledged {
		var got string
		if err := copied.QueryRow("SELECT title FROM drafts WHERE id = ?", id).Scan(&got); err != nil || got != title {
			t.Errorf("the database file alone: draft %d = %q, %v; want %q", id, got, err, title)
		}
	}
}
