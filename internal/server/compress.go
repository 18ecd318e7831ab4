package server

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/andybalholm/brotli"
	"github.com/labstack/echo/v4"
)

// The content codings the server sends, by their Accept-Encoding names; identity is "".
const (
	codingBrotli = "br"
	codingGzip   = "gzip"
)

// minCompressed is the smallest body worth compressing, in bytes: below about one packet the
// codings' headers and the work cost more than the bytes they save.
const minCompressed = 1024

// The Brotli levels: a kept body (a public page, a static file) is compressed once and sent many
// times, so it gets a slower, smaller setting; an answer made per request gets a quick one.
// On an article page of 1,500 words (14.4 kB) level 5 gives 4.70 kB in 0.66 ms of CPU, level 4
// 4.96 kB in 0.56 ms and level 1 5.49 kB in 0.12 ms: the page is made once per snapshot (per server), and
// every byte of it is written to every reader. Above 5 our pages shrink no further, while level 9 takes six times as long and 33 MB of
// scratch memory per page against 1.3 MB: under the server's memory limit, a burst of pages
// compressed at once after a publish then starved every request (measured on an article page).
// An answer made per request, such as a 12 kB draft from the API, took 340 µs of CPU at level 4,
// twice what the rest of its request takes, to end at 4.0 kB; level 1 takes 85 µs for 4.5 kB.
const (
	brotliKeptLevel = 5
	brotliLevel     = 1
)

// gzipLevel is gzip's level for an answer made per request: on that 12 kB draft the default
// level took 230 µs for 4.0 kB, the fastest 58 µs for 4.4 kB. gzipKeptLevel is a kept body's,
// made once the first client takes gzip and not Brotli: on the 14.4 kB article page it gives
// 5.11 kB in 140 µs, where the best compression gives 5.06 kB in twice the time.
const (
	gzipLevel     = gzip.BestSpeed
	gzipKeptLevel = 4
)

// compressor is a gzip or Brotli writer that can be reused for another body.
type compressor interface {
	io.WriteCloser
	Flush() error
	Reset(io.Writer)
}

// compressors keeps writers between answers, since each holds sizeable buffers.
var compressors = map[string]*sync.Pool{
	codingGzip:   {New: func() any { w, _ := gzip.NewWriterLevel(nil, gzipLevel); return w }}, // the level is valid: no error
	codingBrotli: {New: func() any { return brotli.NewWriterLevel(nil, brotliLevel) }},
}

// compress sends every text answer (pages, JSON, feeds, text, Markdown) compressed with the
// coding the client prefers (see negotiate), and leaves images and other binary answers alone.
// The public pages and static files come already compressed from their kept copies (see
// sendKept), which this leaves as they are. Every answer varies by Accept-Encoding.
func (s *Server) compress(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		res := c.Response()
		if h := res.Header(); h[echo.HeaderVary] == nil {
			h[echo.HeaderVary] = varyAcceptEncoding
		} else {
			h.Add(echo.HeaderVary, echo.HeaderAcceptEncoding)
		}
		coding := negotiate(c.Request().Header.Get(echo.HeaderAcceptEncoding))
		if coding == "" {
			return next(c)
		}
		w := &compressResponse{ResponseWriter: res.Writer, coding: coding}
		res.Writer = w
		defer func() { res.Writer = w.ResponseWriter }()
		err := next(c)
		if cerr := w.close(); err == nil {
			err = cerr
		}
		return err
	}
}

// negotiate picks the coding for an Accept-Encoding header (RFC 9110, 12.5.3): Brotli or gzip,
// whichever the client gives the higher quality, Brotli when they tie; "" (identity) when the
// client takes neither. A coding the header does not name takes the quality of "*", if given.
// A coding named twice takes its last quality. Every request asks, so it allocates nothing.
func negotiate(header string) string {
	br, gz, star := -1.0, -1.0, 0.0 // -1: not named
	for header != "" {
		var part string
		part, header, _ = strings.Cut(header, ",")
		coding, params, _ := strings.Cut(part, ";")
		switch coding = strings.TrimSpace(coding); {
		case strings.EqualFold(coding, codingBrotli):
			br = quality(params)
		case strings.EqualFold(coding, codingGzip):
			gz = quality(params)
		case coding == "*":
			star = quality(params)
		}
	}
	if br < 0 {
		br = star
	}
	if gz < 0 {
		gz = star
	}
	switch {
	case br > 0 && br >= gz:
		return codingBrotli
	case gz > 0:
		return codingGzip
	}
	return ""
}

// quality reads the q parameter of one Accept-Encoding element: 1 when absent, 0 when it is
// not a number from 0 to 1.
func quality(params string) float64 {
	for params != "" {
		var p string
		p, params, _ = strings.Cut(params, ";")
		name, value, ok := strings.Cut(strings.TrimSpace(p), "=")
		if !ok || !strings.EqualFold(strings.TrimSpace(name), "q") {
			continue
		}
		v, err := strconv.ParseFloat(strings.TrimSpace(value), 64)
		if err != nil || v < 0 || v > 1 {
			return 0
		}
		return v
	}
	return 1
}

// compressible reports whether an answer of contentType is text worth compressing: HTML, CSS,
// scripts, plain text and Markdown, JSON and XML in any of their flavours (Atom, ld+json, SVG).
func compressible(contentType string) bool {
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		return false
	}
	kind, sub, _ := strings.Cut(mt, "/")
	switch {
	case kind == "text":
		return true
	case sub == "json" || sub == "xml" || sub == "javascript":
		return kind == "application"
	}
	return strings.HasSuffix(sub, "+json") || strings.HasSuffix(sub, "+xml")
}

// codingTag is the entity tag of the form of an answer tagged etag in coding: a strong tag
// names one sequence of bytes, so each coding's bytes need a tag of their own (RFC 9110, 8.8.3).
func codingTag(etag, coding string) string {
	if coding == "" || !strings.HasPrefix(etag, `"`) || !strings.HasSuffix(etag, `"`) || len(etag) < 2 {
		return etag
	}
	return strings.TrimSuffix(etag, `"`) + "-" + coding + `"`
}

// compressResponse compresses an answer's body when it is text with a body worth compressing:
// a page or an answer (200), or one saying what went wrong (4xx and 5xx, such as a refused form
// shown again with its words). It holds the status until the first minCompressed bytes of the
// body, or the end of a shorter one, decide. Redirects, 304s and answers already encoded pass
// through as they are.
type compressResponse struct {
	http.ResponseWriter
	coding string
	status int    // the status held while the body decides
	held   []byte // the body's first bytes, while they decide
	w      compressor
	// decided is set once the status is written, compressed (w set) or not.
	decided bool
}

func (w *compressResponse) WriteHeader(code int) {
	h := w.Header()
	worth := (code == http.StatusOK || code >= http.StatusBadRequest) && h.Get(echo.HeaderContentEncoding) == "" &&
		compressible(h.Get(echo.HeaderContentType))
	if n, err := strconv.Atoi(h.Get(echo.HeaderContentLength)); err == nil && n < minCompressed {
		worth = false
	}
	if !worth {
		w.decided = true
		w.ResponseWriter.WriteHeader(code)
		return
	}
	w.status = code
}

func (w *compressResponse) Write(b []byte) (int, error) {
	if w.status == 0 && !w.decided {
		w.WriteHeader(http.StatusOK)
	}
	if w.decided {
		if w.w != nil {
			return w.w.Write(b)
		}
		return w.ResponseWriter.Write(b)
	}
	w.held = append(w.held, b...)
	if len(w.held) >= minCompressed {
		if err := w.begin(); err != nil {
			return 0, err
		}
	}
	return len(b), nil
}

// begin writes the held status with the coding's headers, and the held bytes through the coding.
func (w *compressResponse) begin() error {
	h := w.Header()
	h.Del(echo.HeaderContentLength)
	h.Set(echo.HeaderContentEncoding, w.coding)
	if etag := h.Get("ETag"); etag != "" {
		h.Set("ETag", codingTag(etag, w.coding))
	}
	w.w = compressors[w.coding].Get().(compressor)
	w.w.Reset(w.ResponseWriter)
	w.decided = true
	w.ResponseWriter.WriteHeader(w.status)
	held := w.held
	w.held = nil
	_, err := w.w.Write(held)
	return err
}

// Flush sends what is written so far, compressed if the body has begun to be: a client waiting
// on a stream gets it now rather than when the body is long enough to decide.
func (w *compressResponse) Flush() {
	if !w.decided && w.status != 0 {
		if w.begin() != nil {
			return
		}
	}
	if w.w != nil {
		w.w.Flush()
	}
	if f, ok := w.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

// Unwrap gives http.ResponseController the writer underneath.
func (w *compressResponse) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// close ends the body: a short one held undecided goes out as it is, with its length; a
// compressed one is ended and its writer given back.
func (w *compressResponse) close() error {
	if !w.decided {
		if w.status == 0 {
			return nil
		}
		w.decided = true
		w.Header().Set(echo.HeaderContentLength, strconv.Itoa(len(w.held)))
		w.ResponseWriter.WriteHeader(w.status)
		_, err := w.ResponseWriter.Write(w.held)
		return err
	}
	if w.w == nil {
		return nil
	}
	defer compressors[w.coding].Put(w.w)
	if err := w.w.Close(); err != nil {
		return fmt.Errorf("end %s body: %w", w.coding, err)
	}
	return nil
}

// keptBody is a body kept to be sent many times (a rendered public page, a static file). A body
// worth compressing is kept in Brotli, made when it is kept: nearly every client takes it, and
// it takes a third of the plain body's room. Its gzip form is made from the Brotli form the
// first time a client takes gzip and not Brotli, and kept from then on, so that a page nobody
// asks for in gzip costs neither the CPU nor the memory. A client that takes neither gets the
// Brotli form decoded as it is sent. A kept body's bytes never change, so its forms, made from
// them, cannot differ from it; a new rendering is a new keptBody.
type keptBody struct {
	plain  []byte // the body as it is, when it is not kept compressed
	brotli []byte
	// gzip is the gzip form once a client asked for it (see gzipped).
	gzip     atomic.Pointer[keptForm]
	gzipOnce sync.Once
	gzipErr  error
	// grown, when set, is called once the gzip form has been made. The page cache sets it on
	// each body it keeps, before any request can send the body, to count the new form against
	// its cap (see pageCache.grew).
	grown func()
	// contentType and the Content-Lengths of the body as it is and in Brotli are the headers
	// it is sent with (see sharedHeader).
	contentType, plainLength, brotliLength []string
}

// keptForm is one coding's form of a kept body and its Content-Length.
type keptForm struct {
	body   []byte
	length []string
}

func newKeptBody(contentType string, body []byte) *keptBody {
	k := &keptBody{contentType: sharedHeader(contentType), plainLength: sharedHeader(strconv.Itoa(len(body)))}
	if !compressible(contentType) || len(body) < minCompressed {
		k.plain = body
		return k
	}
	k.brotli = compressKept(body, codingBrotli)
	k.brotliLength = sharedHeader(strconv.Itoa(len(k.brotli)))
	return k
}

// size is what the kept body holds, in bytes: each of its forms made so far.
func (k *keptBody) size() int {
	n := len(k.plain) + len(k.brotli)
	if f := k.gzip.Load(); f != nil {
		n += len(f.body)
	}
	return n
}

// coding is the coding the body is sent in to a client that prefers coding: identity when the
// body is not kept compressed.
func (k *keptBody) coding(coding string) string {
	if k.plain != nil || coding != codingGzip && coding != codingBrotli {
		return ""
	}
	return coding
}

// in returns the body in coding, one k.coding gave, and its Content-Length. The body as it is,
// when it is kept compressed only, is nil: see writeDecoded.
func (k *keptBody) in(coding string) ([]byte, []string, error) {
	switch {
	case k.plain != nil:
		return k.plain, k.plainLength, nil
	case coding == codingBrotli:
		return k.brotli, k.brotliLength, nil
	case coding == codingGzip:
		f, err := k.gzipped()
		if err != nil {
			return nil, nil, err
		}
		return f.body, f.length, nil
	}
	return nil, k.plainLength, nil
}

// gzipped returns the body's gzip form, made from its Brotli form the first time it is asked
// for and kept.
func (k *keptBody) gzipped() (*keptForm, error) {
	k.gzipOnce.Do(func() {
		var plain bytes.Buffer
		if k.gzipErr = k.writeDecoded(&plain); k.gzipErr != nil {
			return
		}
		z := compressKept(plain.Bytes(), codingGzip)
		k.gzip.Store(&keptForm{body: z, length: sharedHeader(strconv.Itoa(len(z)))})
		if k.grown != nil {
			k.grown()
		}
	})
	return k.gzip.Load(), k.gzipErr
}

// brotliReaders keeps Brotli readers between answers to clients that take no coding.
var brotliReaders sync.Pool

// writeDecoded writes the body as it is, decoded from its Brotli form, to w.
func (k *keptBody) writeDecoded(w io.Writer) error {
	br, _ := brotliReaders.Get().(*brotli.Reader)
	if br == nil {
		br = brotli.NewReader(bytes.NewReader(k.brotli))
	} else if err := br.Reset(bytes.NewReader(k.brotli)); err != nil {
		return fmt.Errorf("decode a kept body: %w", err)
	}
	defer brotliReaders.Put(br)
	if _, err := io.Copy(w, br); err != nil {
		return fmt.Errorf("send a kept body decoded: %w", err)
	}
	return nil
}

// keptCompressors keeps the kept bodies' writers between bodies: a new Brotli writer at
// brotliKeptLevel allocates and clears 1.3 MB of scratch memory, which took four fifths of
// the CPU of compressing an article page (3 ms of it, against 0.6 ms with a writer reused).
var keptCompressors = map[string]*sync.Pool{
	codingGzip:   {New: func() any { w, _ := gzip.NewWriterLevel(nil, gzipKeptLevel); return w }}, // the level is valid: no error
	codingBrotli: {New: func() any { return brotli.NewWriterLevel(nil, brotliKeptLevel) }},
}

// compressKept compresses body in coding at the kept bodies' level.
func compressKept(body []byte, coding string) []byte {
	var b bytes.Buffer
	w := keptCompressors[coding].Get().(compressor)
	defer keptCompressors[coding].Put(w)
	w.Reset(&b)
	w.Write(body) // writing to memory cannot fail
	w.Close()
	return b.Bytes()
}

// sendKept answers with a kept body tagged etag, in the coding the client prefers, with its
// length; a client holding the version tagged etag, in any coding, gets 304: its bytes decode
// to the same body. A body with a modified time goes with it as Last-Modified, and a client
// that names no tag but holds the page since that second (If-Modified-Since) gets 304 too, as
// RFC 9110 (13.2.2) orders the two. Every public page is sent by it, so it sets its headers
// from values made once (see sharedHeader).
func sendKept(c echo.Context, etag string, modified time.Time, cacheControl []string, k *keptBody) error {
	coding := k.coding(negotiate(c.Request().Header.Get(echo.HeaderAcceptEncoding)))
	h := c.Response().Header()
	h.Set("ETag", codingTag(etag, coding))
	h["Cache-Control"] = cacheControl
	if !modified.IsZero() {
		h.Set(echo.HeaderLastModified, modified.UTC().Format(http.TimeFormat))
	}
	if holdsVersion(c.Request().Header.Get("If-None-Match"), etag) || unchangedSince(c.Request().Header, modified) {
		return c.NoContent(http.StatusNotModified)
	}
	body, length, err := k.in(coding)
	if err != nil {
		// The error's answer must not go out tagged as this body, for a cache to keep.
		h.Del("ETag")
		h.Del("Cache-Control")
		return err
	}
	if coding != "" {
		h[echo.HeaderContentEncoding] = contentEncodings[coding]
	}
	h[echo.HeaderContentLength] = length
	h[echo.HeaderContentType] = k.contentType
	c.Response().WriteHeader(http.StatusOK)
	if body == nil {
		return k.writeDecoded(c.Response())
	}
	_, err = c.Response().Write(body)
	return err
}

// unchangedSince reports whether a request that names no version by tag holds, by its
// If-Modified-Since, what was last modified at modified (a time in whole seconds, as the header
// writes it).
func unchangedSince(h http.Header, modified time.Time) bool {
	if modified.IsZero() || h.Get("If-None-Match") != "" {
		return false
	}
	since, err := http.ParseTime(h.Get(echo.HeaderIfModifiedSince))
	return err == nil && !modified.After(since)
}

// Shared values (see sharedHeader) of the headers the server sends most.
var (
	varyAcceptEncoding = sharedHeader(echo.HeaderAcceptEncoding)
	contentEncodings   = map[string][]string{codingGzip: sharedHeader(codingGzip), codingBrotli: sharedHeader(codingBrotli)}
)

// sendTagged answers with a body made for this request, tagged etag: the compress middleware
// compresses it on the way at the quick level and tags each coding's bytes on their own. A
// client holding the version tagged etag, in any coding, gets 304 under the tag the body would
// have gone with.
func sendTagged(c echo.Context, etag, contentType string, cacheControl []string, body []byte) error {
	h := c.Response().Header()
	h["Cache-Control"] = cacheControl
	if holdsVersion(c.Request().Header.Get("If-None-Match"), etag) {
		coding := ""
		if compressible(contentType) && len(body) >= minCompressed {
			coding = negotiate(c.Request().Header.Get(echo.HeaderAcceptEncoding))
		}
		h.Set("ETag", codingTag(etag, coding))
		return c.NoContent(http.StatusNotModified)
	}
	h.Set("ETag", etag)
	return c.Blob(http.StatusOK, contentType, body)
}

// holdsVersion reports whether an If-None-Match header names the version tagged etag in any
// coding, or any version.
func holdsVersion(ifNoneMatch, etag string) bool {
	if ifNoneMatch == "" {
		return false
	}
	for _, coding := range []string{"", codingGzip, codingBrotli} {
		if matchesTag(ifNoneMatch, codingTag(etag, coding)) {
			return true
		}
	}
	return false
}
