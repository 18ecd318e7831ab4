package store_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/clock"
	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/store"
)

// signedIn reports whether each session cookie and API token still signs someone in.
func signedIn(s *store.Store, cookies, tokens []string) []bool {
	var out []bool
	for _, c := range cookies {
		_, _, err := s.SessionUser(context.Background(), c)
		out = append(out, err == nil)
	}
	for _, tk := range tokens {
		_, err := s.UserByToken(context.Background(), tk)
		out = append(out, err == nil)
	}
	return out
}

// credentialsOf signs username in twice on the web and twice on the API.
func credentialsOf(t *testing.T, s *store.Store, username, pw string) (cookies, tokens []string) {
	t.Helper()
	for range 2 {
		ws, err := s.SignIn(context.Background(), store.SignInRequest{Username: username, Password: pw})
		if err != nil {
			t.Fatal(err)
		}
		tk, _, _, err := s.Login(context.Background(), store.SignInRequest{Username: username, Password: pw})
		if err != nil {
			t.Fatal(err)
		}
		cookies, tokens = append(cookies, ws.Cookie), append(tokens, tk)
	}
	return cookies, tokens
}

func TestChangePassword(t *testing.T) {
	s := mustOpen(t, store.Options{})
	sarah, _ := mustUser(t, s, "sarah", newsroom.RoleWriter)
	ada, _ := mustUser(t, s, "ada", newsroom.RoleAdmin)
	cookies, tokens := credentialsOf(t, s, "sarah", "pw-sarah-staple")
	refused := []struct {
		name string
		as   context.Context
		ch   store.PasswordChange
		code string
		msg  string
	}{
		{"WrongCurrent", sarah, store.PasswordChange{Current: "guess", New: "tulip-lantern"}, newsroom.EINVALID, "current password is wrong"},
		{"Unchanged", sarah, store.PasswordChange{Current: "pw-sarah-staple", New: "pw-sarah-staple"}, newsroom.EINVALID, "must differ"},
		{"TooShort", sarah, store.PasswordChange{Current: "pw-sarah-staple", New: "tulip"}, newsroom.EINVALID, "at least 8"},
		{"Common", sarah, store.PasswordChange{Current: "pw-sarah-staple", New: "iloveyou2"}, newsroom.EINVALID, "most common"},
		{"AdminTooShort", ada, store.PasswordChange{Current: "pw-ada-staple", New: "tulip-lamp"}, newsroom.EINVALID, "at least 12"},
		{"Anonymous", context.Background(), store.PasswordChange{Current: "pw-sarah-staple", New: "tulip-lantern"}, newsroom.EUNAUTHORIZED, "sign in"},
	}
	for _, tt := range refused {
		t.Run(tt.name, func(t *testing.T) {
			err := s.ChangePassword(tt.as, tt.ch)
			if newsroom.ErrorCode(err) != tt.code || !strings.Contains(newsroom.ErrorMessage(err), tt.msg) {
				t.Fatalf("ChangePassword = %v, want %s with %q", err, tt.code, tt.msg)
			}
		})
	}
	if got := signedIn(s, cookies, tokens); !slices.Equal(got, []bool{true, true, true, true}) {
		t.Fatalf("refused changes signed sarah out: %v", got)
	}
	t.Run("OK", func(t *testing.T) {
		if err := s.ChangePassword(sarah, store.PasswordChange{Current: "pw-sarah-staple", New: "tulip-lantern", Keep: cookies[0]}); err != nil {
			t.Fatal(err)
		}
		if got := signedIn(s, cookies, tokens); !slices.Equal(got, []bool{true, false, false, false}) {
			t.Fatalf("after the change, signed in: %v; want only the session that made it", got)
		}
		if _, _, _, err := s.Login(context.Background(), store.SignInRequest{Username: "sarah", Password: "pw-sarah-staple"}); newsroom.ErrorCode(err) != newsroom.EUNAUTHORIZED {
			t.Fatalf("the old password still signs in: %v", err)
		}
		if _, _, _, err := s.Login(context.Background(), store.SignInRequest{Username: "sarah", Password: "tulip-lantern"}); err != nil {
			t.Fatalf("the new password: %v", err)
		}
	})
	t.Run("KeepToken", func(t *testing.T) {
		tk, _, _, _ := s.Login(context.Background(), store.SignInRequest{Username: "sarah", Password: "tulip-lantern"})
		if err := s.ChangePassword(sarah, store.PasswordChange{Current: "tulip-lantern", New: "lantern-tulip", Keep: tk}); err != nil {
			t.Fatal(err)
		}
		if got := signedIn(s, cookies[:1], []string{tk}); !slices.Equal(got, []bool{false, true}) {
			t.Fatalf("after a change over the API, signed in: %v; want only its token", got)
		}
	})
}

// TestLongPasswords shows that every byte of a password longer than bcrypt's 72 counts, up to
// the 1,024-byte limit.
func TestLongPasswords(t *testing.T) {
	s := mustOpen(t, store.Options{})
	long := strings.Repeat("tulip lantern ", 74)[:1024]
	if _, err := s.CreateUser(store.AsOperator(context.Background()), store.NewUser{Username: "sarah", Role: newsroom.RoleWriter, Password: long}); err != nil {
		t.Fatal(err)
	}
	if _, _, _, err := s.Login(context.Background(), store.SignInRequest{Username: "sarah", Password: long}); err != nil {
		t.Fatalf("the long password: %v", err)
	}
	for _, wrong := range []string{long[:72], long[:1023] + "!"} {
		if _, _, _, err := s.Login(context.Background(), store.SignInRequest{Username: "sarah", Password: wrong}); newsroom.ErrorCode(err) != newsroom.EUNAUTHORIZED {
			t.Fatalf("a password of %d bytes that differs from the right one signed in: %v", len(wrong), err)
		}
	}
	_, err := s.CreateUser(store.AsOperator(context.Background()), store.NewUser{Username: "otto", Role: newsroom.RoleWriter, Password: long + "x"})
	wantCode(t, err, newsroom.EINVALID)
}

func TestResetPassword(t *testing.T) {
	s := mustOpen(t, store.Options{})
	ada, _ := mustUser(t, s, "ada", newsroom.RoleAdmin)
	bea, beaUser := mustUser(t, s, "bea", newsroom.RoleAdmin)
	ed, _ := mustUser(t, s, "ed", newsroom.RoleEditor)
	sarah, sarahUser := mustUser(t, s, "sarah", newsroom.RoleWriter)
	cookies, tokens := credentialsOf(t, s, "sarah", "pw-sarah-staple")
	refused := []struct {
		name string
		as   context.Context
		id   int64
		code string
	}{
		{"Anonymous", context.Background(), sarahUser.ID, newsroom.EUNAUTHORIZED},
		{"NotAnAdmin", ed, sarahUser.ID, newsroom.EFORBIDDEN},
		{"Yourself", ada, newsroom.UserFrom(ada).ID, newsroom.ECONFLICT},
		{"UnknownUser", ada, 9999, newsroom.ENOTFOUND},
	}
	for _, tt := range refused {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := s.ResetPassword(tt.as, tt.id)
			wantCode(t, err, tt.code)
		})
	}
	reset, temporary, err := s.ResetPassword(ada, sarahUser.ID)
	if err != nil || reset.Username != "sarah" || !reset.MustChangePassword {
		t.Fatalf("ResetPassword = %+v, %v", reset, err)
	}
	if got := signedIn(s, cookies, tokens); !slices.Equal(got, []bool{false, false, false, false}) {
		t.Fatalf("after a reset, signed in: %v; want none", got)
	}
	if _, _, _, err := s.Login(context.Background(), store.SignInRequest{Username: "sarah", Password: "pw-sarah-staple"}); newsroom.ErrorCode(err) != newsroom.EUNAUTHORIZED {
		t.Fatalf("the old password still signs in: %v", err)
	}
	_, u, _, err := s.Login(context.Background(), store.SignInRequest{Username: "sarah", Password: temporary})
	if err != nil || !u.MustChangePassword {
		t.Fatalf("signing in with the temporary password: %+v, %v; want must_change_password", u, err)
	}
	sarah = newsroom.WithUser(context.Background(), u)
	if err := s.ChangePassword(sarah, store.PasswordChange{Current: temporary, New: "tulip-lantern"}); err != nil {
		t.Fatal(err)
	}
	if _, u, _, err = s.Login(context.Background(), store.SignInRequest{Username: "sarah", Password: "tulip-lantern"}); err != nil || u.MustChangePassword {
		t.Fatalf("after choosing a password: %+v, %v", u, err)
	}
	t.Run("DemotedAdmin", func(t *testing.T) {
		editor := newsroom.RoleEditor
		if _, err := s.UpdateUser(ada, beaUser.ID, store.UserChange{Role: &editor}); err != nil {
			t.Fatal(err)
		}
		_, _, err := s.ResetPassword(bea, sarahUser.ID)
		wantCode(t, err, newsroom.EFORBIDDEN)
	})
}

func TestSetPassword(t *testing.T) {
	s := mustOpen(t, store.Options{})
	ada, _ := mustUser(t, s, "ada", newsroom.RoleAdmin)
	_, sarah := mustUser(t, s, "sarah", newsroom.RoleWriter)
	op := store.AsOperator(context.Background())
	refused := []struct {
		name           string
		as             context.Context
		username, pw   string
		code, wantText string
	}{
		{"NotTheOperator", ada, "sarah", "tulip-lantern", newsroom.EFORBIDDEN, "operator"},
		{"UnknownUser", op, "nobody", "tulip-lantern", newsroom.ENOTFOUND, "not found"},
		{"InvalidUTF8", op, "\xff", "tulip-lantern", newsroom.ENOTFOUND, "not found"},
		{"NUL", op, "sa\x00rah", "tulip-lantern", newsroom.ENOTFOUND, "not found"},
		{"TooLong", op, strings.Repeat("s", 65), "tulip-lantern", newsroom.ENOTFOUND, "not found"},
		{"Weak", op, "sarah", "password", newsroom.EINVALID, "most common"},
		{"AdminTooShort", op, "ada", "tulip-lamp", newsroom.EINVALID, "at least 12"},
	}
	for _, tt := range refused {
		t.Run(tt.name, func(t *testing.T) {
			_, err := s.SetPassword(tt.as, tt.username, tt.pw)
			if newsroom.ErrorCode(err) != tt.code || !strings.Contains(newsroom.ErrorMessage(err), tt.wantText) {
				t.Fatalf("SetPassword = %v, want %s with %q", err, tt.code, tt.wantText)
			}
		})
	}
	if _, _, err := s.ResetPassword(ada, sarah.ID); err != nil {
		t.Fatal(err)
	}
	cookies, tokens := credentialsOf(t, s, "ada", "pw-ada-staple")
	if _, err := s.SetPassword(op, "ada", "lantern-tulip-lamp"); err != nil {
		t.Fatal(err)
	}
	if got := signedIn(s, cookies, tokens); !slices.Equal(got, []bool{false, false, false, false}) {
		t.Fatalf("after the operator set a password, signed in: %v; want none", got)
	}
	u, err := s.SetPassword(op, "SARAH", "tulip-lantern")
	if err != nil || u.Username != "sarah" || u.MustChangePassword {
		t.Fatalf("SetPassword(SARAH) after a reset = %+v, %v; want sarah with the reset's flag cleared", u, err)
	}
	if _, _, _, err := s.Login(context.Background(), store.SignInRequest{Username: "sarah", Password: "tulip-lantern"}); err != nil {
		t.Fatal(err)
	}
}

// TestChangePasswordThrottle: wrong current passwords are charged like failed sign-ins, so a
// borrowed session cannot guess its user's password; the right one clears the count, and one
// user's count does not slow another.
func TestChangePasswordThrottle(t *testing.T) {
	clk := clock.NewFake(time.Date(2025, 5, 7, 9, 0, 0, 0, time.UTC))
	f := newNewsroomAt(t, store.Options{Clock: clk})
	steps := []struct {
		name    string
		as      context.Context
		current string
		wait    time.Duration
		want    string
	}{
		{"Wrong1", f.writer, "guess", 0, newsroom.EINVALID},
		{"Wrong2", f.writer, "guess", 0, newsroom.EINVALID},
		{"Wrong3", f.writer, "guess", 0, newsroom.EINVALID},
		{"Wrong4", f.writer, "guess", 0, newsroom.EINVALID},
		{"Wrong5", f.writer, "guess", 0, newsroom.EINVALID},
		{"RightMustWait", f.writer, "pw-sarah-staple", 0, newsroom.ETOOMANY},
		{"OtherUserNotSlowed", f.other, "pw-otto-staple", 0, ""},
		{"RightAfterTheWait", f.writer, "pw-sarah-staple", time.Second, ""},
		{"CountCleared", f.writer, "guess", 0, newsroom.EINVALID},
	}
	for _, st := range steps {
		clk.Add(st.wait)
		err := f.s.ChangePassword(st.as, store.PasswordChange{Current: st.current, New: "tulip-lantern-" + st.name})
		if newsroom.ErrorCode(err) != st.want {
			t.Fatalf("%s: %v, want code %q", st.name, err, st.want)
		}
		var e *newsroom.Error
		if st.want == newsroom.ETOOMANY && (!errors.As(err, &e) || e.Details["retry_after"] != 1 || !strings.HasSuffix(e.Message, "try again in 1 second")) {
			t.Fatalf("%s: %v, want retry_after 1, said in the singular", st.name, err)
		}
	}
}
