package store

import (
	"context"
	"strings"
	"time"

	"gorm.io/gorm"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// MaxTokenName is the longest name of an API token, in characters.
const MaxTokenName = 100

// MaxNamedTokens is how many live API tokens one person may keep. A token is a row that the
// account page lists and the API's credential list returns whole; without a limit, a script
// holding a password could make them without end, and every view of that list read them all.
const MaxNamedTokens = 50

// MakeToken makes a new API token named name for the acting user, once they give their
// password again (checked and throttled as for a password change: see passwordAgain), and
// returns its secret: only its hash is kept, so it cannot be shown again. One who keeps
// MaxNamedTokens live tokens must revoke one first.
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

// roomForToken refuses a new named token to user userID, who keeps MaxNamedTokens live ones
// already. On PostgreSQL the makers of tokens take turns, so that two made at once count each
// other.
func (s *Store) roomForToken(tx *gorm.DB, userID int64, now time.Time) error {
	if err := s.lockTokens(tx); err != nil {
		return err
	}
	var n int64
	if err := tx.Model(&tokenRow{}).Where("user_id = ? AND name <> '' AND expires_at > ?", userID, now).Count(&n).Error; err != nil {
		return err
	}
	if n >= MaxNamedTokens {
		return newsroom.Errorf(newsroom.EINVALID, "you keep %d API tokens, the most one person may: sign out one you no longer use before making another", MaxNamedTokens)
	}
	return nil
}
