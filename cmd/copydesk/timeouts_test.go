package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestSlowClientsCutOff starts the app with short timeouts and plays clients that send one byte
// every tenth of a second, or go quiet: the server closes each connection within its timeout,
// long before the client would have finished, on the main listener and on the scraper's.
func TestSlowClientsCutOff(t *testing.T) {
	timeouts := Timeouts{ReadHeader: 300 * time.Millisecond, Read: 800 * time.Millisecond, Write: 5 * time.Second, Idle: 500 * time.Millisecond}
	m := &Main{Addr: "127.0.0.1:0", MetricsAddr: "127.0.0.1:0", DBPath: filepath.Join(t.TempDir(), "slow.db"),
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Timeouts: timeouts}
	if err := m.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	mainAddr := strings.TrimPrefix(m.URL(), "http://")
	const body = `{"username":"nobody","password":"a password sent very slowly indeed, one byte at a time"}`
	tests := []struct {
		name    string
		addr    string
		first   string        // sent at once
		trickle string        // then one byte every 100 ms
		within  time.Duration // the timeout that must close the connection
	}{
		{"SlowHeaders", mainAddr, "GET /healthz HTTP/1.1\r\nHost: copydesk\r\n", "X-Slow: " + strings.Repeat("a", 100), timeouts.ReadHeader},
		{"SlowBody", mainAddr, fmt.Sprintf("POST /api/v1/login HTTP/1.1\r\nHost: copydesk\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n", len(body)), body, timeouts.Read},
		{"IdleKeepAlive", mainAddr, "GET /healthz HTTP/1.1\r\nHost: copydesk\r\n\r\n", "", timeouts.Idle},
		{"MetricsSlowHeaders", m.MetricsAddr, "GET /metrics HTTP/1.1\r\nHost: copydesk\r\n", "X-Slow: " + strings.Repeat("a", 100), timeouts.ReadHeader},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			conn, err := net.Dial("tcp", tt.addr)
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			if _, err := io.WriteString(conn, tt.first); err != nil {
				t.Fatal(err)
			}
			go func() {
				for i := range len(tt.trickle) {
					time.Sleep(100 * time.Millisecond)
					if _, err := io.WriteString(conn, tt.trickle[i:i+1]); err != nil {
						return // closed by the server, or by the test
					}
				}
			}()
			// The trickle takes 9 s or more: a connection still open well past the timeout was
			// not cut off.
			slack := 2 * time.Second
			conn.SetReadDeadline(start.Add(tt.within + slack))
			_, err = io.Copy(io.Discard, conn)
			var ne net.Error
			if errors.As(err, &ne) && ne.Timeout() {
				t.Fatalf("the connection is still open after %s; the timeout is %s", time.Since(start).Round(time.Millisecond), tt.within)
			}
			t.Logf("closed after %s (timeout %s)", time.Since(start).Round(time.Millisecond), tt.within)
		})
	}
}

// TestTimeoutFlags refuses a timeout that is not positive, which net/http would take for none.
func TestTimeoutFlags(t *testing.T) {
	db := filepath.Join(t.TempDir(), "flags.db")
	for _, flag := range []string{"--read-header-timeout=0", "--read-timeout=0s", "--write-timeout=-1s", "--idle-timeout=0"} {
		t.Run(flag, func(t *testing.T) {
			r := runCmd(t, nil, "", "serve", "--db", db, "--addr", "127.0.0.1:0", flag)
			name := strings.SplitN(flag, "=", 2)[0]
			if r.code != 1 || !strings.Contains(r.stderr, name+" must be positive") {
				t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
			}
		})
	}
	if _, err := os.Stat(db); err == nil {
		t.Fatal("serve created the database before refusing its flags")
	}
}
