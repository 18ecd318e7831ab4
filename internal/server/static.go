package server

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"mime"
	"path"
	"strings"
	"sync"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/copydesk/copydesk/web"
)

// staticFile is one embedded file under /static, with the tag of its content. Its body is kept
// compressed from its first request on: compressing every file with Brotli at start-up was half
// of server.New, paid before the server's first answer, often for files no client asked for yet.
type staticFile struct {
	etag, contentType string
	body              func() *keptBody
}

// Cache lifetimes of static files: a fingerprinted URL names one content for good, so browsers
// keep it a year without asking; the plain URL, which older pages may name, is asked about each
// time.
var (
	immutableCacheControl  = sharedHeader("public, max-age=31536000, immutable")
	revalidateCacheControl = sharedHeader("no-cache")
)

// staticFiles reads every file under web/static once, at start, and tags each with a hash of
// its content, under its plain name and its fingerprinted one (see web.Fingerprinted). The
// files are embedded in the binary, so what is read at start is what the binary serves for as
// long as it runs; another server running another build serves its own files under their own
// fingerprints and tags (TestFingerprinted, TestStaticRevalidation).
func staticFiles() (map[string]staticFile, map[string]string, error) {
	files, prints := map[string]staticFile{}, map[string]string{}
	err := fs.WalkDir(web.FS, "static", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		body, err := fs.ReadFile(web.FS, name)
		if err != nil {
			return fmt.Errorf("read %s: %w", name, err)
		}
		sum := sha256.Sum256(body)
		rel := name[len("static/"):]
		contentType := mime.TypeByExtension(path.Ext(name))
		files[rel] = staticFile{etag: `"` + hex.EncodeToString(sum[:16]) + `"`, contentType: contentType,
			body: sync.OnceValue(func() *keptBody { return newKeptBody(contentType, body) })}
		prints[web.Fingerprinted(rel, body)] = rel
		return nil
	})
	if err != nil {
		return nil, nil, fmt.Errorf("tag static files: %w", err)
	}
	return files, prints, nil
}

// serveStatic answers a file under /static. Under its fingerprinted name, which every template
// names it by (see web.StaticPath), browsers keep it for a year; under its plain name they keep
// it but ask again before using it, and the ETag makes that question cheap. A fingerprint of
// another version of the file, named by a page another server made during an upgrade, gets
// the current file to be asked about again, rather than kept for a year under the wrong name.
func (s *Server) serveStatic(c echo.Context) error {
	name := c.Param("*")
	cacheControl := revalidateCacheControl
	if plain, ok := s.staticPrints[name]; ok {
		name, cacheControl = plain, immutableCacheControl
	} else if _, ok := s.static[name]; !ok {
		name = withoutPrint(name)
	}
	f, ok := s.static[name]
	if !ok {
		return echo.ErrNotFound
	}
	return sendKept(c, f.etag, time.Time{}, cacheControl, f.body())
}

// withoutPrint is a fingerprinted file name without its fingerprint: "style.3f2a9c1b7d.css" →
// "style.css".
func withoutPrint(name string) string {
	ext := path.Ext(name)
	stem := strings.TrimSuffix(name, ext)
	fp := path.Ext(stem)
	if len(fp) != 11 || strings.Trim(fp[1:], "0123456789abcdef") != "" {
		return name
	}
	return strings.TrimSuffix(stem, fp) + ext
}
