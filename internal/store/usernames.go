package store

import (
	"strings"

	"gorm.io/gorm"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// usernameKey is how usernames compare: with ASCII letters folded to lower case, as SQL's
// lower() folds them on both databases, so that "Sarah" signs in as sarah and cannot be added
// beside her. Usernames hold only ASCII (see validUsername); other characters are left as they
// are, so a name with them matches no one (strings.ToLower would fold the Kelvin sign to "k").
func usernameKey(name string) string {
	return strings.Map(func(r rune) rune {
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}, name)
}

// byUsername narrows db to the user called name in any case. The expression is that of the
// unique index users_username_lower (migration 00006), so both databases find it by the index.
func byUsername(db *gorm.DB, name string) *gorm.DB {
	return db.Where("lower(username) = ?", usernameKey(name))
}

// takeUserNamed reads the user called name, in any case, into row. A name that no user can
// have (see validUsername) finds no one without a query: PostgreSQL refuses some such strings
// (a NUL, invalid UTF-8) with an error instead of matching nothing.
func takeUserNamed(db *gorm.DB, name string, row *userRow) error {
	if validUsername(name) != nil {
		return gorm.ErrRecordNotFound
	}
	return byUsername(db, name).Take(row).Error
}

// usernameTaken refuses a new user whose name differs from an existing one at most in case.
func usernameTaken(name string) error {
	return newsroom.Errorf(newsroom.ECONFLICT, "username %q is taken (names that differ only in case are the same name)", name)
}
