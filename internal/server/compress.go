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
		err := next(c)
		if cerr := w.close(); err == nil {
			err = cerr
		}
		return err
	}
}

// gzipTag is the entity tag of the gzipped form of an answer tagged etag: a strong tag names
// one sequence of bytes, so the compressed bytes need a tag of their own (RFC 9110, 8.8.3).
func gzipTag(etag string) string {
	if !strings.HasPrefix(etag, `"`) || !strings.HasSuffix(etag, `"`) || len(etag) < 2 {
		return etag
	}
	return strings.TrimSuffix(etag, `"`) + `-gzip"`
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

// gzipResponse compresses an answer's body when it has one worth compressing: a page or file
// (200), or a page saying what went wrong (4xx and 5xx, such as a refused form shown again with
// its words). Redirects and 304s pass through as they are. The answer's strong tag, if it has
// one, becomes the compressed form's tag, on a 304 too.
type gzipResponse struct {
	http.ResponseWriter
	gz *gzip.Writer
}

func (w *gzipResponse) WriteHeader(code int) {
	if etag := w.Header().Get("ETag"); etag != "" && (code == http.StatusOK || code == http.StatusNotModified) {
		w.Header().Set("ETag", gzipTag(etag))
	}
	if (code == http.StatusOK || code >= http.StatusBadRequest) && w.Header().Get(echo.HeaderContentEncoding) == "" {
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
