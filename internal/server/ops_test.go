package server_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/server"
)

// TestSecurityHeaders checks the headers on every kind of response: API answers good and bad,
// public pages, static files, unknown URLs and the metrics.
func TestSecurityHeaders(t *testing.T) {
	a := newTestApp(t)
	want := map[string]string{
		"Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
		"X-Content-Type-Options":  "nosniff",
		"Referrer-Policy":         "same-origin",
		"X-Frame-Options":         "DENY",
	}
	tests := []struct {
		name, actor, method, url string
		wantStatus               int
	}{
		{"API", "writer", "GET", "/api/v1/drafts", 200},
		{"APIError", "", "GET", "/api/v1/drafts", 401},
		{"APIMethodNotAllowed", "writer", "DELETE", "/api/v1/drafts", 405},
		{"FrontPage", "", "GET", "/", 200},
		{"Feed", "", "GET", "/feed.atom", 200},
		{"ArticleNotFound", "", "GET", "/articles/nothing-here", 404},
		{"StaticFile", "", "GET", "/static/style.css", 200},
		{"StaticNotFound", "", "GET", "/static/nothing.css", 404},
		{"UnknownURL", "", "GET", "/no/such/page", 404},
		{"Health", "", "GET", "/healthz", 200},
		{"Metrics", "admin", "GET", "/metrics", 200},
		{"OpenAPI", "", "GET", "/api/v1/openapi.json", 200},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := a.send(tt.actor, tt.method, tt.url, "", "", nil)
			wantStatus(t, res, tt.wantStatus)
			for k, v := range want {
				if got := res.Header().Get(k); got != v {
					t.Errorf("%s = %q, want %q", k, got, v)
				}
			}
		})
	}
	t.Run("NoInlineScriptInCSP", func(t *testing.T) {
		if csp := want["Content-Security-Policy"]; strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "unsafe-eval") {
			t.Fatal(csp)
		}
	})
}

func TestReadyz(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		a := newTestApp(t)
		res := a.do("", "GET", "/readyz", "")
		wantStatus(t, res, http.StatusOK)
		if !strings.Contains(res.Body.String(), `"status":"ok"`) {
			t.Fatal(res.Body.String())
		}
	})
	t.Run("ErrDatabaseClosed", func(t *testing.T) {
		a := newTestApp(t)
		a.store.Close()
		res := a.do("", "GET", "/readyz", "")
		wantStatus(t, res, http.StatusServiceUnavailable)
		if !strings.Contains(res.Body.String(), `"code":"unavailable"`) || strings.Contains(res.Body.String(), "sql") {
			t.Fatal(res.Body.String())
		}
		// Liveness is not readiness: the process still answers /healthz.
		wantStatus(t, a.do("", "GET", "/healthz", ""), http.StatusOK)
	})
}

// TestMetrics checks who may read /metrics and that requests, transitions and publishes are
// counted.
func TestMetrics(t *testing.T) {
	a := newTestApp(t)
	d := importAndApprove(t, a, mustRead(t, "testdata/seed.txt"))
	wantStatus(t, a.do("editor", "POST", fmt.Sprintf("/api/v1/drafts/%d/publish", d.ID), ""), 200)
	wantStatus(t, a.do("writer", "GET", "/api/v1/drafts/999999", ""), 404)

	t.Run("Anonymous", func(t *testing.T) {
		res := a.do("", "GET", "/metrics", "")
		wantStatus(t, res, http.StatusUnauthorized)
		if strings.Contains(res.Body.String(), "copydesk_") {
			t.Fatal("metrics leaked to an anonymous client")
		}
	})
	t.Run("Editor", func(t *testing.T) {
		wantStatus(t, a.do("editor", "GET", "/metrics", ""), http.StatusForbidden)
	})
	t.Run("AdminToken", func(t *testing.T) {
		res := a.do("admin", "GET", "/metrics", "")
		wantStatus(t, res, http.StatusOK)
		body := res.Body.String()
		for _, line := range []string{
			`copydesk_http_requests_total{method="POST",route="/api/v1/drafts/:id/transitions",status="200"} 3`,
			`copydesk_http_requests_total{method="GET",route="/api/v1/drafts/:id",status="404"} 1`,
			`copydesk_workflow_transitions_total{action="submit"} 1`,
			`copydesk_workflow_transitions_total{action="clear"} 1`,
			`copydesk_workflow_transitions_total{action="approve"} 1`,
			`copydesk_workflow_transitions_total{action="publish"} 1`,
			`copydesk_publishes_total{kind="publish"} 1`,
			`copydesk_http_request_duration_seconds_count{method="POST",route="/api/v1/drafts/:id/publish"} 1`,
			`go_goroutines `,
		} {
			if !strings.Contains(body, line) {
				t.Errorf("metrics lack %q", line)
			}
		}
		if strings.Contains(body, "/drafts/999999") {
			t.Error("metrics carry a raw URL instead of the route pattern")
		}
	})
	t.Run("AdminSession", func(t *testing.T) {
		wantStatus(t, a.page("admin", "GET", "/metrics", nil), http.StatusOK)
	})
	t.Run("CorrectionsAndReleases", func(t *testing.T) {
		res := a.do("editor", "POST", "/api/v1/articles/mexicos-sheinbaum-rejects-trumps-troop-offer-to-battle-drug-cartels/corrections", `{"note":"Fixed a name."}`)
		wantStatus(t, res, http.StatusCreated)
		for i := 0; i < 2; i++ {
			d := a.draft(newsroom.StageApproved)
			if _, err := a.store.Publish(ctxAs(a, "editor"), d.ID, a.clock.Now().Add(time.Minute), 0); err != nil {
				t.Fatal(err)
			}
		}
		a.clock.Add(time.Minute)
		if n, err := a.store.ReleaseDue(context.Background()); n != 2 || err != nil {
			t.Fatalf("ReleaseDue = %d, %v; want 2", n, err)
		}
		body := a.do("admin", "GET", "/metrics", "").Body.String()
		for _, line := range []string{`copydesk_publishes_total{kind="correction"} 1`, `copydesk_publishes_total{kind="release"} 2`, `copydesk_workflow_transitions_total{action="release"} 2`} {
			if !strings.Contains(body, line) {
				t.Errorf("metrics lack %q", line)
			}
		}
	})
	t.Run("ScraperHandler", func(t *testing.T) {
		res := httptest.NewRecorder()
		a.server.MetricsHandler().ServeHTTP(res, httptest.NewRequest("GET", "/metrics", nil))
		wantStatus(t, res, http.StatusOK)
		if !strings.Contains(res.Body.String(), "copydesk_publishes_total") {
			t.Fatal(res.Body.String())
		}
	})
}

// TestMetricsSeriesBounded sends requests with made-up methods to made-up paths, as anyone may
// without signing in: they are counted under one method label and one route label, so more of
// them add no series.
func TestMetricsSeriesBounded(t *testing.T) {
	a := newTestApp(t)
	junk := func(batch int) {
		for i := range 100 {
			for _, url := range []string{
				fmt.Sprintf("/no/such/page-%d-%d", batch, i),
				fmt.Sprintf("/api/v1/drafts/1/nothing-%d-%d", batch, i),
				fmt.Sprintf("/api/v1/x%d%d", batch, i),
				fmt.Sprintf("/comments/%d%d", batch, i),
				"/api/v1/drafts",
			} {
				a.do("", fmt.Sprintf("M%dX%d", batch, i), url, "")
				a.do("", "GET", url, "")
			}
		}
	}
	series := func() []string {
		var out []string
		for _, line := range strings.Split(a.do("admin", "GET", "/metrics", "").Body.String(), "\n") {
			if (strings.HasPrefix(line, "copydesk_http_requests_total{") || strings.HasPrefix(line, "copydesk_http_request_duration_seconds_count{")) &&
				!strings.Contains(line, `route="/metrics"`) {
				out = append(out, line[:strings.LastIndexByte(line, ' ')])
			}
		}
		return out
	}
	junk(1)
	before := series()
	junk(2)
	after := series()
	if len(after) != len(before) {
		t.Fatalf("%d series after more made-up requests, %d before:\n%s", len(after), len(before), strings.Join(after, "\n"))
	}
	all := strings.Join(after, "\n")
	for _, want := range []string{
		`copydesk_http_requests_total{method="OTHER",route="unmatched",status="404"}`,
		`copydesk_http_requests_total{method="GET",route="unmatched",status="404"}`,
		`copydesk_http_requests_total{method="OTHER",route="/api/v1/drafts",status="405"}`,
	} {
		if !strings.Contains(all, want) {
			t.Errorf("metrics lack %s:\n%s", want, all)
		}
	}
	if strings.Contains(all, "M1X") || strings.Contains(all, "nothing-") {
		t.Errorf("a made-up method or path became a label:\n%s", all)
	}
}

// logBuffer collects a JSON logger's lines safely.
type logBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *logBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *logBuffer) lines(t *testing.T) []map[string]any {
	b.mu.Lock()
	defer b.mu.Unlock()
	var out []map[string]any
	sc := bufio.NewScanner(bytes.NewReader(b.buf.Bytes()))
	for sc.Scan() {
		var m map[string]any
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatalf("log line %q is not JSON: %v", sc.Text(), err)
		}
		out = append(out, m)
	}
	return out
}

// TestLogsCarryRequestID checks that every line logged about a request, the access line and
// internal errors alike, carries the request id the client got back.
func TestLogsCarryRequestID(t *testing.T) {
	a := newTestApp(t)
	var logs logBuffer
	srv := server.New(a.store, server.Config{Logger: slog.New(slog.NewJSONHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))})
	get := func(url, token, requestID string) *httptest.ResponseRecorder {
		req := httptest.NewRequest("GET", url, nil)
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		if requestID != "" {
			req.Header.Set("X-Request-Id", requestID)
		}
		res := httptest.NewRecorder()
		srv.Handler().ServeHTTP(res, req)
		return res
	}
	wantStatus(t, get("/api/v1/drafts", a.tokens["writer"], "client-chose-this"), 200)
	a.store.Close() // from now on every database call fails: internal errors, logged
	ids := map[string]bool{"client-chose-this": true}
	for _, url := range []string{"/api/v1/drafts", "/readyz"} {
		token := a.tokens["writer"]
		if url == "/readyz" {
			token = ""
		}
		res := get(url, token, "")
		if res.Code < 500 {
			t.Fatalf("GET %s with a closed database = %d", url, res.Code)
		}
		if strings.Contains(res.Body.String(), "sql") || strings.Contains(res.Body.String(), "closed") {
			t.Fatalf("internal detail leaked: %s", res.Body.String())
		}
		id := res.Header().Get("X-Request-Id")
		if id == "" {
			t.Fatal("no X-Request-Id in the response")
		}
		ids[id] = true
	}
	lines := logs.lines(t)
	kinds := map[string]int{}
	for _, l := range lines {
		id, _ := l["request_id"].(string)
		if !ids[id] {
			t.Errorf("log line without a known request id: %v", l)
		}
		kinds[l["msg"].(string)]++
	}
	if kinds["request"] != 3 || kinds["internal error"] != 1 || kinds["not ready: database unreachable"] != 1 {
		t.Fatalf("log lines by message = %v, want 3 request lines, 1 internal error, 1 not ready", kinds)
	}
}

func mustRead(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
