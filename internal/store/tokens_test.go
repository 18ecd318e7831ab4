package store_test

import (
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
