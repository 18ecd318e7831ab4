package main

import (
	"net/http"
	"path/filepath"
	"strings"
	"testing"
)

// TestServeSecureCookies: --secure-cookies and COPYDESK_SECURE_COOKIES (the flag wins) turn on
// HSTS and __Host- cookie names; on a loopback address they are off unless asked for.
func TestServeSecureCookies(t *testing.T) {
	tests := []struct {
		name       string
		env        string
		flags      []string
		wantSecure bool
	}{
		{"LoopbackDefault", "", nil, false},
		{"Flag", "", []string{"--secure-cookies"}, true},
		{"Env", "true", nil, true},
		{"FlagBeatsEnv", "1", []string{"--secure-cookies=false"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			vars := map[string]string{"COPYDESK_DB": filepath.Join(t.TempDir(), "news.db"), "COPYDESK_SECURE_COOKIES": tt.env}
			url, stop := serveInProcess(t, vars, append([]string{"--addr", "127.0.0.1:0"}, tt.flags...)...)
			res, err := http.Get(url + "/login")
			if err != nil {
				t.Fatal(err)
			}
			res.Body.Close()
			code, out, _ := stop()
			hsts := res.Header.Get("Strict-Transport-Security") != ""
			var names []string
			for _, ck := range res.Cookies() {
				names = append(names, ck.Name)
			}
			prefixed := strings.HasPrefix(strings.Join(names, " "), "__Host-")
			if code != 0 || hsts != tt.wantSecure || prefixed != tt.wantSecure || strings.Contains(out, "Cookies: secure") != tt.wantSecure {
				t.Fatalf("exit %d, HSTS %v, cookies %v, output %q; want secure %v", code, hsts, names, out, tt.wantSecure)
			}
		})
	}
	r := runCmd(t, map[string]string{"COPYDESK_DB": filepath.Join(t.TempDir(), "news.db"), "COPYDESK_SECURE_COOKIES": "maybe"}, "", "serve", "--addr", "127.0.0.1:0")
	if r.code != 1 || !strings.Contains(r.stderr, `COPYDESK_SECURE_COOKIES: "maybe" is not true or false`) {
		t.Fatalf("serve with a bad COPYDESK_SECURE_COOKIES: %+v", r)
	}
}

// TestLoopback decides the default of --secure-cookies: off only where the server listens for
// this machine alone.
func TestLoopback(t *testing.T) {
	tests := map[string]bool{
		"127.0.0.1:8080":        true,
		"127.0.0.2:8080":        true,
		"localhost:8080":        true,
		"[::1]:8080":            true,
		":8080":                 false,
		"0.0.0.0:8080":          false,
		"[::]:8080":             false,
		"10.0.0.5:8080":         false,
		"copydesk.example:8080": false,
		"127.0.0.1":             false,
	}
	for addr, want := range tests {
		if got := loopback(addr); got != want {
			t.Errorf("loopback(%q) = %v, want %v", addr, got, want)
		}
	}
}
