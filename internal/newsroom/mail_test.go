package newsroom_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

func TestParseEmail(t *testing.T) {
	tests := []struct {
		in, want string
		wantErr  bool
	}{
		{"", "", false},
		{"  ana@Example.ORG ", "ana@example.org", false},
		{"Ana.Lopez@example.org", "Ana.Lopez@example.org", false},
		{"ana@localhost", "ana@localhost", false},
		{"ana", "", true},
		{"ana@example", "", true},
		{"Ana <ana@example.org>", "", true},
		{"ana@example.org, bo@example.org", "", true},
		{"ana@exa mple.org", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := newsroom.ParseEmail(tt.in)
			if got != tt.want || (err != nil) != tt.wantErr {
				t.Fatalf("ParseEmail(%q) = %q, %v; want %q, error %v", tt.in, got, err, tt.want, tt.wantErr)
			}
		})
	}
}

func TestMailSettings(t *testing.T) {
	t.Run("OverTakesSetFields", func(t *testing.T) {
		saved := newsroom.MailSettings{Host: "smtp.saved.org", Port: 25, Username: "saved", Password: "p1", From: "a@saved.org"}
		flags := newsroom.MailSettings{Host: "smtp.flag.org", Password: "p2"}
		got := flags.Over(saved)
		want := newsroom.MailSettings{Host: "smtp.flag.org", Port: 25, Username: "saved", Password: "p2", From: "a@saved.org"}
		if got != want {
			t.Fatalf("Over = %+v, want %+v", got, want)
		}
	})
	t.Run("PasswordHidden", func(t *testing.T) {
		s := newsroom.MailSettings{Host: "h", Password: "hunter2"}
		for _, f := range []string{"%v", "%+v", "%#v", "%s"} {
			if out := fmt.Sprintf(f, s); strings.Contains(out, "hunter2") {
				t.Errorf("%s shows the password: %s", f, out)
			}
		}
	})
	tests := []struct {
		name    string
		set     newsroom.MailSettings
		wantErr bool
	}{
		{"Empty", newsroom.MailSettings{}, false},
		{"OK", newsroom.MailSettings{Host: "smtp.example.org", Port: 465, StartTLS: newsroom.StartTLSOff, From: "desk@example.org"}, false},
		{"ErrPort", newsroom.MailSettings{Port: 70000}, true},
		{"ErrMode", newsroom.MailSettings{StartTLS: "always"}, true},
		{"ErrHostWithPort", newsroom.MailSettings{Host: "smtp.example.org:25"}, true},
		{"ErrFrom", newsroom.MailSettings{From: "Desk"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.set.Check(); (err != nil) != tt.wantErr {
				t.Fatalf("Check() = %v, want error %v", err, tt.wantErr)
			}
		})
	}
}
