package main

import (
	"net/http"
	"path/filepath"
	"strings"
	"testing"
)

// TestServeLogLevel: --log-level and COPYDESK_LOG_LEVEL choose what the log keeps: at the
// default, info, a page served writes no line; at debug it writes its request line; a level
// that is none of the four stops serve.
func TestServeLogLevel(t *testing.T) {
	for _, tt := range []struct {
		name     string
		env      map[string]string
		flags    []string
		wantLine bool
	}{
		{"Default", nil, nil, false},
		{"Debug", nil, []string{"--log-level", "debug"}, true},
		{"DebugEnv", map[string]string{"COPYDESK_LOG_LEVEL": "DEBUG"}, nil, true},
		{"FlagBeatsEnv", map[string]string{"COPYDESK_LOG_LEVEL": "debug"}, []string{"--log-level", "warn"}, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			vars := map[string]string{"COPYDESK_DB": filepath.Join(t.TempDir(), "news.db")}
			for k, v := range tt.env {
				vars[k] = v
			}
			url, stop := serveInProcess(t, vars, append([]string{"--addr", "127.0.0.1:0"}, tt.flags...)...)
			res, err := http.Get(url + "/healthz")
			if err != nil {
				t.Fatal(err)
			}
			res.Body.Close()
			code, _, logged := stop()
			if got := strings.Contains(logged, `"msg":"request"`); code != 0 || got != tt.wantLine {
				t.Fatalf("exit %d, request line logged %v, want %v:\n%s", code, got, tt.wantLine, logged)
			}
		})
	}
	r := runCmd(t, map[string]string{"COPYDESK_DB": filepath.Join(t.TempDir(), "news.db")}, "", "serve", "--addr", "127.0.0.1:0", "--log-level", "loud")
	if r.code != 1 || !strings.Contains(r.stderr, `--log-level: "loud" is not debug, info, warn or error`) {
		t.Fatalf("serve with a bad level: %+v", r)
	}
}
