package notify_test

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"net"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/notify"
	"github.com/copydesk/copydesk/internal/notify/smtptest"
	"github.com/copydesk/copydesk/internal/publish"
)

// emailTo returns a channel that sends through srv with the settings set (host and port
// filled in) and the site at https://desk.example.org.
func emailTo(srv *smtptest.Server, set newsroom.MailSettings) *notify.Email {
	set.Host, set.Port = srv.Host, srv.Port
	if set.From == "" {
		set.From = "desk@example.org"
	}
	return &notify.Email{
		Saved:    func(context.Context) (newsroom.MailSettings, error) { return set, nil },
		SiteName: "Copydesk", BaseURL: "https://desk.example.org/", RootCAs: srv.RootCAs,
	}
}

func delivery(id int64, to, subject, link string) newsroom.Delivery {
	p, _ := json.Marshal(map[string]string{"subject": subject, "text": "Ana opened a thread on your piece.", "link": link})
	return newsroom.Delivery{ID: id, Channel: newsroom.ChannelEmail, Recipient: to, Payload: string(p)}
}

func TestEmailSend(t *testing.T) {
	srv := smtptest.Start(t, smtptest.Options{TLS: true})
	ch := emailTo(srv, newsroom.MailSettings{})
	subject := "Ana commented on “Café owners fear the flood” — ça va?"
	d := delivery(41, "writer@example.org", subject, "/drafts/7#comment-12")

	status, err := ch.Send(context.Background(), d)
	if err != nil || status != 250 {
		t.Fatalf("Send = %d, %v; want 250, nil", status, err)
	}
	got := srv.Messages()
	if len(got) != 1 {
		t.Fatalf("the server got %d messages, want 1", len(got))
	}
	m := got[0]
	t.Run("Envelope", func(t *testing.T) {
		if m.From != "desk@example.org" || len(m.To) != 1 || m.To[0] != "writer@example.org" {
			t.Errorf("envelope from %q to %q", m.From, m.To)
		}
		if !m.TLS {
			t.Error("the message went without STARTTLS, which is required by default")
		}
	})
	t.Run("Headers", func(t *testing.T) {
		if m.Subject != subject {
			t.Errorf("Subject = %q, want %q", m.Subject, subject)
		}
		if from := m.Header.Get("From"); from != `"Copydesk" <desk@example.org>` {
			t.Errorf("From = %q", from)
		}
		if to := m.Header.Get("To"); to != "<writer@example.org>" {
			t.Errorf("To = %q", to)
		}
		if id := m.Header.Get("Message-Id"); id != "<copydesk.delivery-41@desk.example.org>" {
			t.Errorf("Message-ID = %q", id)
		}
		if a := m.Header.Get("Auto-Submitted"); a != "auto-generated" {
			t.Errorf("Auto-Submitted = %q", a)
		}
	})
	t.Run("Body", func(t *testing.T) {
		for _, want := range []string{"Ana opened a thread on your piece.", "https://desk.example.org/drafts/7#comment-12\n",
			"you chose to hear of this by email", "https://desk.example.org/account"} {
			if !strings.Contains(m.Text, want) {
				t.Errorf("body lacks %q:\n%s", want, m.Text)
			}
		}
	})
	t.Run("RetryKeepsMessageID", func(t *testing.T) {
		if _, err := ch.Send(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		again := srv.Messages()[1]
		if a, b := again.Header.Get("Message-Id"), m.Header.Get("Message-Id"); a != b {
			t.Errorf("a second try's Message-ID %q differs from the first's %q", a, b)
		}
	})
}

func TestEmailAuth(t *testing.T) {
	srv := smtptest.Start(t, smtptest.Options{TLS: true, Username: "desk", Password: "s3cret pass"})
	t.Run("OK", func(t *testing.T) {
		ch := emailTo(srv, newsroom.MailSettings{Username: "desk", Password: "s3cret pass"})
		if _, err := ch.Send(context.Background(), delivery(1, "a@example.org", "Hello", "/drafts/1")); err != nil {
			t.Fatal(err)
		}
		if got := srv.Messages(); len(got) != 1 || got[0].AuthUser != "desk" {
			t.Fatalf("messages %+v, want one sent by AUTH user desk", got)
		}
	})
	t.Run("ErrWrongPassword", func(t *testing.T) {
		ch := emailTo(srv, newsroom.MailSettings{Username: "desk", Password: "wrong horse"})
		status, err := ch.Send(context.Background(), delivery(2, "a@example.org", "Hello", "/drafts/1"))
		if err == nil || status != 535 {
			t.Fatalf("Send = %d, %v; want 535 and an error", status, err)
		}
		if strings.Contains(err.Error(), "wrong horse") {
			t.Errorf("the error shows the password: %v", err)
		}
	})
}

func TestEmailStartTLS(t *testing.T) {
	plain := smtptest.Start(t, smtptest.Options{})
	tests := []struct {
		name    string
		mode    newsroom.StartTLS
		wantErr bool
	}{
		{"Required", newsroom.StartTLSRequired, true},
		{"DefaultIsRequired", "", true},
		{"Opportunistic", newsroom.StartTLSOpportunistic, false},
		{"Off", newsroom.StartTLSOff, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := len(plain.Messages())
			_, err := emailTo(plain, newsroom.MailSettings{StartTLS: tt.mode}).Send(context.Background(), delivery(3, "a@example.org", "Hi", "/desk"))
			if (err != nil) != tt.wantErr {
				t.Fatalf("Send to a server without STARTTLS: err = %v, want error %v", err, tt.wantErr)
			}
			if sent := len(plain.Messages()) - before; sent != 0 == tt.wantErr {
				t.Errorf("%d messages arrived", sent)
			}
		})
	}
}

func TestEmailRefused(t *testing.T) {
	for _, code := range []int{451, 550} {
		t.Run(strconv.Itoa(code), func(t *testing.T) {
			srv := smtptest.Start(t, smtptest.Options{TLS: true, Refuse: code})
			status, err := emailTo(srv, newsroom.MailSettings{}).Send(context.Background(), delivery(4, "a@example.org", "Hi", "/desk"))
			if err == nil || status != code {
				t.Fatalf("Send = %d, %v; want %d and an error to retry", status, err, code)
			}
		})
	}
	t.Run("NoServer", func(t *testing.T) {
		ch := &notify.Email{Flags: newsroom.MailSettings{Host: "127.0.0.1", Port: 1, From: "desk@example.org"}}
		if status, err := ch.Send(context.Background(), delivery(5, "a@example.org", "Hi", "/desk")); err == nil || status != 0 {
			t.Fatalf("Send = %d, %v; want 0 and an error", status, err)
		}
	})
	t.Run("NotConfigured", func(t *testing.T) {
		ch := &notify.Email{}
		if _, err := ch.Send(context.Background(), delivery(6, "a@example.org", "Hi", "/desk")); !errors.Is(err, notify.ErrMailNotConfigured) {
			t.Fatalf("err = %v, want ErrMailNotConfigured", err)
		}
	})
}

// TestEmailImplicitTLS: on port 465 the channel speaks TLS from the start. The port is a
// privileged one, so the test runs where it may listen there.
func TestEmailImplicitTLS(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:465")
	if err != nil {
		t.Skipf("cannot listen on port 465 here: %v", err)
	}
	l.Close()
	srv := smtptest.Start(t, smtptest.Options{ImplicitTLS: true, Addr: "127.0.0.1:465"})
	if _, err := emailTo(srv, newsroom.MailSettings{}).Send(context.Background(), delivery(7, "a@example.org", "Hi", "/desk")); err != nil {
		t.Fatal(err)
	}
	if got := srv.Messages(); len(got) != 1 || !got[0].TLS {
		t.Fatalf("messages %+v, want one over TLS", got)
	}
}

// TestEmailTimeout: a server that takes the connection and never greets is given up on after
// the timeout, with an error to retry.
func TestEmailTimeout(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			defer c.Close()
		}
	}()
	port := l.Addr().(*net.TCPAddr).Port
	ch := &notify.Email{Flags: newsroom.MailSettings{Host: "127.0.0.1", Port: port, From: "desk@example.org"}, Timeout: 300 * time.Millisecond}
	start := time.Now()
	status, err := ch.Send(context.Background(), delivery(8, "a@example.org", "Hi", "/desk"))
	if err == nil || status != 0 {
		t.Fatalf("Send = %d, %v; want 0 and an error", status, err)
	}
	if took := time.Since(start); took > 5*time.Second {
		t.Fatalf("gave up after %v, want about 300ms", took)
	}
}

// TestEmailSendEndsAtItsDeadline holds that an email send ends when the worker's context
// says so. The worker gives each send Config.Timeout (10 seconds, or half the lease) so that a
// send ends well inside its lease; the email channel's own timeout (DefaultEmailTimeout, 30
// seconds for each exchange) is longer. A mail server that greets and then stalls must not keep
// the send going past the context's deadline: past a lease of a minute another server would take
// the delivery over and send it too.
func TestEmailSendEndsAtItsDeadline(t *testing.T) {
	port := loopback(t, func(conn net.Conn) {
		conn.Write([]byte("220 stall.example ESMTP\r\n"))
		// Read the EHLO and never answer it.
		bufio.NewReader(conn).ReadString('\n')
		time.Sleep(5 * time.Second)
	}).Port
	mail := &notify.Email{Flags: newsroom.MailSettings{Host: "127.0.0.1", Port: port, From: "desk@example.com", StartTLS: newsroom.StartTLSOff}}
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := mail.Send(ctx, newsroom.Delivery{ID: 1, Recipient: "fiona@example.com", Payload: `{"subject":"s","text":"t","link":"/drafts/1"}`})
	if took := time.Since(start); took > 2*time.Second {
		t.Fatalf("a send given 300ms took %s (err %v)", took.Round(time.Millisecond), err)
	}
}

// TestEmailFollowsSite: a channel given the site's settings signs each email with the name they
// have at the time it is sent, and links to their base URL, so a change an admin saves reaches
// the next email without a restart.
func TestEmailFollowsSite(t *testing.T) {
	srv := smtptest.Start(t, smtptest.Options{TLS: true})
	ch := emailTo(srv, newsroom.MailSettings{})
	site := publish.Site{Name: "The Ledger", BaseURL: "https://news.example.org"}
	ch.Site = func() publish.Site { return site }
	for i, name := range []string{"The Ledger", "The Valley Ledger"} {
		site.Name = name
		if _, err := ch.Send(context.Background(), delivery(int64(50+i), "writer@example.org", "Hello", "/drafts/7")); err != nil {
			t.Fatal(err)
		}
		m := srv.Messages()[i]
		if from := m.Header.Get("From"); from != `"`+name+`" <desk@example.org>` {
			t.Errorf("From = %q, want signed %q", from, name)
		}
		if !strings.Contains(m.Text, "https://news.example.org/drafts/7") {
			t.Errorf("the email does not link to the site's base URL:\n%s", m.Text)
		}
	}
}

// refusing is a mail server on loopback that answers every connection with greeting, written
// as it is, and hangs up.
func refusing(t *testing.T, greeting func(net.Conn)) int {
	t.Helper()
	return loopback(t, greeting).Port
}

// TestEmailHostileServer: what a mail server answers is its to write. A refusal of megabytes
// fails the send with a short, printable error (it is logged, kept in the attempts log and
// shown on the email settings page), and the send reads no more than a megabyte of it.
func TestEmailHostileServer(t *testing.T) {
	for _, tc := range []struct {
		name     string
		greeting func(net.Conn)
		status   int
		want     string
	}{
		{"EndlessRefusal", func(c net.Conn) {
			line := []byte("554-" + strings.Repeat("no ", 300) + "\r\n")
			for range (16 << 20) / len(line) {
				if _, err := c.Write(line); err != nil {
					return
				}
			}
			c.Write([]byte("554 go away\r\n"))
		}, 0, "more than 1048576 bytes"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			port := refusing(t, tc.greeting)
			mail := &notify.Email{Flags: newsroom.MailSettings{Host: "127.0.0.1", Port: port, From: "desk@example.com", StartTLS: newsroom.StartTLSOff},
				Timeout: 5 * time.Second}
			status, err := mail.Send(context.Background(), delivery(9, "a@example.org", "Hi", "/desk"))
			if err == nil {
				t.Fatal("the send succeeded")
			}
			msg := err.Error()
			if status != tc.status || len(msg) > 500 || strings.ContainsAny(msg, "\x1b\x07") || !strings.Contains(msg, tc.want) {
				t.Fatalf("Send = %d and a %d-byte error %.200q; want %d and a short printable error saying %q", status, len(msg), msg, tc.status, tc.want)
			}
		})
	}
}

// TestEmailTakenThenHungUp: a message is the mail server's once it answers the data with 250.
// A server that then hangs up, at once or at QUIT, or refuses the RSET or the QUIT, has still
// taken it: the send reports it sent (250, no error), since an error would have the worker send
// it again and the reader get it twice, and the email confirmation take a mailed link as refused.
func TestEmailTakenThenHungUp(t *testing.T) {
	for _, tc := range []struct {
		name       string
		hangUp     bool // right after the 250 for the data
		rset, quit func(c net.Conn)
	}{
		{"HangsUpAtQuit", false, nil, func(net.Conn) {}},
		{"RefusesQuit", false, nil, func(c net.Conn) { c.Write([]byte("421 closing\r\n")) }},
		{"HangsUpAtOnce", true, nil, nil},
		{"RefusesRset", false, func(c net.Conn) { c.Write([]byte("421 closing\r\n")) }, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var mu sync.Mutex
			taken := 0
			port := loopback(t, func(c net.Conn) {
				r := bufio.NewReader(c)
				c.Write([]byte("220 relay.example ESMTP\r\n"))
				for {
					line, err := r.ReadString('\n')
					if err != nil {
						return
					}
					switch cmd := strings.ToUpper(strings.TrimSpace(line)); {
					case strings.HasPrefix(cmd, "EHLO"):
						c.Write([]byte("250-relay.example\r\n250 8BITMIME\r\n"))
					case strings.HasPrefix(cmd, "DATA"):
						c.Write([]byte("354 go on\r\n"))
						for {
							l, err := r.ReadString('\n')
							if err != nil {
								return
							}
							if l == ".\r\n" {
								break
							}
						}
						mu.Lock()
						taken++
						mu.Unlock()
						c.Write([]byte("250 queued\r\n"))
						if tc.hangUp {
							return
						}
					case cmd == "RSET" && tc.rset != nil:
						tc.rset(c)
						return
					case cmd == "QUIT" && tc.quit != nil:
						tc.quit(c)
						return
					default:
						c.Write([]byte("250 ok\r\n"))
					}
				}
			}).Port
			mail := &notify.Email{Flags: newsroom.MailSettings{Host: "127.0.0.1", Port: port, From: "desk@example.com", StartTLS: newsroom.StartTLSOff},
				Timeout: 5 * time.Second}
			status, err := mail.Send(context.Background(), delivery(10, "a@example.org", "Hi", "/desk"))
			mu.Lock()
			defer mu.Unlock()
			if taken != 1 {
				t.Fatalf("the server took %d messages, want 1", taken)
			}
			if err != nil || status != 250 {
				t.Fatalf("Send = %d, %v; want 250 and no error for a message the server took", status, err)
			}
		})
	}
}
