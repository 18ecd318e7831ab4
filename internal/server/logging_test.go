package server_test

import (
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/server"
)

// TestClientRequestID checks which X-Request-Id a client may choose: one that is short and
// printable is used as it is, in the answer and in the log; any other is replaced by a new id.
func TestClientRequestID(t *testing.T) {
	a := newTestApp(t)
	logs := a.captureLogs()
	tests := []struct {
		name, id string
		kept     bool
	}{
		{"UUID", "0f8fad5b-d9cb-469f-a165-70867728950e", true},
		{"Punctuation", "trace:abc/42;x=\"y\"", true},
		{"AtLimit", strings.Repeat("a", 64), true},
		{"TooLong", strings.Repeat("a", 65), false},
		{"Huge", strings.Repeat("a", 4000), false},
		{"Space", "a b", false},
		{"ControlCharacter", "a\x1b[31mb", false},
		{"Newline", "a\nlevel=ERROR", false},
		{"NonASCII", "idé", false},
		{"InvalidUTF8", "a\xffb", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := a.send("", "GET", "/healthz", "", "", http.Header{"X-Request-Id": {tt.id}})
			wantStatus(t, res, http.StatusOK)
			got := res.Header().Get("X-Request-Id")
			switch {
			case tt.kept && got != tt.id:
				t.Fatalf("X-Request-Id = %q, want the client's %q", got, tt.id)
			case !tt.kept && (got == tt.id || got == "" || strings.ContainsFunc(got, func(r rune) bool { return r <= ' ' || r > '~' })):
				t.Fatalf("X-Request-Id = %q, want a new printable id", got)
			}
			lines := logs.lines(t)
			if last := lines[len(lines)-1]; last["request_id"] != got {
				t.Fatalf("logged request_id %q, answered %q", last["request_id"], got)
			}
		})
	}
}

// TestRequestLogLevel: a request is logged at DEBUG, so a server at INFO writes no line for the
// pages it serves, and an answer the server failed is logged at ERROR, whatever the level.
func TestRequestLogLevel(t *testing.T) {
	for _, tt := range []struct {
		name      string
		level     slog.Level
		wantLines map[string]string // path → level of its request line, "" for none
	}{
		{"Info", slog.LevelInfo, map[string]string{"/healthz": "", "/readyz": "ERROR"}},
		{"Debug", slog.LevelDebug, map[string]string{"/healthz": "DEBUG", "/readyz": "ERROR"}},
		{"Error", slog.LevelError, map[string]string{"/healthz": "", "/readyz": "ERROR"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			a := newTestApp(t)
			var logs logBuffer
			h := server.New(a.store, server.Config{Logger: slog.New(slog.NewJSONHandler(&logs, &slog.HandlerOptions{Level: tt.level}))}).Handler()
			h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/healthz", nil))
			a.store.Close() // /readyz now fails: a server error
			h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/readyz", nil))
			got := map[string]string{"/healthz": "", "/readyz": ""}
			for _, l := range logs.lines(t) {
				if l["msg"] == "request" {
					got[l["path"].(string)] = l["level"].(string)
				}
			}
			for path, want := range tt.wantLines {
				if got[path] != want {
					t.Errorf("request line of %s logged at %q, want %q", path, got[path], want)
				}
			}
		})
	}
}
