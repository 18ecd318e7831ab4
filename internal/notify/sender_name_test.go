package notify_test

import (
	"context"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/notify"
	"github.com/copydesk/copydesk/internal/notify/smtptest"
	"github.com/copydesk/copydesk/internal/publish"
)

// TestEmailSenderName: an email is signed with the site's name as the admin typed it. A name
// with the characters an address's quoted name must escape (a double quote, a backslash) or
// words outside ASCII reaches the reader's mail program whole, rather than with its quotes
// turned into spaces or its backslash dropped.
func TestEmailSenderName(t *testing.T) {
	srv := smtptest.Start(t, smtptest.Options{TLS: true})
	ch := emailTo(srv, newsroom.MailSettings{})
	for i, name := range []string{
		`The "Daily" Post`,
		`Back\slash Weekly`,
		`"Quoted"`,
		"Süddeutsche Zeitung",
		`Ünïcode "and" quotes \ too`,
		"News; Views <and> Reviews, Inc.",
		"Copydesk",
	} {
		t.Run(name, func(t *testing.T) {
			ch.Site = func() publish.Site { return publish.Site{Name: name, BaseURL: "https://desk.example.org"} }
			if _, err := ch.Mail(context.Background(), notify.Mail{To: "writer@example.org", Subject: "Hello", Text: "Text.", ID: "sender"}); err != nil {
				t.Fatal(err)
			}
			m := srv.Wait(t, i+1)[i]
			from, err := m.Header.AddressList("From")
			if err != nil || len(from) != 1 {
				t.Fatalf("From %q: %v", m.Header.Get("From"), err)
			}
			if from[0].Name != name || from[0].Address != "desk@example.org" {
				t.Fatalf("From reads as %q <%s>, want %q <desk@example.org>", from[0].Name, from[0].Address, name)
			}
		})
	}
}
