package main

import (
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
)

// TestServeSecureCookies: --secure-cookies and COPYDESK_SECURE_COOKIES (the flag wins) turn on
// HSTS and __Host- cookie names. Without them, a server on a loopback address has them on when
// its base URL is https or a proxy is in front (a TLS proxy on the same host), and off only as a
// plain local server; serve says which it chose and why.
func TestServeSecureCookies(t *testing.T) {
	tests := []struct {
		name       string
		env        map[string]string
		flags      []string
		wantSecure bool
		wantWhy    string
	}{
		{"LoopbackDefault", nil, nil, false, "--addr is a loopback address"},
		{"Flag", nil, []string{"--secure-cookies"}, true, "--secure-cookies"},
		{"Env", map[string]string{"COPYDESK_SECURE_COOKIES": "true"}, nil, true, "--secure-cookies"},
		{"FlagBeatsEnv", map[string]string{"COPYDESK_SECURE_COOKIES": "1"}, []string{"--secure-cookies=false"}, false, "--secure-cookies"},
		{"HTTPSBaseURL", nil, []string{"--base-url", "https://news.example"}, true, "--base-url is https"},
		{"HTTPSBaseURLEnv", map[string]string{"COPYDESK_BASE_URL": "https://news.example"}, nil, true, "--base-url is https"},
		{"HTTPBaseURL", nil, []string{"--base-url", "http://news.example"}, false, "--base-url is not https"},
		{"TrustedProxies", nil, []string{"--trusted-proxies", "127.0.0.1"}, true, "--trusted-proxies is set"},
		{"TrustedProxiesEnv", map[string]string{"COPYDESK_TRUSTED_PROXIES": "127.0.0.1"}, nil, true, "--trusted-proxies is set"},
		{"FlagBeatsHTTPSBaseURL", nil, []string{"--base-url", "https://news.example", "--secure-cookies=false"}, false, "--secure-cookies"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			vars := map[string]string{"COPYDESK_DB": filepath.Join(t.TempDir(), "news.db")}
			for k, v := range tt.env {
				vars[k] = v
			}
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
			if !strings.Contains(out, tt.wantWhy) {
				t.Fatalf("output %q does not say why: want %q", out, tt.wantWhy)
			}
		})
	}
	r := runCmd(t, map[string]string{"COPYDESK_DB": filepath.Join(t.TempDir(), "news.db"), "COPYDESK_SECURE_COOKIES": "maybe"}, "", "serve", "--addr", "127.0.0.1:0")
	if r.code != 1 || !strings.Contains(r.stderr, `COPYDESK_SECURE_COOKIES: "maybe" is not true or false`) {
		t.Fatalf("serve with a bad COPYDESK_SECURE_COOKIES: %+v", r)
	}
}

// TestSecureCookiesDefault decides --secure-cookies when it is not given: on for an https base
// URL, behind trusted proxies, or on an address other machines reach; off only for a plain local
// server.
func TestSecureCookiesDefault(t *testing.T) {
	proxy, err := parseProxies("127.0.0.1")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, addr, baseURL string
		proxies             []*net.IPNet
		want                bool
	}{
		{"PlainLocal", "127.0.0.1:8080", "", nil, false},
		{"LocalHTTPBaseURL", "127.0.0.1:8080", "http://127.0.0.1:8080", nil, false},
		{"LocalHTTPSBaseURL", "127.0.0.1:8080", "https://news.example", nil, true},
		{"UpperCaseScheme", "localhost:8080", "HTTPS://news.example", nil, true},
		{"LocalBehindProxy", "127.0.0.1:8080", "", proxy, true},
		{"AllAddresses", ":8080", "", nil, true},
		{"OtherMachine", "10.0.0.5:8080", "http://10.0.0.5:8080", nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got, why := secureCookies(optionalBool{}, tt.addr, tt.baseURL, tt.proxies); got != tt.want || why == "" {
				t.Fatalf("secureCookies = %v (%q), want %v", got, why, tt.want)
			}
		})
	}
}

// TestLoopback tells an address only this machine reaches, which alone does not make cookies
// secure by default.
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

// TestServeTimeZone: --time-zone and COPYDESK_TIME_ZONE take an IANA zone name and refuse
// anything else, naming the flag.
func TestServeTimeZone(t *testing.T) {
	for _, tt := range []struct {
		name  string
		env   map[string]string
		flags []string
	}{
		{"Flag", nil, []string{"--time-zone", "Mars/Olympus_Mons"}},
		{"Env", map[string]string{"COPYDESK_TIME_ZONE": "Mars/Olympus_Mons"}, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			vars := map[string]string{"COPYDESK_DB": filepath.Join(t.TempDir(), "news.db")}
			for k, v := range tt.env {
				vars[k] = v
			}
			r := runCmd(t, vars, "", append([]string{"serve", "--addr", "127.0.0.1:0"}, tt.flags...)...)
			if r.code != 1 || !strings.Contains(r.stderr, `--time-zone: "Mars/Olympus_Mons" is not a time zone`) {
				t.Fatalf("serve with a zone that does not exist: %+v", r)
			}
		})
	}
	url, stop := serveInProcess(t, map[string]string{"COPYDESK_DB": filepath.Join(t.TempDir(), "news.db"), "COPYDESK_TIME_ZONE": "Europe/London"}, "--addr", "127.0.0.1:0")
	res, err := http.Get(url + "/login")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if code, out, _ := stop(); code != 0 || res.StatusCode != http.StatusOK {
		t.Fatalf("serve in Europe/London: exit %d, status %d, output %q", code, res.StatusCode, out)
	}
}
