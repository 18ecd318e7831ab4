package store

import (
	"context"
	"strings"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// MaxTokenName is the longest name of an API token, in characters.
const MaxTokenName = 100

// MakeToken makes a new API token named name for the acting user, once they give their
// password again (checked and throttled as for a password change: see passwordAgain), and
// returns its secret: only its hash is kept, so it cannot be shown again.
func (s *Store) MakeToken(ctx context.Context, password, name string) (string, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return "", newsroom.Errorf(newsroom.EINVALID, "name the token after the program that will use it").With("field", "name")
	}
	if err := newsroom.CheckString("name", name, MaxTokenName); err != nil {
		return "", onField(err, "name")
	}
	if password == "" {
		return "", newsroom.Errorf(newsroom.EINVALID, "give your password").With("field", "password")
	}
	row, err := s.passwordAgain(ctx, password, "tries to make a token", "your password is wrong")
	if err != nil {
		return "", onField(err, "password")
	}
	return s.issueToken(ctx, row.ID, name)
}
