package store_test

import (
	"context"
	"database/sql"
	"io/fs"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"

	"github.com/copydesk/copydesk/internal/clock"
	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/store"
	"github.com/copydesk/copydesk/internal/store/storetest"
	"github.com/copydesk/copydesk/migrations"
	"github.com/pressly/goose/v3"
)

// mustOpen opens a migrated store on a real SQLite file in a temp dir, or on a fresh PostgreSQL
// schema when the tests run on PostgreSQL (see storetest).
func mustOpen(t testing.TB, opt store.Options) *store.Store {
	t.Helper()
	if opt.PasswordCost == 0 {
		opt.PasswordCost = bcrypt.MinCost
	}
	s, err := store.Open(storetest.DSN(t), opt)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if _, err := s.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	return s
}

// mustUser adds a user and returns a context acting as them.
func mustUser(t testing.TB, s *store.Store, username string, role newsroom.Role) (context.Context, *newsroom.User) {
	t.Helper()
	u, err := s.CreateUser(store.AsOperator(context.Background()), store.NewUser{Username: username, Name: username, Role: role, Password: "pw-" + username + "-staple"})
	if err != nil {
		t.Fatal(err)
	}
	return newsroom.WithUser(context.Background(), u), u
}

func wantCode(t testing.TB, err error, code string) {
	t.Helper()
	if got := newsroom.ErrorCode(err); got != code {
		t.Fatalf("error code = %q (%v), want %q", got, err, code)
	}
}

func TestMigrate(t *testing.T) {
	s, err := store.Open(storetest.DSN(t), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	applied, err := s.Migrate(context.Background())
	if err != nil || len(applied) == 0 || applied[0] != "00001_init.sql" {
		t.Fatalf("first Migrate = %v, %v", applied, err)
	}
	again, err := s.Migrate(context.Background())
	if err != nil || len(again) != 0 {
		t.Fatalf("second Migrate = %v, %v; want nothing applied", again, err)
	}
	if storetest.Postgres() {
		return // the rest checks SQLite's settings
	}
	var fk, journal string
	db := s.DB()
	if err := db.QueryRow("PRAGMA foreign_keys").Scan(&fk); err != nil || fk != "1" {
		t.Errorf("foreign_keys = %q, %v", fk, err)
	}
	if err := db.QueryRow("PRAGMA journal_mode").Scan(&journal); err != nil || journal != "wal" {
		t.Errorf("journal_mode = %q, %v", journal, err)
	}
}

func TestUsers(t *testing.T) {
	clk := clock.NewFake(time.Date(2025, 5, 7, 10, 0, 0, 0, time.UTC))
	s := mustOpen(t, store.Options{Clock: clk, TokenTTL: time.Hour})
	op := store.AsOperator(context.Background())
	t.Run("CreateAndLogin", func(t *testing.T) {
		u, err := s.CreateUser(op, store.NewUser{Username: "sarah", Name: "Sarah Johnson", Role: newsroom.RoleWriter, Password: "tulip-lantern"})
		if err != nil {
			t.Fatal(err)
		}
		token, got, _, err := s.Login(context.Background(), store.SignInRequest{Username: "sarah", Password: "tulip-lantern"})
		if err != nil || got.ID != u.ID || len(token) < 40 {
			t.Fatalf("Login = %q, %+v, %v", token, got, err)
		}
		byToken, err := s.UserByToken(context.Background(), token)
		if err != nil || byToken.Username != "sarah" {
			t.Fatalf("UserByToken = %+v, %v", byToken, err)
		}
		clk.Add(2 * time.Hour)
		_, err = s.UserByToken(context.Background(), token)
		wantCode(t, err, newsroom.EUNAUTHORIZED)
	})
	errs := []struct {
		name string
		nu   store.NewUser
		code string
	}{
		{"Duplicate", store.NewUser{Username: "sarah", Role: newsroom.RoleWriter, Password: "tulip-lantern"}, newsroom.ECONFLICT},
		{"BadRole", store.NewUser{Username: "bob", Role: "chief", Password: "tulip-lantern"}, newsroom.EINVALID},
		{"EmptyPassword", store.NewUser{Username: "bob", Role: newsroom.RoleWriter, Password: " "}, newsroom.EINVALID},
		{"BadUsername", store.NewUser{Username: "bob smith", Role: newsroom.RoleWriter, Password: "tulip-lantern"}, newsroom.EINVALID},
		{"EmptyUsername", store.NewUser{Username: "", Role: newsroom.RoleWriter, Password: "tulip-lantern"}, newsroom.EINVALID},
		{"ShortPassword", store.NewUser{Username: "bob", Role: newsroom.RoleWriter, Password: "a"}, newsroom.EINVALID},
		{"CommonPassword", store.NewUser{Username: "bob", Role: newsroom.RoleWriter, Password: "password"}, newsroom.EINVALID},
		{"ShortAdminPassword", store.NewUser{Username: "bob", Role: newsroom.RoleAdmin, Password: "tulip-lamp"}, newsroom.EINVALID},
	}
	for _, tt := range errs {
		t.Run(tt.name, func(t *testing.T) {
			_, err := s.CreateUser(op, tt.nu)
			wantCode(t, err, tt.code)
		})
	}
	t.Run("WrongPassword", func(t *testing.T) {
		_, _, _, err := s.Login(context.Background(), store.SignInRequest{Username: "sarah", Password: "nope"})
		wantCode(t, err, newsroom.EUNAUTHORIZED)
		_, _, _, err = s.Login(context.Background(), store.SignInRequest{Username: "nobody", Password: "nope"})
		wantCode(t, err, newsroom.EUNAUTHORIZED)
	})
	t.Run("OnlyAdminsManageUsers", func(t *testing.T) {
		ctx, _ := mustUser(t, s, "ed", newsroom.RoleEditor)
		_, err := s.CreateUser(ctx, store.NewUser{Username: "eve", Role: newsroom.RoleAdmin, Password: "tulip-lantern"})
		wantCode(t, err, newsroom.EFORBIDDEN)
		_, err = s.CreateUser(context.Background(), store.NewUser{Username: "eve", Role: newsroom.RoleAdmin, Password: "tulip-lantern"})
		wantCode(t, err, newsroom.EUNAUTHORIZED)
		admin, _ := mustUser(t, s, "root", newsroom.RoleAdmin)
		if _, err := s.CreateUser(admin, store.NewUser{Username: "eve", Role: newsroom.RoleWriter, Password: "tulip-lantern"}); err != nil {
			t.Fatal(err)
		}
	})
}

// migrateTo applies the migrations up to version to db, as a database made before the later
// ones would be.
func migrateTo(t testing.TB, db *sql.DB, version int64) {
	t.Helper()
	dialect, dir := goose.DialectSQLite3, "sqlite"
	if storetest.Postgres() {
		dialect, dir = goose.DialectPostgres, "postgres"
	}
	files, _ := fs.Sub(migrations.FS, dir)
	p, err := goose.NewProvider(dialect, db, files)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.UpTo(context.Background(), version); err != nil {
		t.Fatal(err)
	}
}

// openOld opens the test database at dsn on its own connection pool, closed when the test ends,
// with the migrations up to version applied.
func openOld(t testing.TB, dsn string, version int64) *sql.DB {
	t.Helper()
	driver := "sqlite3_copydesk" // the store's driver: its SQL functions, which migrations from 00020 on call
	if storetest.Postgres() {
		driver = "pgx"
	}
	db, err := sql.Open(driver, dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	migrateTo(t, db, version)
	return db
}
