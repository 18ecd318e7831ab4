package server_test

import (
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"

	"github.com/copydesk/copydesk/internal/clock"
	"github.com/copydesk/copydesk/internal/server"
	"github.com/copydesk/copydesk/internal/store"
)

// TestThrottleBehindProxy signs in through a reverse proxy. Without trusted proxies every
// client shares the proxy's address, so one guesser's failures slow everyone down; with the
// proxy trusted, each client is counted by the address it forwards, and a client that connects
// directly cannot pass for another with a forged X-Forwarded-For.
func TestThrottleBehindProxy(t *testing.T) {
	a := newTestApp(t)
	// The throttle's clock stands still, so that a loaded machine cannot outwait a throttle's
	// one-second pause between two guesses.
	st, err := store.Open(a.dsn, store.Options{PasswordCost: bcrypt.MinCost, Clock: clock.NewFake(time.Now())})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	_, proxy, _ := net.ParseCIDR("10.0.0.0/8")
	login := func(h http.Handler, remote, forwarded, username, password string) int {
		req := httptest.NewRequest("POST", "/api/v1/login", strings.NewReader(`{"username":"`+username+`","password":"`+password+`"}`))
		req.Header.Set("Content-Type", "application/json")
		req.RemoteAddr = remote
		if forwarded != "" {
			req.Header.Set("X-Forwarded-For", forwarded)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec.Code
	}
	// guess fails six times from one client, each with another username, so that only the
	// address's counter grows; the sixth must already wait.
	guess := func(h http.Handler, remote, forwarded string) {
		t.Helper()
		codes := make([]int, 6)
		for i := range codes {
			codes[i] = login(h, remote, forwarded, "nobody"+string(rune('a'+i)), "guess")
		}
		if codes[4] != http.StatusUnauthorized || codes[5] != http.StatusTooManyRequests {
			t.Fatalf("six failed sign-ins from %s (for %q) answered %v", remote, forwarded, codes)
		}
	}
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))

	direct := server.New(st, server.Config{Logger: logger}).Handler()
	guess(direct, "10.0.0.2:4000", "203.0.113.1")
	if code := login(direct, "10.0.0.2:4000", "203.0.113.2", "writer", "pw-writer-staple"); code != http.StatusTooManyRequests {
		t.Fatalf("without trusted proxies, a second client behind the proxy got %d, want 429 (the proxy's address is throttled)", code)
	}

	proxied := server.New(st, server.Config{Logger: logger, TrustedProxies: []*net.IPNet{proxy}}).Handler()
	guess(proxied, "10.0.0.3:4000", "203.0.113.3")
	if code := login(proxied, "10.0.0.3:4000", "203.0.113.4", "writer", "pw-writer-staple"); code != http.StatusOK {
		t.Fatalf("with the proxy trusted, a second client behind it got %d, want 200", code)
	}
	if code := login(proxied, "198.51.100.7:4000", "203.0.113.4", "editor", "wrong"); code != http.StatusUnauthorized {
		t.Fatalf("a direct client with a forged header: %d", code)
	}
	guess(proxied, "198.51.100.8:4000", "203.0.113.5")
	if code := login(proxied, "10.0.0.3:4000", "203.0.113.5", "editor", "pw-editor-staple"); code != http.StatusOK {
		t.Fatalf("a forged X-Forwarded-For charged the client it named: %d", code)
	}
}
