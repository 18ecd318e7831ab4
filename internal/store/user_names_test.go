package store_test

import (
	"context"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/store"
	"github.com/copydesk/copydesk/internal/store/storetest"
)

// TestUsersAreNamed: a user added without a display name is named by their username, so that
// no notice says "Copydesk mentioned you" for them and no history leaves a gap; migration 00037
// names the users added before it so, and leaves every given name as it was.
func TestUsersAreNamed(t *testing.T) {
	dsn := storetest.DSN(t)
	db := openOld(t, dsn, 36)
	for _, stmt := range []string{
		"INSERT INTO users (username, name, role, password_hash, created_at) VALUES ('sarah', '', 'writer', 'x', CURRENT_TIMESTAMP)",
		"INSERT INTO users (username, name, role, password_hash, created_at) VALUES ('ada', 'Ada Lovelace', 'admin', 'y', CURRENT_TIMESTAMP)",
		"INSERT INTO users (username, name, role, password_hash, created_at) VALUES ('tom', '  ', 'editor', 'z', CURRENT_TIMESTAMP)",
	} {
		if _, err := db.Exec(stmt); err != nil {
			t.Fatalf("%s: %v", stmt, err)
		}
	}
	s := openMigrated(t, dsn, store.Options{})
	ctx := context.Background()
	users, err := s.Users(newsroom.WithUser(ctx, &newsroom.User{ID: 2, Username: "ada", Role: newsroom.RoleAdmin}))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"sarah": "sarah", "ada": "Ada Lovelace", "tom": "tom"}
	for _, u := range users {
		if u.Name != want[u.Username] {
			t.Errorf("%s is named %q after the migration, want %q", u.Username, u.Name, want[u.Username])
		}
	}
	if len(users) != len(want) {
		t.Fatalf("%d users after the migration, want %d", len(users), len(want))
	}
	for _, tt := range []struct{ username, name, want string }{
		{"rosa", "", "rosa"},
		{"lee", "   ", "lee"},
		{"dana", " Dana Lee ", "Dana Lee"},
	} {
		u, err := s.CreateUser(store.AsOperator(ctx), store.NewUser{Username: tt.username, Name: tt.name, Role: "writer", Password: "a-long-enough-passphrase"})
		if err != nil {
			t.Fatal(err)
		}
		if u.Name != tt.want {
			t.Errorf("user %q added with name %q is named %q, want %q", tt.username, tt.name, u.Name, tt.want)
		}
	}
}
