package server

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/andybalholm/brotli"
	"github.com/labstack/echo/v4"
)

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
		{" br ; q=0.8 ,gzip", "gzip"},
		{"gzip;level=1;q=0.4, br;q=0.3", "gzip"},
		{"br;q=0.9, br;q=0, gzip;q=0.1", "gzip"},
		{"Br", "br"},
		{",,gzip,", "gzip"},
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

// TestKeptBody: a kept body is sent in each coding a client may take, with its length, and
// decodes to the body it was made from; one kept compressed only is decoded for a client that
// takes no coding. Its gzip form is made only once a client takes gzip and not Brotli. Its
// size is every form it keeps.
func TestKeptBody(t *testing.T) {
	page := []byte(strings.Repeat("<p>The council met again on Tuesday to review the figures.</p>\n", 40))
	tests := []struct {
		name, contentType string
		body              []byte
		compressed        bool
	}{
		{"Page", echo.MIMETextHTMLCharsetUTF8, page, true},
		{"ShortText", echo.MIMETextPlainCharsetUTF8, []byte("User-agent: *\n"), false},
		{"Image", "image/png", page, false},
	}
	e := echo.New()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			k := newKeptBody(tt.contentType, tt.body)
			if want := len(tt.body); !tt.compressed && k.size() != want || tt.compressed && (k.size() != len(k.brotli) || len(k.plain) != 0) {
				t.Errorf("size %d, forms of %d and %d bytes", k.size(), len(k.plain), len(k.brotli))
			}
			sentGzip := false
			for _, ask := range []struct{ accept, coding string }{{"", ""}, {"br", "br"}, {"gzip;q=1, br;q=0", "gzip"}, {"gzip", "gzip"}} {
				rec := httptest.NewRecorder()
				c := e.NewContext(httptest.NewRequest("GET", "/", nil), rec)
				c.Request().Header.Set("Accept-Encoding", ask.accept)
				if err := sendKept(c, `"v1"`, time.Time{}, publicCacheControl, k); err != nil {
					t.Fatal(err)
				}
				coding := rec.Header().Get("Content-Encoding")
				if want := map[bool]string{true: ask.coding, false: ""}[tt.compressed]; coding != want {
					t.Fatalf("Accept-Encoding %q: Content-Encoding %q, want %q", ask.accept, coding, want)
				}
				if rec.Header().Get("Content-Length") != strconv.Itoa(rec.Body.Len()) || rec.Header().Get("ETag") != codingTag(`"v1"`, coding) {
					t.Fatalf("Accept-Encoding %q: %d bytes sent with %v", ask.accept, rec.Body.Len(), rec.Header())
				}
				if got := decoded(t, coding, rec.Body.Bytes()); !bytes.Equal(got, tt.body) {
					t.Fatalf("Accept-Encoding %q: the answer decodes to %d bytes, not the %d-byte body", ask.accept, len(got), len(tt.body))
				}
				sentGzip = sentGzip || coding == codingGzip
				g := k.gzip.Load()
				if g != nil != sentGzip {
					t.Fatalf("after Accept-Encoding %q: a gzip form is kept: %v, want %v", ask.accept, g != nil, sentGzip)
				}
				want := len(tt.body)
				if tt.compressed {
					want = len(k.brotli)
				}
				if g != nil {
					want += len(g.body)
				}
				if k.size() != want {
					t.Fatalf("after Accept-Encoding %q: size %d, want %d", ask.accept, k.size(), want)
				}
			}
		})
	}
}

// decoded decodes body from coding ("" for none).
func decoded(t *testing.T, coding string, body []byte) []byte {
	t.Helper()
	var r io.Reader = bytes.NewReader(body)
	switch coding {
	case codingGzip:
		zr, err := gzip.NewReader(r)
		if err != nil {
			t.Fatal(err)
		}
		r = zr
	case codingBrotli:
		r = brotli.NewReader(r)
	}
	out, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestSharedHeadersStayPut: the header values every response shares (see sharedHeader) are
// the same after answers that add to them.
func TestSharedHeadersStayPut(t *testing.T) {
	e := echo.New()
	s := &Server{}
	h := s.secureHeaders(s.compress(func(c echo.Context) error {
		c.Response().Header().Add(echo.HeaderVary, "Cookie")
		c.Response().Header().Add("X-Frame-Options", "SAMEORIGIN")
		return sendKept(c, `"v1"`, time.Time{}, publicCacheControl, newKeptBody(echo.MIMETextPlainCharsetUTF8, []byte("short")))
	}))
	rec := httptest.NewRecorder()
	c := e.NewContext(httptest.NewRequest("GET", "/", nil), rec)
	c.Request().Header.Set("Accept-Encoding", "br")
	if err := h(c); err != nil {
		t.Fatal(err)
	}
	if got := rec.Header().Values(echo.HeaderVary); len(got) != 2 {
		t.Fatalf("Vary = %q, want Accept-Encoding and Cookie", got)
	}
	if len(varyAcceptEncoding) != 1 || varyAcceptEncoding[0] != echo.HeaderAcceptEncoding ||
		len(securityHeaders["X-Frame-Options"]) != 1 || securityHeaders["X-Frame-Options"][0] != "DENY" {
		t.Fatalf("a shared value changed: Vary %q, X-Frame-Options %q", varyAcceptEncoding, securityHeaders["X-Frame-Options"])
	}
}
