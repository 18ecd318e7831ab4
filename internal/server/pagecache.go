package server

import "sync"

// pageCache keeps rendered public pages — the front page, the feed and each published
// article in each of its formats — so that a reader's request is a map lookup rather than a
// query and a template. It holds at most max bytes of keys and bodies and lets the least recently read
// page go first. Every publish, release and correction clears it (see Server.heard): this
// server's at once, another server's when the store reads its events (store.CatchUp).
type pageCache struct {
	mu    sync.Mutex
	pages *lru[string, cachedPage]
	// gen counts clears, so a rendering that began before a publish is never stored after it.
	gen uint64
}

// cachedPage is one rendered page, with its compressed forms as clients ask for them.
type cachedPage struct {
	key               string
	etag, contentType string
	body              *keptBody
}

// newPageCache makes a cache of max bytes of pages as rendered, each with its key: a key holds
// what a client typed (a topic, an author), which may be far longer than the page. A page's
// compressed forms, a fifth to a third of its size each and made only later, for the codings
// clients ask for, are not counted: max bounds the pages, not every byte they take.
func newPageCache(max int) *pageCache {
	return &pageCache{pages: newLRU[string](max, func(e cachedPage) int { return len(e.key) + len(e.body.plain) })}
}

// get returns the page cached under key, if any, and the cache's generation, which put needs.
func (p *pageCache) get(key string) (cachedPage, uint64, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	e, ok := p.pages.get(key)
	return e, p.gen, ok
}

// put stores e, unless the cache was cleared since gen was read, and makes room for it by
// dropping the pages read least recently. A page larger than the whole cache is not kept.
func (p *pageCache) put(gen uint64, e cachedPage) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.gen == gen {
		p.pages.put(e.key, e)
	}
}

// clear drops every cached page, after something was published.
func (p *pageCache) clear() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.pages.clear()
	p.gen++
}
