package main

import (
	"bytes"
	"database/sql"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBackupRestoreCommands backs a database up, refuses to overwrite the backup, restores it
// over later changes, and refuses to restore a file that is not a Copydesk database.
func TestBackupRestoreCommands(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "news.db")
	out := filepath.Join(dir, "backup.db")
	vars := map[string]string{"COPYDESK_DB": db}
	if r := runCmd(t, vars, "", "migrate"); r.code != 0 {
		t.Fatalf("migrate: %+v", r)
	}
	if r := runCmd(t, vars, "tulip-lantern\n", "user", "add", "sarah", "--role", "writer"); r.code != 0 {
		t.Fatalf("user add: %+v", r)
	}
	tests := []struct {
		name       string
		stdin      string
		args       []string
		wantCode   int
		wantOutput string
	}{
		{"Backup", "", []string{"backup", out}, 0, "backed up " + db + " to " + out},
		{"BackupExists", "", []string{"backup", out}, 1, "already exists"},
		{"BackupNoArgs", "", []string{"backup"}, 1, "usage: copydesk backup OUT"},
		{"BackupNoDatabase", "", []string{"backup", filepath.Join(dir, "x.db"), "--db", filepath.Join(dir, "missing.db")}, 1, "no database to back up"},
		{"AfterBackup", "tulip-lantern\n", []string{"user", "add", "late", "--role", "editor"}, 0, "added late"},
		{"RestoreGarbage", "", []string{"restore", filepath.Join(dir, "garbage.db")}, 1, "is not a readable SQLite database"},
		{"Restore", "", []string{"restore", out}, 0, "restored " + db + " from " + out},
		{"RestoredState", "tulip-lantern\n", []string{"user", "add", "late", "--role", "editor"}, 0, "added late"}, // "late" came after the backup
		{"RestoredKeepsEarlier", "tulip-lantern\n", []string{"user", "add", "sarah", "--role", "writer"}, 1, `username "sarah" is taken`},
		{"RestoreHelp", "", []string{"restore", "--help"}, 0, "Stop the server first"},
		{"BackupPostgres", "", []string{"backup", out, "--db", "postgres://u@127.0.0.1/x"}, 1, "back it up with pg_dump"},
		{"RestorePostgres", "", []string{"restore", out, "--db", "postgres://u@127.0.0.1/x"}, 1, "restore it with pg_restore"},
		{"RestoreNoArgs", "", []string{"restore"}, 1, "usage: copydesk restore IN"},
		{"BackupHelp", "", []string{"backup", "--help"}, 0, "pg_dump"},
	}
	if err := os.WriteFile(filepath.Join(dir, "garbage.db"), bytes.Repeat([]byte("junk"), 1000), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runCmd(t, vars, tt.stdin, tt.args...)
			if r.code != tt.wantCode || !strings.Contains(r.stdout+r.stderr, tt.wantOutput) {
				t.Fatalf("exit %d (want %d), stdout %q, stderr %q, want %q", r.code, tt.wantCode, r.stdout, r.stderr, tt.wantOutput)
			}
		})
	}
}

// TestRestoreRefusedWhileServing runs the real server on a database: restore refuses, and the
// write the server acknowledged after the backup stays; once the server has stopped, restore
// puts the backup in place.
func TestRestoreRefusedWhileServing(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary: not in -short")
	}
	bin := buildCopydesk(t)
	dir := t.TempDir()
	db, out := filepath.Join(dir, "news.db"), filepath.Join(dir, "backup.db")
	vars := map[string]string{"COPYDESK_DB": db}
	if r := runCmd(t, vars, "pw-writer-staple\n", "user", "add", "writer", "--role", "writer"); r.code != 0 {
		t.Fatalf("user add: %+v", r)
	}
	if r := runCmd(t, vars, "", "backup", out); r.code != 0 {
		t.Fatalf("backup: %+v", r)
	}
	srv := startServe(t, bin, db)
	srv.listening(t)
	token := srv.login(t, "writer")
	status, body := srv.call(t, token, "POST", "/api/v1/drafts", `{"title":"After the backup"}`)
	var d struct{ ID int64 }
	if err := json.Unmarshal([]byte(body), &d); status != http.StatusCreated || err != nil {
		t.Fatalf("create: %d %s", status, body)
	}
	draftURL := fmt.Sprintf("/api/v1/drafts/%d", d.ID)
	drafts := func() int {
		t.Helper()
		conn, err := sql.Open("sqlite3", "file:"+db+"?mode=ro")
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		var n int
		if err := conn.QueryRow("SELECT count(*) FROM drafts").Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}

	r := runCmd(t, vars, "", "restore", out)
	if r.code != 1 || !strings.Contains(r.stderr, "is open in another process (a running copydesk serve") {
		t.Fatalf("restore while serving: exit %d, stderr %q", r.code, r.stderr)
	}
	if status, body := srv.call(t, token, "GET", draftURL, ""); status != http.StatusOK {
		t.Fatalf("after the refused restore, the server answers %d %s", status, body)
	}
	if err := srv.stop(); err != nil {
		t.Fatalf("SIGTERM: %v; stderr:\n%s", err, srv.stderr)
	}
	if n := drafts(); n != 1 {
		t.Fatalf("%d drafts in the database after the refused restore, want the acknowledged one", n)
	}

	if r := runCmd(t, vars, "", "restore", out); r.code != 0 {
		t.Fatalf("restore once the server has stopped: %+v", r)
	}
	if n := drafts(); n != 0 {
		t.Fatalf("%d drafts after restoring the backup, which had none", n)
	}
}
