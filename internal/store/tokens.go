package store

import (
	"context"
	"strings"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// MaxTokenName is the longest name of an API token, in characters.
const MaxTokenName = 100

// MakeToken makes a new API token named name for the acting user, once they give their
// password again (checked and throttled as a sign-in is), and returns its secret: only its hash
// is kept, so it cannot be shown again.
func (s *Store) MakeToken(ctx context.Context, password, name, addr string) (string, error) {
	u, err := actor(ctx)
	if err != nil {
		return "", err
	}
	name = strings.TrimSpace(name)
	if name == "" {
		return "", newsroom.Errorf(newsroom.EINVALID, "name the token after the program that will use it")
	}
	if err := newsroom.CheckString("name", name, MaxTokenName); err != nil {
		return "", err
	}
	if password == "" {
		return "", newsroom.Errorf(newsroom.EINVALID, "give your password")
	}
	if _, _, err := s.authenticate(ctx, SignInRequest{Username: u.Username, Password: password, Addr: addr}); err != nil {
		return "", err
	}
	return s.issueToken(ctx, u.ID, name)
}
