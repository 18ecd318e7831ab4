package store_test

import (
	"context"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/store"
	"github.com/copydesk/copydesk/internal/store/storetest"
)

// TestMigrationFreesRoles upgrades a database holding users, a draft and a session from before
// migration 00010: afterwards a user may hold any role a workflow names (but not none), on
// every connection, and the rows, and every reference to the users, are as they were.
func TestMigrationFreesRoles(t *testing.T) {
	dsn := storetest.DSN(t)
	db := openOld(t, dsn, 9)
	ctx := context.Background()
	for _, stmt := range []string{
		"INSERT INTO users (id, username, name, role, password_hash, created_at, must_change_password) VALUES (1, 'sarah', 'Sarah', 'writer', 'x', CURRENT_TIMESTAMP, TRUE)",
		"INSERT INTO users (id, username, name, role, password_hash, created_at) VALUES (2, 'ada', 'Ada', 'admin', 'y', CURRENT_TIMESTAMP)",
		"INSERT INTO drafts (id, writer_id, title, stage, version, created_at, updated_at) VALUES (1, 1, 'T', 'draft', 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
	} {
		if _, err := db.Exec(stmt); err != nil {
			t.Fatalf("%s: %v", stmt, err)
		}
	}
	if _, err := db.Exec("UPDATE users SET role = 'copyeditor' WHERE id = 1"); err == nil {
		t.Fatal("before 00010 a user could hold a role outside the default four")
	}
	s := openMigrated(t, dsn, store.Options{})
	users, err := s.Users(newsroom.WithUser(ctx, &newsroom.User{ID: 2, Username: "ada", Role: newsroom.RoleAdmin}))
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]newsroom.User{}
	for _, u := range users {
		byName[u.Username] = u
	}
	if sarah, ada := byName["sarah"], byName["ada"]; len(users) != 2 || sarah.Role != newsroom.RoleWriter || !sarah.MustChangePassword || ada.Role != newsroom.RoleAdmin {
		t.Fatalf("users after the migration: %+v", users)
	}
	if _, err := s.DB().Exec("UPDATE users SET role = 'copyeditor' WHERE id = 1"); err != nil {
		t.Fatalf("a workflow's own role: %v", err)
	}
	// A connection opened before the migration reads the new definition too.
	if _, err := db.Exec("UPDATE users SET role = 'legal' WHERE id = 2"); err != nil {
		t.Fatalf("a workflow's own role, through a connection older than the migration: %v", err)
	}
	if _, err := s.DB().Exec("UPDATE users SET role = '' WHERE id = 1"); err == nil {
		t.Fatal("a user could be left without a role")
	}
	if _, err := s.DB().Exec("INSERT INTO drafts (id, writer_id, title, stage, version, created_at, updated_at) VALUES (2, 99, 'T', 'draft', 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"); err == nil {
		t.Fatal("a draft could name a writer who does not exist: the users table lost its references")
	}
	if _, err := s.DB().Exec("INSERT INTO users (username, role, password_hash, created_at) VALUES ('SARAH', 'writer', 'z', CURRENT_TIMESTAMP)"); err == nil {
		t.Fatal("a username differing only in case was taken: the rebuilt table lost its index")
	}
}
