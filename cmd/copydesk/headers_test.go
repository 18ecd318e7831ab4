package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
)

// TestLongHeadersRefused sends requests with headers of a browser's size and far past it, as one
// long header and as many small ones, to both listeners: the first are answered, the others are
// refused with 431 before any handler runs.
func TestLongHeadersRefused(t *testing.T) {
	m := &Main{Addr: "127.0.0.1:0", MetricsAddr: "127.0.0.1:0", DBPath: filepath.Join(t.TempDir(), "headers.db"),
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}
	if err := m.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	many := func(size int) string {
		var b strings.Builder
		for i := 0; b.Len() < size; i++ {
			fmt.Fprintf(&b, "X-%d: a\r\n", i)
		}
		return b.String()
	}
	cookie := "Cookie: " + strings.Repeat("k=vvvvvvvv; ", 700) + "\r\n"
	tests := []struct {
		name    string
		addr    string
		path    string
		headers string
		want    int
	}{
		{"BrowserSized", strings.TrimPrefix(m.URL(), "http://"), "/healthz", cookie + many(2000), http.StatusOK},
		{"OneLongHeader", strings.TrimPrefix(m.URL(), "http://"), "/healthz", "X-Long: " + strings.Repeat("a", 256<<10) + "\r\n", http.StatusRequestHeaderFieldsTooLarge},
		{"ManySmallHeaders", strings.TrimPrefix(m.URL(), "http://"), "/healthz", many(256 << 10), http.StatusRequestHeaderFieldsTooLarge},
		{"MetricsManySmallHeaders", m.MetricsAddr, "/metrics", many(256 << 10), http.StatusRequestHeaderFieldsTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			conn, err := net.Dial("tcp", tt.addr)
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			go fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: copydesk\r\n%s\r\n", tt.path, tt.headers)
			res, err := http.ReadResponse(bufio.NewReader(conn), nil)
			if err != nil {
				t.Fatal(err)
			}
			res.Body.Close()
			if res.StatusCode != tt.want {
				t.Fatalf("status %d for %d bytes of headers, want %d", res.StatusCode, len(tt.headers), tt.want)
			}
		})
	}
}
