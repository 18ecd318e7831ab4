package server

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/publish"
)

// frontPageSize is how many briefs a page of the front page, a topic or an author lists.
const frontPageSize = 30

// feedSize is how many pieces a feed (the site's, a topic's or an author's) carries, each
// whole. A feed reader asks again after every publish and gets them all, so every entry it has
// already read is sent again each time: 30 whole articles came to 105 kB in Brotli, ten times
// a page. Fifteen, as Ghost sends (WordPress sends ten), covers a reader who looks in every
// hour through three hours of a busy newsroom's publishing; what is older is on the pages, and
// in the sitemap for crawlers.
const feedSize = 15

// renditions maps an article URL's extension to its renderer and content type. ninjs is plain
// JSON: it is not JSON-LD, having no @context, so it is not served as application/ld+json.
var renditions = map[string]struct {
	contentType string
	render      func(publish.Site, publish.Article) ([]byte, error)
}{
	"":      {echo.MIMETextHTMLCharsetUTF8, renderHTML},
	".txt":  {echo.MIMETextPlainCharsetUTF8, plain(publish.Text)},
	".md":   {"text/markdown; charset=utf-8", plain(publish.Markdown)},
	".json": {"application/json; charset=utf-8", publish.NinJS},
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
	slug, ext := splitExt(slugParam(c))
	r, ok := renditions[ext]
	if !ok {
		return newsroom.Errorf(newsroom.ENOTFOUND, "no such format %q", ext)
	}
	return s.servePublished(c, "article"+ext, slug, r.contentType, func(a publish.Article) ([]byte, error) {
		return r.render(s.site(), a)
	})
}

func (s *Server) brief(c echo.Context) error {
	slug, ext := splitExt(slugParam(c))
	if ext != ".txt" {
		return newsroom.Errorf(newsroom.ENOTFOUND, "briefs are served as .txt")
	}
	return s.servePublished(c, "brief", slug, echo.MIMETextPlainCharsetUTF8, func(a publish.Article) ([]byte, error) {
		return publish.BriefText(s.site(), a), nil
	})
}

// servePublished answers with one format of the article published under slug, from the page
// cache when it holds it: the page is filed under the article's draft, and dropped whenever
// this server or another publishes, releases or corrects that piece (see heard), so what the
// cache holds is current. render makes the page from the article alone, with the site's
// settings, as snapshotTag, its ETag, assumes.
func (s *Server) servePublished(c echo.Context, format, slug, contentType string, render func(publish.Article) ([]byte, error)) error {
	key := format + "/" + slug
	e, err := s.cache.load(key, func() (cachedPage, bool, error) {
		// The settings' time is taken before the article is read (see modifiedAt).
		site := s.siteNow()
		// The rendering is shared by every request that waits on it (see pageCache.load), so
		// no one client leaving cancels it.
		p, err := s.store.PublicArticle(context.WithoutCancel(c.Request().Context()), slug)
		if err != nil {
			return cachedPage{}, false, err
		}
		body, err := render(p.Article)
		if err != nil {
			return cachedPage{}, false, err
		}
		return cachedPage{key: key, etag: s.snapshotTag(format, p.Article), body: newKeptBody(contentType, body), draft: p.DraftID,
			modified: modifiedAt(site, pieceChangedAt(p.Article))}, true, nil
	})
	if err != nil {
		return err
	}
	return sendKept(c, e.etag, s.lastModified(e.modified), publicCacheControl, e.body)
}

func (s *Server) frontPage(c echo.Context) error { return s.servePage(c, archiveListing) }

func (s *Server) feed(c echo.Context) error {
	return s.serveRendered(c, "feed", func() (string, []byte, error) {
		ctx := c.Request().Context()
		arts, err := s.store.PublicArticles(ctx, feedSize)
		if err != nil {
			return "", nil, err
		}
		updated := latest(arts)
		if len(arts) == 0 {
			// A feed with no entries changed last when the site did: the time has to be true
			// and the same on every request, and a zero one read as the year 1.
			if updated, err = s.store.SiteChangedAt(ctx); err != nil {
				return "", nil, err
			}
		}
		id, err := s.store.FeedID(ctx, publish.FeedPath)
		if err != nil {
			return "", nil, err
		}
		body, err := publish.AtomFeed(s.site(), publish.Feed{Path: publish.FeedPath, ID: id, Page: "/"}, arts, updated)
		return "application/atom+xml; charset=utf-8", body, err
	})
}

// readerError answers a browser anywhere but the newsroom's own pages (the public site, or an
// address nobody serves, which a reader most likely typed or followed) with the public site's
// error page, which leads on into the site; what a 404 is missing is said in readers' words.
func (s *Server) readerError(c echo.Context, status int, message string) error {
	if status == http.StatusNotFound {
		message = "Nothing is published at this address."
	}
	var b bytes.Buffer
	if err := publish.ErrorPage(&b, s.site(), http.StatusText(status), message); err != nil {
		return err
	}
	c.Response().Header().Set("Cache-Control", "no-store")
	return c.HTMLBlob(status, b.Bytes())
}

// snapshotTag is the ETag of one rendition of a published snapshot. It comes from what the
// rendition is made of (the snapshot's stored content hash, its corrections, the format and
// the site's settings). A 304 is still answered from the rendered body, which alone says whether
// the tag carries a coding (a body too small to compress goes without one, 200 and 304 alike).
func (s *Server) snapshotTag(format string, a publish.Article) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s|%s|%s|%s|%d", format, s.siteNow().tag, a.Slug, a.Hash, a.PublishedAt.UnixNano())
	for _, c := range a.Corrections {
		fmt.Fprintf(h, "|%d:%s", c.At.UnixNano(), c.Note)
	}
	return `"` + hex.EncodeToString(h.Sum(nil)[:16]) + `"`
}

// publicCacheControl lets readers' browsers and shared caches keep a public page, but has them
// ask again, with its ETag, before each use: a publish or a correction reaches the very next
// reader, and a page that has not changed costs a 304.
var publicCacheControl = sharedHeader("public, no-cache")

// matchesTag reports whether an If-None-Match header names etag, or any version. It compares
// weakly, as RFC 9110 (13.1.2) has If-None-Match do: proxies that alter a body mark its tag
// weak (W/"x"), and the client behind them still holds the version tagged "x".
func matchesTag(ifNoneMatch, etag string) bool {
	for _, tag := range strings.Split(ifNoneMatch, ",") {
		if t := strings.TrimPrefix(strings.TrimSpace(tag), "W/"); t == strings.TrimPrefix(etag, "W/") || t == "*" {
			return true
		}
	}
	return false
}

// serveRendered answers with the cached rendering of key (the front page or the feed), and
// renders it when the cache does not hold it, as after every publish, release or correction
// (see heard). The page is filed as one made of what is published as a whole, which any
// piece's publish can change.
func (s *Server) serveRendered(c echo.Context, key string, render func() (string, []byte, error)) error {
	return s.serveRenderedIf(c, key, true, func() (string, []byte, bool, error) {
		contentType, body, err := render()
		return contentType, body, true, err
	})
}

// serveRenderedIf is serveRendered for a rendering that says whether it is worth keeping: one
// that lists nothing, for whatever a client typed, would fill the cache with answers no reader
// shares and push out the pages they do. A dated page goes with the Last-Modified of what is
// published as a whole (see modifiedAt); one whose content changes with the clock, not with the
// data, goes without.
func (s *Server) serveRenderedIf(c echo.Context, key string, dated bool, render func() (string, []byte, bool, error)) error {
	e, err := s.cache.load(key, func() (cachedPage, bool, error) {
		// The rendering is shared by every request that waits on it (see pageCache.load), so
		// no one client leaving cancels its reads. The request's context is changed here, on
		// the request that renders, rather than on every request, which would copy each.
		c.SetRequest(c.Request().WithContext(context.WithoutCancel(c.Request().Context())))
		var modified time.Time
		if dated {
			// The times are taken before the page's content is read (see modifiedAt).
			site := s.siteNow()
			pieces, err := s.cache.changedAt(func() (time.Time, error) { return s.store.PublicChangedAt(c.Request().Context()) })
			if err != nil {
				return cachedPage{}, false, err
			}
			modified = modifiedAt(site, pieces)
		}
		contentType, body, keep, err := render()
		if err != nil {
			return cachedPage{}, false, err
		}
		sum := sha256.Sum256(body)
		return cachedPage{key: key, etag: `"` + hex.EncodeToString(sum[:16]) + `"`, body: newKeptBody(contentType, body), modified: modified}, keep, nil
	})
	if err != nil {
		return err
	}
	return sendKept(c, e.etag, s.lastModified(e.modified), publicCacheControl, e.body)
}

// modifiedAt is the modified time of a public page (see cachedPage.modified) made with the
// settings of site and published content that last changed at changed: the later of the two, to
// the second, as Last-Modified writes it. Both come from the data, never from this server's
// clock, so every server gives a page the same date, and a client holding a page from any of
// them is told 304 only while nothing it shows has changed since. Each is read before what the
// page is made of: a change between the two reads is then in the page and after its date, which
// costs a client a 200, never a stale 304. It is zero, for no Last-Modified, when the
// settings' time is not known.
func modifiedAt(site siteState, changed time.Time) time.Time {
	if site.changed.IsZero() {
		return time.Time{}
	}
	return latestOf(site.changed, changed).UTC().Truncate(time.Second)
}

// pieceChangedAt is when what readers see of a published piece last changed: its newest
// snapshot went out, the first publish or a correction.
func pieceChangedAt(a publish.Article) time.Time {
	at := a.PublishedAt
	for _, c := range a.Corrections {
		at = latestOf(at, c.At)
	}
	return at
}

// latestOf is the later of a and b.
func latestOf(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

// dateHold is how long after the second of a page's last change the page goes without a
// Last-Modified: the second itself, the second or so another server takes to read the events
// (see store.CatchUp), and clocks a few seconds apart. A change later in that second gives the
// page the same date, and a server that has not yet heard of it still serves the page from
// before it; a date given while either may be so would be sent back by its client and be told
// 304 for the changed page.
const dateHold = 10 * time.Second

// lastModified is the Last-Modified a page of modified time m goes with: none for dateHold after
// m, so that the date, once given, names one version of the page on every server.
func (s *Server) lastModified(m time.Time) time.Time {
	if !s.store.Now().After(m.Add(dateHold)) {
		return time.Time{}
	}
	return m
}

// splitExt splits "slug.txt" into "slug" and ".txt"; slugs themselves never hold a dot.
func splitExt(s string) (string, string) {
	if i := strings.LastIndexByte(s, '.'); i >= 0 {
		return s[:i], s[i:]
	}
	return s, ""
}
