// Package server is Copydesk's HTTP face: the JSON API (and later the pages) over Echo. Handlers
// are thin: they bind input, call one store method, and render the result or hand the error to
// the one error handler.
package server

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"log/slog"

	"github.com/labstack/echo/v4"

	"github.com/copydesk/copydesk/internal/publish"
	"github.com/copydesk/copydesk/internal/store"
)

// Config holds what the server needs besides the store.
type Config struct {
	// BodyLimit caps request bodies, in bytes (default 1 MiB).
	BodyLimit int64
	// Logger receives one line per request and every internal error (default slog.Default()).
	Logger *slog.Logger
	// Site names the public site, its base URL and its footer for every published format.
	Site publish.Site
}

// Server routes requests to the store.
type Server struct {
	echo  *echo.Echo
	store *store.Store
	log   *slog.Logger
	cfg   Config
	pages pages
	// public caches the front page and the feed; siteTag fingerprints the site settings that
	// every public rendition depends on.
	public  *publicCache
	siteTag string
	// metrics counts requests, transitions and publishes for Prometheus (see metrics.go).
	metrics *metrics
}

// New builds the server and its routes. It panics when a page template is broken, since that is
// a fault of the build, found at start-up before anything is served.
func New(st *store.Store, cfg Config) *Server {
	if cfg.BodyLimit <= 0 {
		cfg.BodyLimit = 1 << 20
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.Site.Name == "" {
		cfg.Site.Name = "Copydesk"
	}
	if cfg.Site.Footer == nil {
		cfg.Site.Footer = publish.DefaultFooter
	}
	e := echo.New()
	e.HideBanner, e.HidePort = true, true
	// Client addresses come from the connection, not from headers anyone can set, so that
	// sign-in throttling per address cannot be dodged.
	e.IPExtractor = echo.ExtractIPDirect()
	p, err := parsePages()
	if err != nil {
		panic(err)
	}
	s := &Server{echo: e, store: st, log: cfg.Logger, cfg: cfg, pages: p, public: &publicCache{entries: map[string]cachedPage{}}}
	site := sha256.Sum256([]byte(fmt.Sprintf("%q|%q|%q|%q", cfg.Site.Name, cfg.Site.BaseURL, cfg.Site.Footer, cfg.Site.Language)))
	s.siteTag = hex.EncodeToString(site[:8])
	s.log, s.metrics = withRequestIDs(cfg.Logger), newMetrics()
	e.HTTPErrorHandler = s.handleError
	s.routes()
	return s
}

// Handler returns the root HTTP handler.
func (s *Server) Handler() *echo.Echo {
	return s.echo
}
