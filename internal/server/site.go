package server

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"sync"
	"sync/atomic"
	"time"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/publish"
	"github.com/copydesk/copydesk/web"
)

// defaultSiteName names the site when neither the operator nor an admin did.
const defaultSiteName = "Copydesk"

// siteReadTimeout bounds reading the site settings: a read shared by every request that needs
// them, so it is no one request's to cancel.
const siteReadTimeout = 5 * time.Second

// siteState is the site settings in force and the tag of everything besides the snapshot that
// a public rendition depends on (see siteTag).
type siteState struct {
	site publish.Site
	tag  string
	// changed is when the settings were last changed (store.SiteChangedAt), read with them;
	// zero when it could not be read.
	changed time.Time
}

// siteCache keeps the site settings in force between requests, so that a public page reads no
// database row for them. Every change to the settings drops it (see Server.heard): this
// server's at once, another server's when the store reads its events.
type siteCache struct {
	current atomic.Pointer[siteState]
	// mu orders drop and keep; gen counts drops, so that settings read before a change are
	// never kept after it.
	mu  sync.Mutex
	gen uint64
}

// drop forgets the settings kept, after they changed.
func (c *siteCache) drop() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.gen++
	c.current.Store(nil)
}

// generation is the count of drops so far, which keep needs.
func (c *siteCache) generation() uint64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.gen
}

// keep stores st, unless the settings were dropped since gen was read.
func (c *siteCache) keep(gen uint64, st *siteState) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.gen == gen {
		c.current.Store(st)
	}
}

// site returns the public site's settings in force, that every public rendition is made with:
// the operator's (Config.Site) over those an admin saved, over the defaults, with public dates
// in the newsroom's time zone.
func (s *Server) site() publish.Site { return s.siteNow().site }

// Site is the site settings in force, for what the server's owner sends beside its pages, such
// as emails signed with the site's name.
func (s *Server) Site() publish.Site { return s.site() }

// siteNow returns the site settings in force and their tag, from the cache when it holds them.
// Settings that cannot be read give the operator's over the defaults, logged and not kept, so a
// public page still shows.
func (s *Server) siteNow() siteState {
	if st := s.siteCache.current.Load(); st != nil {
		return *st
	}
	gen := s.siteCache.generation()
	ctx, cancel := context.WithTimeout(context.Background(), siteReadTimeout)
	defer cancel()
	st, err := s.loadSite(ctx)
	if err != nil {
		s.log.Error("read the site settings", "err", err)
		return st
	}
	s.siteCache.keep(gen, &st)
	return st
}

// loadSite reads the site settings in force from the store.
func (s *Server) loadSite(ctx context.Context) (siteState, error) {
	// The time is read before the settings: a change between the two reads is then in the
	// settings and after the time, and a page made with them goes with a Last-Modified no later
	// than what it shows (see Server.modifiedAt), never one a client holding the page before
	// the change would send back and be told 304.
	changed, cerr := s.store.SiteChangedAt(ctx)
	saved, err := s.store.SiteSettings(ctx)
	if err != nil {
		saved = newsroom.SiteSettings{}
	}
	zone, zerr := s.store.TimeZone(ctx)
	defaults := newsroom.SiteSettings{Name: defaultSiteName, BaseURL: s.cfg.DefaultBaseURL, Footer: publish.DefaultFooter}
	set := s.cfg.Site.Over(saved).Over(defaults)
	site := publish.Site{Name: set.Name, BaseURL: set.BaseURL, Footer: set.Footer, Language: set.Language, Location: zone,
		Logo: set.Logo, Description: set.Description}
	if err == nil {
		err = zerr
	}
	if err == nil {
		err = cerr
	}
	if err != nil {
		// Settings that were not read go with no time: a page made with them has none.
		changed = time.Time{}
	}
	return siteState{site: site, tag: siteTag(site, web.FS), changed: changed}, err
}

// siteTag fingerprints everything besides the snapshot that a public rendition depends on: the
// site settings, the zone dates are shown in, and every file of files (web.FS: the templates
// the pages are made from, the partials among them, and the static files whose fingerprinted
// names the pages carry), so that a change to any of them, as a new build brings, gives every
// rendition a new ETag rather than a 304 for the page the build before made.
func siteTag(site publish.Site, files fs.FS) string {
	h := sha256.New()
	zone := "UTC"
	if site.Location != nil {
		zone = site.Location.String()
	}
	fmt.Fprintf(h, "%q|%q|%q|%q|%q|%q|%q", site.Name, site.BaseURL, site.Footer, site.Language, zone, site.Logo, site.Description)
	// The embedded tree cannot fail to walk or read.
	fs.WalkDir(files, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(files, name)
		fmt.Fprintf(h, "|%q %d|", name, len(b))
		h.Write(b)
		return err
	})
	return hex.EncodeToString(h.Sum(nil)[:8])
}
