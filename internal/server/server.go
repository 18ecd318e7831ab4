// Package server is Copydesk's HTTP face: the JSON API (and later the pages) over Echo. Handlers
// are thin: they bind input, call one store method, and render the result or hand the error to
// the one error handler.
package server

import (
	"log/slog"
	"net"

	"github.com/labstack/echo/v4"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/notify"
	"github.com/copydesk/copydesk/internal/store"
)

// Config holds what the server needs besides the store.
type Config struct {
	// BodyLimit caps request bodies, in bytes (default 1 MiB).
	BodyLimit int64
	// Logger receives one line per request (at DEBUG, or ERROR for a 5xx) and every internal
	// error (default slog.Default()).
	Logger *slog.Logger
	// Site is the operator's site settings, from the command line: each one set wins over the
	// one an admin saved on the site settings page, which shows it read-only.
	Site newsroom.SiteSettings
	// DefaultBaseURL is the site's base URL when neither the operator nor an admin gave one,
	// such as the address the server listens on.
	DefaultBaseURL string
	// PageCacheBytes caps the rendered public pages kept in memory, each counted in every form
	// it is kept in (default 32 MiB, room for the pages of about 7,000 articles of 1,500 words,
	// each about 4.5 kB in Brotli, or 3,500 once each was asked for in gzip as well).
	PageCacheBytes int
	// TrustedProxies are the reverse proxies in front of the server, if any (see clientAddress).
	TrustedProxies []*net.IPNet
	// SecureCookies says the site is reached over https only. The sign-in cookies are then
	// Secure and named with the __Host- prefix (see cookieName), and every response carries
	// Strict-Transport-Security. Browsers refuse such cookies over plain http, so leave it off
	// there.
	SecureCookies bool
	// Mail sends the email settings page's test email (nil: the server sends none). Its Flags,
	// the command line's mail settings, win over the page's, which shows them read-only.
	Mail *notify.Email
	// SitemapURLs is the most pieces one sitemap lists (default 50,000, the sitemaps protocol's
	// limit); above it /sitemap.xml is an index of sitemaps.
	SitemapURLs int
}

// Server routes requests to the store.
type Server struct {
	echo  *echo.Echo
	store *store.Store
	log   *slog.Logger
	cfg   Config
	pages pages
	// cache keeps rendered public pages; siteCache keeps the site settings every public
	// rendition is made with (see site.go).
	cache     *pageCache
	siteCache siteCache
	// draftJSON keeps drafts encoded for the draft list, under their stamps (see draftcache.go).
	draftJSON *draftJSONCache
	// inboxCounts keeps the header's inbox counts between page views (see inboxcount.go).
	inboxCounts *inboxCounts
	// metrics counts requests, transitions and publishes for Prometheus (see metrics.go).
	metrics *metrics
	// jsonPages are the paths of the page routes that answer JSON (see answersJSON), and
	// appPages those of the newsroom's own pages, whose errors lead back to the desk rather
	// than into the public site (see handleError).
	jsonPages, appPages map[string]bool
	// publicPages are the paths of the public site's pages, the same for every reader and
	// read without a side effect: the only pages settle asks for.
	publicPages map[string]bool
	// static holds the files under /static, read and tagged once at start, and staticPrints
	// their plain names by their fingerprinted ones (see static.go).
	static       map[string]staticFile
	staticPrints map[string]string
}

// New builds the server and its routes. It panics when a page template is broken, since that is
// a fault of the build, found at start-up before anything is served.
func New(st *store.Store, cfg Config) *Server {
	if cfg.BodyLimit <= 0 {
		cfg.BodyLimit = 1 << 20
	}
	if cfg.PageCacheBytes <= 0 {
		cfg.PageCacheBytes = 32 << 20
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.SitemapURLs <= 0 {
		cfg.SitemapURLs = 50_000
	}
	e := echo.New()
	e.HideBanner, e.HidePort = true, true
	e.JSONSerializer = jsonSerializer{}
	e.IPExtractor = clientAddress(cfg.TrustedProxies)
	p, err := parsePages(st.Policy())
	if err != nil {
		panic(err)
	}
	s := &Server{echo: e, store: st, log: cfg.Logger, cfg: cfg, pages: p, cache: newPageCache(cfg.PageCacheBytes), draftJSON: newDraftJSONCache(draftJSONBytes),
		inboxCounts: newInboxCounts()}
	if s.static, s.staticPrints, err = staticFiles(); err != nil {
		panic(err)
	}
	s.log, s.metrics = withRequestIDs(cfg.Logger), newMetrics()
	e.HTTPErrorHandler = s.handleError
	st.Subscribe(s.heard)
	s.routes()
	s.metrics.labelRoutes(e.Routes())
	return s
}

// clientAddress is how the server tells a client's address, which sign-in throttling counts
// failures by. Without trusted proxies it is the connection's, not a header anyone can write,
// so that the throttle cannot be dodged. Behind reverse proxies every connection comes from a
// proxy, and counting by it would let one guesser slow everyone down. Their ranges in trusted
// make X-Forwarded-For count instead: read from the right, past the trusted proxies, to the
// first address that is not one of them. Loopback and private ranges are not trusted unless
// listed.
func clientAddress(trusted []*net.IPNet) echo.IPExtractor {
	if len(trusted) == 0 {
		return echo.ExtractIPDirect()
	}
	opts := []echo.TrustOption{echo.TrustLoopback(false), echo.TrustLinkLocal(false), echo.TrustPrivateNet(false)}
	for _, n := range trusted {
		opts = append(opts, echo.TrustIPRange(n))
	}
	return echo.ExtractIPFromXFFHeader(opts...)
}

// Handler returns the root HTTP handler.
func (s *Server) Handler() *echo.Echo {
	return s.echo
}
