package notify_test

import (
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/notify"
)

// TestWebhookLocalNetwork: unless the operator allows the local network, a post is refused as
// it dials an address there, however the URL names it: by the address, by its IPv4-mapped IPv6
// form, or by a name that resolves to it (which no check of the URL can see). The receiver on
// loopback gets nothing, and the delivery fails saying why, naming neither the address nor the
// token in the URL. With the operator's option the same webhooks are delivered. The webhooks
// were made while the option was on, as they would be before an operator turned it off.
func TestWebhookLocalNetwork(t *testing.T) {
	tests := []struct {
		name  string
		url   func(port int) string
		allow bool
	}{
		{"Loopback", func(port int) string { return fmt.Sprintf("http://127.0.0.1:%d/hook/tok-secret", port) }, false},
		{"MappedLoopback", func(port int) string { return fmt.Sprintf("http://[::ffff:127.0.0.1]:%d/hook/tok-secret", port) }, false},
		{"NameOfLoopback", func(port int) string { return fmt.Sprintf("http://localhost:%d/hook/tok-secret", port) }, false},
		{"LoopbackAllowed", func(port int) string { return fmt.Sprintf("http://127.0.0.1:%d/hook/tok-secret", port) }, true},
		{"NameOfLoopbackAllowed", func(port int) string { return fmt.Sprintf("http://localhost:%d/hook/tok-secret", port) }, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var posts atomic.Int32
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { posts.Add(1) }))
			defer srv.Close()
			f := newFixture(t, tt.url(srv.Listener.Addr().(*net.TCPAddr).Port))
			hooks := notify.NewWebhooks(f.s, "https://copydesk.example.com", nil)
			hooks.AllowLocal = tt.allow
			cfg := fastConfig(map[string]notify.Channel{newsroom.ChannelWebhook: hooks})
			cfg.MaxAttempts = 2
			stop := notify.Start(f.s, cfg)
			defer stop()
			f.submit(t, 1)
			var log newsroom.DeliveryLog
			waitFor(t, "the delivery to be sent or fail", func() bool {
				logs, _ := f.s.WebhookDeliveries(f.admin, f.hook.ID, 10)
				if len(logs) == 1 && logs[0].Status != "pending" {
					log = logs[0]
					return true
				}
				return false
			})
			stop()
			if tt.allow {
				if log.Status != "sent" || posts.Load() != 1 {
					t.Fatalf("allowed: delivery %s with attempts %+v, %d posts received; want it sent once", log.Status, log.Attempts, posts.Load())
				}
				return
			}
			if n := posts.Load(); n != 0 || log.Status != "failed" || len(log.Attempts) != 2 {
				t.Fatalf("the receiver on loopback got %d posts; delivery %s with attempts %+v", n, log.Status, log.Attempts)
			}
			for _, a := range log.Attempts {
				if a.Error != newsroom.LocalWebhookRefused || a.StatusCode != 0 {
					t.Errorf("attempt %+v: want it refused saying %q", a, newsroom.LocalWebhookRefused)
				}
			}
			if log.LastError != newsroom.LocalWebhookRefused || strings.Contains(log.LastError, "tok-secret") {
				t.Errorf("last error %q", log.LastError)
			}
		})
	}
}

// TestWebhookIgnoresEnvironmentProxy: a post goes straight to its receiver, never through a
// proxy HTTP_PROXY names, which would dial the receiver for us out of the reach of the check of
// each address dialled. net/http reads the environment's proxy once a process, so the post is
// made by this test run again in a process of its own with HTTP_PROXY set: the proxy must be
// asked nothing.
func TestWebhookIgnoresEnvironmentProxy(t *testing.T) {
	if os.Getenv("COPYDESK_TEST_PROXY_CHILD") != "" {
		f := newFixture(t, "http://receiver.example/hook")
		// The proxy listens on loopback: allowing the local network lets it be dialled, were
		// it used at all.
		cfg := fastConfig(map[string]notify.Channel{newsroom.ChannelWebhook: localWebhooks(f.s, "https://copydesk.example.com")})
		cfg.MaxAttempts = 1
		stop := notify.Start(f.s, cfg)
		defer stop()
		f.submit(t, 1)
		waitFor(t, "the delivery to be sent or fail", func() bool {
			logs, _ := f.s.WebhookDeliveries(f.admin, f.hook.ID, 10)
			return len(logs) == 1 && logs[0].Status != "pending"
		})
		return
	}
	var asked atomic.Int32
	proxy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		asked.Add(1)
		w.WriteHeader(http.StatusNoContent)
	}))
	defer proxy.Close()
	cmd := exec.Command(os.Args[0], "-test.run=^TestWebhookIgnoresEnvironmentProxy$", "-test.count=1")
	cmd.Env = append(os.Environ(), "COPYDESK_TEST_PROXY_CHILD=1", "HTTP_PROXY="+proxy.URL, "http_proxy="+proxy.URL, "NO_PROXY=", "no_proxy=")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("the post's own process: %v\n%s", err, out)
	}
	if n := asked.Load(); n != 0 {
		t.Fatalf("the environment's proxy was asked %d times to post the webhook", n)
	}
}
