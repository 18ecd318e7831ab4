package store_test

import (
	"context"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/store"
)

// TestMakeToken makes a named API token for the acting user with their password, and refuses one
// without a name, with an over-long name, without the password or with a wrong one.
func TestMakeToken(t *testing.T) {
	s := mustOpen(t, store.Options{})
	ctx, _ := mustUser(t, s, "writer", newsroom.RoleWriter)
	tests := []struct {
		name, password, tokenName, want string
	}{
		{"NoName", "pw-writer-staple", "  ", newsroom.EINVALID},
		{"NameTooLong", "pw-writer-staple", strings.Repeat("n", store.MaxTokenName+1), newsroom.EINVALID},
		{"NoPassword", "", "Newsletter", newsroom.EINVALID},
		{"WrongPassword", "wrong", "Newsletter", newsroom.EINVALID},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := s.MakeToken(ctx, tt.password, tt.tokenName)
			wantCode(t, err, tt.want)
		})
	}
	token, err := s.MakeToken(ctx, "pw-writer-staple", " Newsletter ")
	if err != nil {
		t.Fatal(err)
	}
	if u, err := s.UserByToken(ctx, token); err != nil || u.Username != "writer" {
		t.Fatalf("the new token signs in as %+v, %v", u, err)
	}
	list, err := s.Credentials(ctx, store.Presented{})
	if err != nil || len(list) != 1 || list[0].Name != "Newsletter" || list[0].Kind != newsroom.CredentialToken {
		t.Fatalf("credentials = %+v, %v", list, err)
	}
}

// TestMakeTokenDisabled: a request still acting as a user an admin has since disabled (one in
// flight, or let in by another server's memory of its credential) makes them no token, nor
// changes their password, with the right password: a token made then would work again the day
// they are enabled.
func TestMakeTokenDisabled(t *testing.T) {
	s := mustOpen(t, store.Options{})
	writer, u := mustUser(t, s, "writer", newsroom.RoleWriter)
	admin, _ := mustUser(t, s, "ada", newsroom.RoleAdmin)
	on, off := true, false
	if _, err := s.UpdateUser(admin, u.ID, store.UserChange{Disabled: &on}); err != nil {
		t.Fatal(err)
	}
	t.Run("ErrMakeToken", func(t *testing.T) {
		_, err := s.MakeToken(writer, "pw-writer-staple", "Newsletter")
		wantCode(t, err, newsroom.EFORBIDDEN)
	})
	t.Run("ErrChangePassword", func(t *testing.T) {
		err := s.ChangePassword(writer, store.PasswordChange{Current: "pw-writer-staple", New: "tulip-lantern"})
		wantCode(t, err, newsroom.EFORBIDDEN)
	})
	if _, err := s.UpdateUser(admin, u.ID, store.UserChange{Disabled: &off}); err != nil {
		t.Fatal(err)
	}
	if list, err := s.Credentials(writer, store.Presented{}); err != nil || len(list) != 0 {
		t.Fatalf("once enabled again, the writer holds %+v, %v; want nothing made while disabled", list, err)
	}
	if _, _, _, err := s.Login(context.Background(), store.SignInRequest{Username: "writer", Password: "pw-writer-staple"}); err != nil {
		t.Fatalf("the password, once enabled again: %v", err)
	}
}
