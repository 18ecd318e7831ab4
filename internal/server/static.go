package server

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	"path"

	"github.com/labstack/echo/v4"

	"github.com/copydesk/copydesk/web"
)

// staticFile is one embedded file under /static, with the tag of its content.
type staticFile struct {
	etag, contentType string
	body              []byte
}

// staticFiles reads every file under web/static once, at start, and tags each with a hash of
// its content, so that a browser revalidating a file costs a map lookup and a 304.
func staticFiles() (map[string]staticFile, error) {
	files := map[string]staticFile{}
	err := fs.WalkDir(web.FS, "static", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		body, err := fs.ReadFile(web.FS, name)
		if err != nil {
			return fmt.Errorf("read %s: %w", name, err)
		}
		sum := sha256.Sum256(body)
		files[name[len("static/"):]] = staticFile{
			etag:        `"` + hex.EncodeToString(sum[:16]) + `"`,
			contentType: mime.TypeByExtension(path.Ext(name)),
			body:        body,
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("tag static files: %w", err)
	}
	return files, nil
}

// serveStatic answers a file under /static. Its URLs carry no version, since every template
// names them plainly, so browsers are told to keep a file but ask again before using it
// (no-cache); the ETag makes that question cheap when the file has not changed. A client
// holding the file in either encoding is told it is current: its bytes decode to the same file.
func (s *Server) serveStatic(c echo.Context) error {
	f, ok := s.static[c.Param("*")]
	if !ok {
		return echo.ErrNotFound
	}
	h := c.Response().Header()
	h.Set("ETag", f.etag)
	h.Set("Cache-Control", "no-cache")
	if held := c.Request().Header.Get("If-None-Match"); matchesTag(held, f.etag) || matchesTag(held, gzipTag(f.etag)) {
		return c.NoContent(http.StatusNotModified)
	}
	return c.Blob(http.StatusOK, f.contentType, f.body)
}
