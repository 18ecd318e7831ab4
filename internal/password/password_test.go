package password_test

import (
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/password"
)

func TestCheck(t *testing.T) {
	writer, admin := newsroom.RoleWriter, newsroom.RoleAdmin
	tests := []struct {
		name     string
		pw, user string
		role     newsroom.Role
		want     string // part of the error message; "" for none
	}{
		{"OK", "tulip-lantern", "sarah", writer, ""},
		{"EightCharacters", "qzmvkbxw", "sarah", writer, ""},
		{"SevenCharacters", "qzmvkbx", "sarah", writer, "at least 8 characters long for anyone; this one has 7"},
		{"OneLetter", "a", "sarah", writer, "at least 8"},
		{"Empty", "", "sarah", writer, "at least 8"},
		{"CodePointsNotBytes", "pâté", "sarah", writer, "this one has 4"},
		{"EightCodePointsOfManyBytes", "日本語の合言葉です", "sarah", writer, ""},
		{"AdminNeedsTwelve", "qzmvkbxwtrp", "ada", admin, "at least 12 characters long for an admin; this one has 11"},
		{"AdminTwelve", "qzmvkbxwtrpl", "ada", admin, ""},
		{"NoCompositionRules", "correct horse battery staple", "sarah", admin, ""},
		{"Common", "password", "sarah", writer, "one of the most common passwords"},
		{"CommonAnyCase", "PassWord", "sarah", writer, "one of the most common"},
		{"CommonLong", "1qaz2wsx3edc", "sarah", admin, "one of the most common"},
		{"CommonLastInList", "selfok2013", "sarah", writer, "one of the most common"},
		{"ServiceName", "my-copydesk-pass", "sarah", writer, "names this service"},
		{"Username", "Sarah.Johnson", "sarah.johnson", writer, "must not be the username"},
		{"Repeated", "aaaaaaaaaaaaa", "sarah", writer, "one character repeated"},
		{"Spaces", "            ", "sarah", admin, "one character repeated"},
		{"MaxBytes", strings.Repeat("ab", password.MaxBytes/2), "sarah", admin, ""},
		{"OverMaxBytes", strings.Repeat("ab", password.MaxBytes/2) + "c", "sarah", admin, "longer than 1024 bytes"},
		{"InvalidUTF8", "tulip-lantern\xff", "sarah", writer, "not valid UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := password.Check(tt.pw, tt.user, tt.role)
			if tt.want == "" {
				if err != nil {
					t.Fatalf("Check(%q) = %v, want nil", tt.pw, err)
				}
				return
			}
			if newsroom.ErrorCode(err) != newsroom.EINVALID || !strings.Contains(newsroom.ErrorMessage(err), tt.want) {
				t.Fatalf("Check(%q) = %v, want EINVALID with %q", tt.pw, err, tt.want)
			}
		})
	}
}

func TestRandomPasses(t *testing.T) {
	for range 100 {
		pw := password.Random()
		if err := password.Check(pw, "ada", newsroom.RoleAdmin); err != nil {
			t.Fatalf("Random() = %q: %v", pw, err)
		}
	}
}
