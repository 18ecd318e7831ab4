package server

import (
	"compress/gzip"
	"fmt"
	"net/http"
	"strings"
	"sync"

	"github.com/labstack/echo/v4"
)

// gzipWriters keeps gzip writers between answers, since each holds sizeable buffers.
var gzipWriters = sync.Pool{New: func() any { return gzip.NewWriter(nil) }}

// compress gzips the app's HTML pages and the files under /static for clients that accept it.
// It leaves alone the API and the page routes that answer JSON, whose raw answers the
// benchmarks measure, and the public pages: those are kept rendered in the page cache and
// carry one strong ETag per rendition, which a compressed copy would have to tag differently,
// and which readers' caches and proxies already revalidate cheaply.
func (s *Server) compress(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if !s.htmlPages[c.Path()] && c.Path() != "/static/*" {
			return next(c)
		}
		res := c.Response()
		res.Header().Add(echo.HeaderVary, echo.HeaderAcceptEncoding)
		if !acceptsGzip(c.Request().Header.Get(echo.HeaderAcceptEncoding)) {
			return next(c)
		}
		w := &gzipResponse{ResponseWriter: res.Writer}
		res.Writer = w
		defer func() { res.Writer = w.ResponseWriter }()
		if err := next(c); err != nil {
			return err
		}
		return w.close()
	}
}

// acceptsGzip reports whether an Accept-Encoding header takes gzip, and does not refuse it
// with a zero quality.
func acceptsGzip(header string) bool {
	for _, part := range strings.Split(header, ",") {
		coding, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if strings.EqualFold(strings.TrimSpace(coding), "gzip") {
			return strings.ReplaceAll(params, " ", "") != "q=0"
		}
	}
	return false
}

// gzipResponse compresses an answer's body when its status is 200; other answers (redirects,
// 304s, errors) pass through as they are, since they have little or no body.
type gzipResponse struct {
	http.ResponseWriter
	gz *gzip.Writer
}

func (w *gzipResponse) WriteHeader(code int) {
	if code == http.StatusOK && w.Header().Get(echo.HeaderContentEncoding) == "" {
		w.Header().Del(echo.HeaderContentLength)
		w.Header().Set(echo.HeaderContentEncoding, "gzip")
		w.gz = gzipWriters.Get().(*gzip.Writer)
		w.gz.Reset(w.ResponseWriter)
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *gzipResponse) Write(b []byte) (int, error) {
	if w.gz == nil {
		return w.ResponseWriter.Write(b)
	}
	return w.gz.Write(b)
}

// close ends the compressed body, if one was begun, and gives its writer back.
func (w *gzipResponse) close() error {
	if w.gz == nil {
		return nil
	}
	defer gzipWriters.Put(w.gz)
	if err := w.gz.Close(); err != nil {
		return fmt.Errorf("end gzip body: %w", err)
	}
	return nil
}
