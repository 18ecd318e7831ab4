package main

import (
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestMailFlags reads serve's mail settings from flags and the environment, the password from
// its file or COPYDESK_SMTP_PASSWORD, and refuses wrong ones without showing the password.
func TestMailFlags(t *testing.T) {
	pwFile := filepath.Join(t.TempDir(), "smtp-password")
	if err := os.WriteFile(pwFile, []byte("from-the-file\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		vars    map[string]string
		args    []string
		want    newsroom.MailSettings
		wantErr string
	}{
		{"None", nil, nil, newsroom.MailSettings{}, ""},
		{"Flags", nil, []string{"--smtp-host", "smtp.example.org", "--smtp-port", "465", "--smtp-starttls", "off", "--smtp-user", "desk",
			"--smtp-password-file", pwFile, "--smtp-from", "desk@example.org"},
			newsroom.MailSettings{Host: "smtp.example.org", Port: 465, StartTLS: newsroom.StartTLSOff, Username: "desk", Password: "from-the-file", From: "desk@example.org"}, ""},
		{"Environment", map[string]string{"COPYDESK_SMTP_HOST": "mail.example.org", "COPYDESK_SMTP_PASSWORD": "from-the-env", "COPYDESK_SMTP_FROM": "news@example.org"}, nil,
			newsroom.MailSettings{Host: "mail.example.org", Password: "from-the-env", From: "news@example.org"}, ""},
		{"FlagOverEnvironment", map[string]string{"COPYDESK_SMTP_HOST": "mail.example.org"}, []string{"--smtp-host", "smtp.example.org"},
			newsroom.MailSettings{Host: "smtp.example.org"}, ""},
		{"ErrPort", nil, []string{"--smtp-port", "smtp"}, newsroom.MailSettings{}, `--smtp-port: "smtp" is not a port number`},
		{"ErrStartTLS", nil, []string{"--smtp-starttls", "always"}, newsroom.MailSettings{}, "STARTTLS must be required, opportunistic or off"},
		{"ErrFrom", map[string]string{"COPYDESK_SMTP_PASSWORD": "hunter2"}, []string{"--smtp-from", "desk"}, newsroom.MailSettings{}, "is not an email address"},
		{"ErrPasswordFile", nil, []string{"--smtp-password-file", pwFile + ".missing"}, newsroom.MailSettings{}, "--smtp-password-file: "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := env{strings.NewReader(""), io.Discard, io.Discard, func(k string) string { return tt.vars[k] }}
			fs := flag.NewFlagSet("serve", flag.ContinueOnError)
			f := addMailFlags(fs, e)
			if err := fs.Parse(tt.args); err != nil {
				t.Fatal(err)
			}
			got, err := f.settings(e)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) || strings.Contains(err.Error(), "hunter2") {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("settings = %+v, %v; want %+v", got, err, tt.want)
			}
		})
	}
}
