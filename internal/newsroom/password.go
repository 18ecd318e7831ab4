package newsroom

import (
	"crypto/rand"
	_ "embed"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Copydesk's rules for passwords follow NIST SP 800-63B: a minimum length counted in Unicode
// code points, a check against commonly used passwords, and no composition rules (no demands
// for digits, capitals or symbols, which make passwords harder to remember and no harder to
// guess).

// The password limits. Lengths are in code points, so "pâté-crème" is ten characters long; the
// maximum is in bytes, since that is what hashing a password costs, and still allows at least
// 256 characters of any script, beyond the 64 NIST asks for. MinStrictPassword is for users
// who may manage users: they can do the most harm, so their passwords must be longer.
const (
	MinPassword       = 8
	MinStrictPassword = 12
	MaxPasswordBytes  = 1024
)

// commonText is every password of at least MinPassword characters among the 47,023 most common
// in Mark Burnett's set of ten million (2015) that zxcvbn counts in its data/passwords.txt
// (dropbox/zxcvbn, MIT licence): 15,769 passwords, lowercase, one a line, most common first.
// Shorter ones are refused by length already.
//
//go:embed common.txt
var commonText string

// commonPasswords is the list, sorted for binary search, made once from the embedded text,
// which is fixed for the binary's life.
var commonPasswords = sync.OnceValue(func() []string {
	list := strings.Fields(commonText)
	slices.Sort(list)
	return list
})

// MinPasswordLength is the least number of characters a password must have. Strict is true for
// a user who may manage users; the caller asks the policy, so that no role name is compared
// here.
func MinPasswordLength(strict bool) int {
	if strict {
		return MinStrictPassword
	}
	return MinPassword
}

// CheckPassword returns an EINVALID error saying why pw may not be the password of username, or
// nil when it may. Strict is as in MinPasswordLength. Common passwords are compared without
// regard to case, and so is the username; a password naming this service is as easy to guess as
// a common one.
func CheckPassword(pw, username string, strict bool) error {
	if !utf8.ValidString(pw) {
		return Errorf(EINVALID, "password is not valid UTF-8")
	}
	if len(pw) > MaxPasswordBytes {
		return Errorf(EINVALID, "password is longer than %d bytes", MaxPasswordBytes)
	}
	if strings.IndexFunc(pw, unicode.IsControl) >= 0 {
		return Errorf(EINVALID, "password must not hold control characters (a tab, a line break, NUL): the sign-in form cannot type them")
	}
	if n, least := utf8.RuneCountInString(pw), MinPasswordLength(strict); n < least {
		return Errorf(EINVALID, "password must be at least %d characters long for %s; this one has %d", least, whoseMinimum(strict), n)
	}
	if repeatsOneRune(pw) {
		return Errorf(EINVALID, "password must not be one character repeated")
	}
	lower := strings.ToLower(pw)
	if lower == strings.ToLower(username) {
		return Errorf(EINVALID, "password must not be the username")
	}
	if _, found := slices.BinarySearch(commonPasswords(), lower); found || strings.Contains(lower, "copydesk") {
		return Errorf(EINVALID, "password is too easy to guess: it is one of the most common passwords, or names this service; choose another")
	}
	return nil
}

// PasswordOutgrown reports whether a user must choose a new password after a change of role:
// when their passwords become strict (see MinPasswordLength) and were not, theirs may be too
// short.
func PasswordOutgrown(wasStrict, strict bool) bool {
	return strict && !wasStrict
}

// whoseMinimum names who a minimum length applies to, for messages: "an admin" in the plain
// sense of someone who administers the newsroom, whatever the policy calls their role.
func whoseMinimum(strict bool) string {
	if strict {
		return "an admin"
	}
	return "anyone"
}

// repeatsOneRune reports whether s is a single character repeated, like "aaaaaaaa" or eight
// spaces.
func repeatsOneRune(s string) bool {
	first, _ := utf8.DecodeRuneInString(s)
	return strings.Trim(s, string(first)) == ""
}

// RandomPassword returns a new password that passes CheckPassword for any user, strict or not:
// 26 characters of base32, 130 random bits.
func RandomPassword() string {
	return rand.Text()
}
