package main

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
)

// TestMetricsAddr serves the metrics on a second address for a scraper: readable there without
// a token, and nothing else served there; the main address still wants an admin.
func TestMetricsAddr(t *testing.T) {
	m := &Main{Addr: "127.0.0.1:0", MetricsAddr: "127.0.0.1:0", DBPath: filepath.Join(t.TempDir(), "m.db"),
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}
	if err := m.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	get := func(url string) (int, string) {
		t.Helper()
		res, err := http.Get(url)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res.StatusCode, string(b)
	}
	if code, _ := get(m.URL() + "/healthz"); code != 200 {
		t.Fatalf("healthz = %d", code)
	}
	code, body := get("http://" + m.MetricsAddr + "/metrics")
	if code != 200 || !strings.Contains(body, `copydesk_http_requests_total{method="GET",route="/healthz",status="200"} 1`) {
		t.Fatalf("scraper's /metrics = %d:\n%s", code, body)
	}
	if code, _ := get("http://" + m.MetricsAddr + "/api/v1/drafts"); code != 404 {
		t.Fatalf("the metrics address serves the API: %d", code)
	}
	if code, _ := get(m.URL() + "/metrics"); code != 401 {
		t.Fatalf("main address /metrics without a token = %d, want 401", code)
	}
}
