package server

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/publish"
)

// frontPageSize is how many briefs the front page and the feed carry.
const frontPageSize = 30

// renditions maps an article URL's extension to its renderer and content type.
var renditions = map[string]struct {
	contentType string
	render      func(publish.Site, publish.Article) ([]byte, error)
}{
	"":     {echo.MIMETextHTMLCharsetUTF8, renderHTML},
	".txt": {echo.MIMETextPlainCharsetUTF8, plain(publish.Text)},
	".md":  {"text/markdown; charset=utf-8", plain(publish.Markdown)},
	".json": {"application/ld+json; charset=utf-8", func(site publish.Site, a publish.Article) ([]byte, error) {
		return publish.NinJS(site, a)
	}},
}

func plain(f func(publish.Site, publish.Article) []byte) func(publish.Site, publish.Article) ([]byte, error) {
	return func(site publish.Site, a publish.Article) ([]byte, error) { return f(site, a), nil }
}

func renderHTML(site publish.Site, a publish.Article) ([]byte, error) {
	var b bytes.Buffer
	err := publish.HTML(&b, site, a)
	return b.Bytes(), err
}

func (s *Server) article(c echo.Context) error {
	slug, ext := splitExt(c.Param("slug"))
	r, ok := renditions[ext]
	if !ok {
		return newsroom.Errorf(newsroom.ENOTFOUND, "no such format %q", ext)
	}
	a, err := s.store.PublicArticle(c.Request().Context(), slug)
	if err != nil {
		return err
	}
	body, err := r.render(s.cfg.Site, a)
	if err != nil {
		return err
	}
	return cacheable(c, r.contentType, body)
}

func (s *Server) brief(c echo.Context) error {
	slug, ext := splitExt(c.Param("slug"))
	if ext != ".txt" {
		return newsroom.Errorf(newsroom.ENOTFOUND, "briefs are served as .txt")
	}
	a, err := s.store.PublicArticle(c.Request().Context(), slug)
	if err != nil {
		return err
	}
	return cacheable(c, echo.MIMETextPlainCharsetUTF8, publish.BriefText(s.cfg.Site, a))
}

func (s *Server) frontPage(c echo.Context) error {
	arts, err := s.store.PublicArticles(c.Request().Context(), frontPageSize)
	if err != nil {
		return err
	}
	var b bytes.Buffer
	if err := publish.FrontPage(&b, s.cfg.Site, arts); err != nil {
		return err
	}
	return cacheable(c, echo.MIMETextHTMLCharsetUTF8, b.Bytes())
}

func (s *Server) feed(c echo.Context) error {
	arts, err := s.store.PublicArticles(c.Request().Context(), frontPageSize)
	if err != nil {
		return err
	}
	var updated time.Time
	for _, a := range arts {
		if a.PublishedAt.After(updated) {
			updated = a.PublishedAt
		}
	}
	body, err := publish.Atom(s.cfg.Site, arts, updated)
	if err != nil {
		return err
	}
	return cacheable(c, "application/atom+xml; charset=utf-8", body)
}

// cacheable sends a public response with an ETag of its bytes, and 304 when the client already
// has them, so readers and caches revalidate cheaply.
func cacheable(c echo.Context, contentType string, body []byte) error {
	sum := sha256.Sum256(body)
	etag := `"` + hex.EncodeToString(sum[:16]) + `"`
	h := c.Response().Header()
	h.Set("ETag", etag)
	h.Set("Cache-Control", "public, max-age=60")
	for _, tag := range strings.Split(c.Request().Header.Get("If-None-Match"), ",") {
		if strings.TrimSpace(tag) == etag || strings.TrimSpace(tag) == "*" {
			return c.NoContent(http.StatusNotModified)
		}
	}
	return c.Blob(http.StatusOK, contentType, body)
}

// splitExt splits "slug.txt" into "slug" and ".txt"; slugs themselves never hold a dot.
func splitExt(s string) (string, string) {
	if i := strings.LastIndexByte(s, '.'); i >= 0 {
		return s[:i], s[i:]
	}
	return s, ""
}
