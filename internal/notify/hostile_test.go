package notify_test

import (
	"bufio"
	"bytes"
	"log/slog"
	"net"
	"strings"
	"sync"
	"testing"
)

// lockedBuffer is a log both the test and the worker's sends write to.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) Len() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Len()
}

// answering is a receiver on loopback that reads a request's headers and answers every post
// with the raw status line given, whatever it holds.
func answering(t *testing.T, statusLine string) string {
	t.Helper()
	addr := loopback(t, func(c net.Conn) {
		r := bufio.NewReader(c)
		for {
			if l, err := r.ReadString('\n'); err != nil || l == "\r\n" {
				break
			}
		}
		c.Write([]byte(statusLine + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"))
	})
	return "http://" + addr.String() + "/hook"
}

// loopback is a server on loopback that hands each connection to handle, then closes it.
func loopback(t *testing.T, handle func(net.Conn)) *net.TCPAddr {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			go func() {
				defer conn.Close()
				handle(conn)
			}()
		}
	}()
	return ln.Addr().(*net.TCPAddr)
}

// TestWebhookHostileAnswer: the status line is the receiver's to write. A huge one, or one
// full of a terminal's escape codes, fails the delivery with a short, printable error in the
// attempts log and the server's log, however often it is tried.
func TestWebhookHostileAnswer(t *testing.T) {
	for _, tc := range []struct {
		name, statusLine, want string
	}{
		{"HugeStatusLine", "HTTP/1.1 500 " + strings.Repeat("X", 4<<20), "exceeded"},
		{"EscapeCodes", "HTTP/1.1 503 \x1b[2J\x1b[31mGone\x07 fishing", "the webhook answered 503 [2J[31mGone fishing"},
		{"LongReason", "HTTP/1.1 500 " + strings.Repeat("reason ", 1000), "the webhook answered 500 reason reason"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t, answering(t, tc.statusLine))
			var log lockedBuffer
			failed := f.failedWebhook(t, localWebhooks(f.s, "https://copydesk.example.com"), slog.New(slog.NewTextHandler(&log, nil)))
			for _, a := range failed.Attempts {
				if a.OK || len(a.Error) > 300 || strings.ContainsAny(a.Error, "\x1b\x07") || !strings.Contains(a.Error, tc.want) {
					t.Errorf("attempt %+v: want a failure under 300 bytes, printable, saying %q", a, tc.want)
				}
			}
			if n := log.Len(); n > 16<<10 {
				t.Errorf("three attempts wrote %d bytes to the server's log", n)
			}
		})
	}
}
