package newsroom_test

import (
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

func TestCheckPassword(t *testing.T) {
	tests := []struct {
		name     string
		pw, user string
		strict   bool
		want     string // part of the error message; "" for none
	}{
		{"OK", "tulip-lantern", "sarah", false, ""},
		{"EightCharacters", "qzmvkbxw", "sarah", false, ""},
		{"SevenCharacters", "qzmvkbx", "sarah", false, "at least 8 characters long for anyone; this one has 7"},
		{"OneLetter", "a", "sarah", false, "at least 8"},
		{"Empty", "", "sarah", false, "at least 8"},
		{"CodePointsNotBytes", "pâté", "sarah", false, "this one has 4"},
		{"EightCodePointsOfManyBytes", "日本語の合言葉です", "sarah", false, ""},
		{"StrictNeedsTwelve", "qzmvkbxwtrp", "ada", true, "at least 12 characters long for an admin; this one has 11"},
		{"StrictTwelve", "qzmvkbxwtrpl", "ada", true, ""},
		{"NoCompositionRules", "correct horse battery staple", "sarah", true, ""},
		{"Common", "password", "sarah", false, "one of the most common passwords"},
		{"CommonAnyCase", "PassWord", "sarah", false, "one of the most common"},
		{"CommonLong", "1qaz2wsx3edc", "sarah", true, "one of the most common"},
		{"CommonLastInList", "selfok2013", "sarah", false, "one of the most common"},
		{"ServiceName", "my-copydesk-pass", "sarah", false, "names this service"},
		{"Username", "Sarah.Johnson", "sarah.johnson", false, "must not be the username"},
		{"Repeated", "aaaaaaaaaaaaa", "sarah", false, "one character repeated"},
		{"Spaces", "            ", "sarah", true, "one character repeated"},
		{"MaxBytes", strings.Repeat("ab", newsroom.MaxPasswordBytes/2), "sarah", true, ""},
		{"OverMaxBytes", strings.Repeat("ab", newsroom.MaxPasswordBytes/2) + "c", "sarah", true, "longer than 1024 bytes"},
		{"InvalidUTF8", "tulip-lantern\xff", "sarah", false, "not valid UTF-8"},
		{"NUL", "tulip-lantern\x00ab", "sarah", false, "must not hold control characters"},
		{"LineBreak", "tulip-lantern\n", "sarah", false, "must not hold control characters"},
		{"Tab", "tulip\tlantern", "sarah", false, "must not hold control characters"},
		{"C1Control", "tulip-lantern\u0085", "sarah", false, "must not hold control characters"},
		{"SpaceInside", "tulip lantern", "sarah", false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := newsroom.CheckPassword(tt.pw, tt.user, tt.strict)
			wantInvalid(t, "CheckPassword("+tt.pw+")", err, tt.want)
		})
	}
}

func TestMinPasswordLength(t *testing.T) {
	if got := newsroom.MinPasswordLength(false); got != newsroom.MinPassword {
		t.Errorf("MinPasswordLength(false) = %d, want %d", got, newsroom.MinPassword)
	}
	if got := newsroom.MinPasswordLength(true); got != newsroom.MinStrictPassword {
		t.Errorf("MinPasswordLength(true) = %d, want %d", got, newsroom.MinStrictPassword)
	}
}

func TestPasswordOutgrown(t *testing.T) {
	tests := []struct {
		wasStrict, strict, want bool
	}{
		{false, false, false},
		{false, true, true},
		{true, true, false},
		{true, false, false},
	}
	for _, tt := range tests {
		if got := newsroom.PasswordOutgrown(tt.wasStrict, tt.strict); got != tt.want {
			t.Errorf("PasswordOutgrown(%v, %v) = %v, want %v", tt.wasStrict, tt.strict, got, tt.want)
		}
	}
}

func TestRandomPasswordPasses(t *testing.T) {
	for range 100 {
		pw := newsroom.RandomPassword()
		if err := newsroom.CheckPassword(pw, "ada", true); err != nil {
			t.Fatalf("RandomPassword() = %q: %v", pw, err)
		}
	}
}
