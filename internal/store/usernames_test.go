package store_test

import (
	"context"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/store"
	"github.com/copydesk/copydesk/internal/store/storetest"
)

// TestUsernamesIgnoreCase: a name differing from an existing one only in case is taken, and a
// user signs in with their name in any case.
func TestUsernamesIgnoreCase(t *testing.T) {
	s := mustOpen(t, store.Options{})
	_, w1 := mustUser(t, s, "w1", newsroom.RoleWriter)
	op := store.AsOperator(context.Background())
	for _, name := range []string{"W1", "w1"} {
		_, err := s.CreateUser(op, store.NewUser{Username: name, Role: newsroom.RoleWriter, Password: "tulip-lantern-w1"})
		wantCode(t, err, newsroom.ECONFLICT)
		if !strings.Contains(newsroom.ErrorMessage(err), "taken") {
			t.Fatalf("adding %q: %q", name, newsroom.ErrorMessage(err))
		}
	}
	for _, name := range []string{"w1", "W1"} {
		_, u, _, err := s.Login(context.Background(), store.SignInRequest{Username: name, Password: "pw-w1-staple"})
		if err != nil || u.ID != w1.ID {
			t.Fatalf("signing in as %q: %+v, %v", name, u, err)
		}
	}
	_, _, _, err := s.Login(context.Background(), store.SignInRequest{Username: "\u212a1", Password: "pw-w1-staple"}) // the Kelvin sign is no K
	wantCode(t, err, newsroom.EUNAUTHORIZED)
	if _, err := s.DB().Exec("INSERT INTO users (username, role, password_hash, created_at) VALUES ('W1', 'writer', 'x', CURRENT_TIMESTAMP)"); err == nil {
		t.Fatal("the database took W1 beside w1")
	}
}

// TestMigrationRenamesCaseClashes upgrades a database whose users include names that differ
// only in case: the oldest of each group keeps its name, the others get "-" and their id, cut to
// fit the 64 characters a username may have, and with ".1", ".2"… after the id when that name
// is already someone's.
func TestMigrationRenamesCaseClashes(t *testing.T) {
	dsn := storetest.DSN(t)
	db := openOld(t, dsn, 5)
	long := strings.Repeat("l", 64)
	names := []string{"w1", "W1", "ed", "Ab", "aB", "AB", "ab-5", "AB-6", "ab-6.1", long, strings.ToUpper(long)}
	for _, name := range names {
		if _, err := db.Exec("INSERT INTO users (username, role, password_hash, created_at) VALUES ('" + name + "', 'writer', 'x', CURRENT_TIMESTAMP)"); err != nil {
			t.Fatal(err)
		}
	}
	s := openMigrated(t, dsn, store.Options{})
	var got []string
	rows, err := s.DB().Query("SELECT username FROM users ORDER BY id")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var name string
		rows.Scan(&name)
		got = append(got, name)
	}
	want := []string{"w1", "W1-2", "ed", "Ab", "aB-5.1", "AB-6.2", "ab-5", "AB-6", "ab-6.1", long, strings.Repeat("L", 61) + "-11"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Fatalf("usernames after the migration:\n%v\nwant\n%v", got, want)
	}
	for _, name := range got {
		if len(name) > 64 {
			t.Errorf("%q is longer than a username may be", name)
		}
	}
}
