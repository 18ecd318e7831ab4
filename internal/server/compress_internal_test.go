package server

import "testing"

func TestNegotiate(t *testing.T) {
	tests := []struct{ header, want string }{
		{"", ""},
		{"gzip", "gzip"},
		{"GZIP", "gzip"},
		{"br", "br"},
		{"gzip, deflate, br", "br"},
		{"gzip;q=1.0, br;q=0.9", "gzip"},
		{"br;q=0.9, gzip;q=0.9", "br"},
		{"br; q=0, gzip", "gzip"},
		{"gzip;q=0, br;q=0", ""},
		{"*", "br"},
		{"*;q=0.5, gzip", "gzip"},
		{"*;q=0", ""},
		{"identity", ""},
		{"deflate", ""},
		{"gzip;q=2", ""},
		{"gzip;q=abc", ""},
	}
	for _, tt := range tests {
		if got := negotiate(tt.header); got != tt.want {
			t.Errorf("negotiate(%q) = %q, want %q", tt.header, got, tt.want)
		}
	}
}

func TestCompressible(t *testing.T) {
	tests := []struct {
		contentType string
		want        bool
	}{
		{"text/html; charset=utf-8", true},
		{"text/plain; charset=UTF-8", true},
		{"text/markdown; charset=utf-8", true},
		{"text/css; charset=utf-8", true},
		{"application/json", true},
		{"application/ld+json; charset=utf-8", true},
		{"application/atom+xml; charset=utf-8", true},
		{"application/xml", true},
		{"text/javascript; charset=utf-8", true},
		{"image/svg+xml", true},
		{"image/png", false},
		{"image/jpeg", false},
		{"image/webp", false},
		{"application/octet-stream", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := compressible(tt.contentType); got != tt.want {
			t.Errorf("compressible(%q) = %v, want %v", tt.contentType, got, tt.want)
		}
	}
}
