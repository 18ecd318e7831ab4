// Package password holds Copydesk's rules for passwords, after NIST SP 800-63B: a minimum length
// counted in Unicode code points, a check against commonly used passwords, and no composition
// rules (no demands for digits, capitals or symbols, which make passwords harder to remember
// and no harder to guess).
package password

import (
	"crypto/rand"
	_ "embed"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// The limits. Lengths are in code points, so "pâté-crème" is ten characters long; the maximum is
// in bytes, since that is what hashing a password costs, and still allows at least 256
// characters of any script, beyond the 64 NIST asks for.
const (
	MinLength      = 8
	MinAdminLength = 12
	MaxBytes       = 1024
)

// commonText is every password of at least MinLength characters among the 47,023 most common
// in Mark Burnett's set of ten million (2015) that zxcvbn counts in its data/passwords.txt
// (dropbox/zxcvbn, MIT licence): 15,769 passwords, lowercase, one a line, most common first.
// Shorter ones are refused by length already.
//
//go:embed common.txt
var commonText string

// common is the list, sorted for binary search.
var common = sync.OnceValue(func() []string {
	list := strings.Fields(commonText)
	slices.Sort(list)
	return list
})

// MinLengthFor is the least number of characters a password must have for a user with role.
// Admins can do the most harm, so theirs must be longer.
func MinLengthFor(role newsroom.Role) int {
	if role == newsroom.RoleAdmin {
		return MinAdminLength
	}
	return MinLength
}

// Check returns an EINVALID error saying why pw may not be the password of username, who has
// role, or nil when it may. Common passwords are compared without regard to case, and so is the
// username; a password naming this service is as easy to guess as a common one.
func Check(pw, username string, role newsroom.Role) error {
	if !utf8.ValidString(pw) {
		return newsroom.Errorf(newsroom.EINVALID, "password is not valid UTF-8")
	}
	if len(pw) > MaxBytes {
		return newsroom.Errorf(newsroom.EINVALID, "password is longer than %d bytes", MaxBytes)
	}
	if n, least := utf8.RuneCountInString(pw), MinLengthFor(role); n < least {
		return newsroom.Errorf(newsroom.EINVALID, "password must be at least %d characters long for %s; this one has %d", least, forRole(role), n)
	}
	if repeats(pw) {
		return newsroom.Errorf(newsroom.EINVALID, "password must not be one character repeated")
	}
	lower := strings.ToLower(pw)
	if lower == strings.ToLower(username) {
		return newsroom.Errorf(newsroom.EINVALID, "password must not be the username")
	}
	if _, found := slices.BinarySearch(common(), lower); found || strings.Contains(lower, "copydesk") {
		return newsroom.Errorf(newsroom.EINVALID, "password is too easy to guess: it is one of the most common passwords, or names this service; choose another")
	}
	return nil
}

// forRole names who a minimum length applies to, for messages.
func forRole(role newsroom.Role) string {
	if role == newsroom.RoleAdmin {
		return "an admin"
	}
	return "anyone"
}

// repeats reports whether s is a single character repeated, like "aaaaaaaa" or eight spaces.
func repeats(s string) bool {
	first, _ := utf8.DecodeRuneInString(s)
	return strings.Trim(s, string(first)) == ""
}

// Random returns a new password that passes Check for any role and username: 26 characters of
// base32, 130 random bits.
func Random() string {
	return rand.Text()
}
