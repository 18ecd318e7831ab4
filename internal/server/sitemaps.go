package server

import (
	"strconv"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/publish"
)

// newsWindow is how far back the Google News sitemap reaches: Google News takes pieces
// published in the last two days.
const newsWindow = 48 * time.Hour

// newsLimit is the most pieces the Google News sitemap lists, Google's limit.
const newsLimit = 1000

// errNoSitemap answers for a sitemap that would list nothing, which the sitemaps protocol has
// no valid document for (a urlset holds at least one url).
var errNoSitemap = newsroom.Errorf(newsroom.ENOTFOUND, "nothing to list in this sitemap yet")

// xmlType is the content type of every sitemap.
const xmlType = "application/xml; charset=utf-8"

// sitemap answers with the sitemap of every public piece (not found before the first) or, once
// they do not all fall in the first block of SitemapURLs article ids, with an index of the
// sitemaps of each block that lists any (see sitemapPart).
func (s *Server) sitemap(c echo.Context) error {
	return s.serveRendered(c, "sitemap", func() (string, []byte, error) {
		ctx := c.Request().Context()
		blocks, err := s.store.SitemapBlocks(ctx, s.cfg.SitemapURLs)
		if err != nil {
			return "", nil, err
		}
		switch {
		case len(blocks) == 0:
			return "", nil, errNoSitemap
		case len(blocks) == 1 && blocks[0] == 1:
			arts, err := s.store.PublicBlock(ctx, 1, s.cfg.SitemapURLs)
			if err != nil {
				return "", nil, err
			}
			body, err := publish.Sitemap(s.site(), arts)
			return xmlType, body, err
		}
		parts := make([]publish.SitemapRef, len(blocks))
		for i, n := range blocks {
			parts[i] = publish.SitemapRef{Path: "/sitemaps/" + strconv.Itoa(n) + ".xml"}
		}
		body, err := publish.SitemapIndex(s.site(), parts)
		return xmlType, body, err
	})
}

// sitemapPart answers with /sitemaps/N.xml: the public pieces of the Nth block of SitemapURLs
// article ids, which keeps its pieces whatever is published after them (see
// store.SitemapBlocks).
func (s *Server) sitemapPart(c echo.Context) error {
	name, ok := strings.CutSuffix(c.Param("file"), ".xml")
	n, err := pageNumber(name)
	if !ok || err != nil {
		return newsroom.Errorf(newsroom.ENOTFOUND, "no sitemap %q", c.Param("file"))
	}
	return s.serveRendered(c, "sitemaps/"+name, func() (string, []byte, error) {
		arts, err := s.store.PublicBlock(c.Request().Context(), n, s.cfg.SitemapURLs)
		if err != nil {
			return "", nil, err
		}
		if len(arts) == 0 {
			return "", nil, newsroom.Errorf(newsroom.ENOTFOUND, "no sitemap %d", n)
		}
		body, err := publish.Sitemap(s.site(), arts)
		return xmlType, body, err
	})
}

// newsSitemap answers with the Google News sitemap of the pieces first published in the last
// two days, or not found when there are none. Its cache key changes every hour, so that pieces
// leave it without a publish; changing with the clock, it has no Last-Modified the data could
// give.
func (s *Server) newsSitemap(c echo.Context) error {
	now := s.store.Now()
	return s.serveRenderedIf(c, "news/"+now.Truncate(time.Hour).Format(time.RFC3339), false, func() (string, []byte, bool, error) {
		arts, err := s.store.PublicListing(c.Request().Context(), now.Add(-newsWindow), 0, newsLimit)
		if err != nil {
			return "", nil, false, err
		}
		if len(arts) == 0 {
			return "", nil, false, errNoSitemap
		}
		body, err := publish.NewsSitemap(s.site(), arts)
		return xmlType, body, true, err
	})
}

// robots answers with robots.txt: the public site may be crawled, the newsroom's own pages and
// the API's writing side may not, and the sitemaps are where it says.
func (s *Server) robots(c echo.Context) error {
	return s.serveRendered(c, "robots", func() (string, []byte, error) {
		site := s.site()
		var b strings.Builder
		b.WriteString("User-agent: *\n")
		for _, p := range []string{"/desk", "/drafts/", "/inbox", "/budget", "/account", "/admin/", "/notifications", "/login", "/search"} {
			b.WriteString("Disallow: " + p + "\n")
		}
		b.WriteString("\nSitemap: " + site.URL("/sitemap.xml") + "\n")
		b.WriteString("Sitemap: " + site.URL("/sitemap-news.xml") + "\n")
		return echo.MIMETextPlainCharsetUTF8, []byte(b.String()), nil
	})
}
