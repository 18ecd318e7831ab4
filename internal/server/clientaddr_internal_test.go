package server

import (
	"net"
	"net/http/httptest"
	"testing"
)

func TestClientAddress(t *testing.T) {
	cidr := func(s string) *net.IPNet {
		_, n, err := net.ParseCIDR(s)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	proxies := []*net.IPNet{cidr("10.0.0.0/8"), cidr("2001:db8::/32")}
	tests := []struct {
		name    string
		trusted []*net.IPNet
		remote  string
		xff     []string
		want    string
	}{
		{"no proxies: the connection", nil, "10.1.2.3:5000", []string{"203.0.113.9"}, "10.1.2.3"},
		{"no proxies: loopback is not trusted either", nil, "127.0.0.1:5000", []string{"203.0.113.9"}, "127.0.0.1"},
		{"through a trusted proxy", proxies, "10.1.2.3:5000", []string{"203.0.113.9"}, "203.0.113.9"},
		{"through two trusted proxies", proxies, "10.1.2.3:5000", []string{"203.0.113.9, 10.9.9.9"}, "203.0.113.9"},
		{"a forged entry left of the client is not believed", proxies, "10.1.2.3:5000", []string{"198.51.100.1, 203.0.113.9"}, "203.0.113.9"},
		{"header lines are read as one list", proxies, "10.1.2.3:5000", []string{"198.51.100.1", "203.0.113.9"}, "203.0.113.9"},
		{"straight from an untrusted address, the header is ignored", proxies, "198.51.100.7:5000", []string{"203.0.113.9"}, "198.51.100.7"},
		{"loopback is trusted only when listed", proxies, "127.0.0.1:5000", []string{"203.0.113.9"}, "127.0.0.1"},
		{"a trusted proxy with no header", proxies, "10.1.2.3:5000", nil, "10.1.2.3"},
		{"garbage in the header: the proxy itself", proxies, "10.1.2.3:5000", []string{"not-an-address"}, "10.1.2.3"},
		{"IPv6 proxy", proxies, "[2001:db8::1]:5000", []string{"2001:db8:ffff::, 203.0.113.9"}, "203.0.113.9"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := httptest.NewRequest("GET", "/", nil)
			req.RemoteAddr = tt.remote
			for _, v := range tt.xff {
				req.Header.Add("X-Forwarded-For", v)
			}
			if got := clientAddress(tt.trusted)(req); got != tt.want {
				t.Fatalf("client address = %q, want %q", got, tt.want)
			}
		})
	}
}
