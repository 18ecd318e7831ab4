package server

import (
	"errors"
	"sync"
	"time"
)

// pageCache keeps rendered public pages — the front page, the feed and each published
// article in each of its formats — so that a reader's request is a map lookup rather than a
// query and a template. It holds at most max bytes of keys and bodies and lets the least recently read
// page go first. Every publish, release and correction drops the pages it can change (see
// published and Server.heard): this server's at once, another server's when the store reads
// its events (store.CatchUp). A change to the site's settings clears it. It keeps each public
// listing's count of pieces on the same terms (see count).
type pageCache struct {
	mu    sync.Mutex
	pages *lru[string, cachedPage]
	// gen counts publishes and clears, so that a rendering begun before one is never stored
	// after it.
	gen uint64
	// renders are the renderings under way since the last publish or clear, by key (see load).
	renders map[string]*rendering
	// counts are the listings' counts of public pieces, by listing, read since the last
	// publish or clear (see count).
	counts map[string]int
	// changed is when the published pieces last changed, read since the last publish or clear
	// when changedRead (see changedAt).
	changed     time.Time
	changedRead bool
}

// rendering is one page being rendered for every request that asked for it meanwhile.
type rendering struct {
	done chan struct{}
	page cachedPage
	keep bool
	err  error
}

// errRenderAborted is what the requests waiting on a rendering get when it panicked.
var errRenderAborted = errors.New("server: rendering a public page stopped short")

// cachedPage is one rendered page, kept in the forms clients take (see keptBody).
type cachedPage struct {
	key  string
	etag string
	body *keptBody
	// draft is, for a page of one published article in one format, the draft it was published
	// from: such a page is made of that article's own snapshot and corrections and the site's
	// settings alone (see snapshotTag), so another piece's publish leaves it as it is. It is
	// zero for every other page (the lists, feeds and sitemaps, the images), which a publish
	// of any piece can change.
	draft int64
	// modified is, for a public page, the second its content last changed, as the data says,
	// read before the page was made from it: no later than any change it shows (see
	// Server.modifiedAt). Zero for what has no such time.
	modified time.Time
}

// newPageCache makes a cache of max bytes of pages, each in every form it is kept in (see
// keptBody), with its key: a key holds what a client typed (a topic, an author), which may be
// far longer than the page.
func newPageCache(max int) *pageCache {
	return &pageCache{pages: newLRU[string](max, func(e cachedPage) int { return len(e.key) + e.body.size() }), renders: map[string]*rendering{}, counts: map[string]int{}}
}

// load returns the page cached under key or, when the cache does not hold it, the one render
// makes, kept if render says it is worth keeping. Requests that ask for a key while it is
// being rendered wait for that rendering rather than each making, and compressing, their own:
// after a publish drops the lists, every reader of the front page and the feed arrives at
// once. A request never gets a rendering begun before a publish or clear that came before the
// request: both forget the renderings under way, so a request after them starts a new one.
func (p *pageCache) load(key string, render func() (cachedPage, bool, error)) (cachedPage, error) {
	p.mu.Lock()
	if e, ok := p.pages.get(key); ok {
		p.mu.Unlock()
		return e, nil
	}
	if r, ok := p.renders[key]; ok {
		p.mu.Unlock()
		<-r.done
		return r.page, r.err
	}
	r := &rendering{done: make(chan struct{}), err: errRenderAborted}
	p.renders[key] = r
	gen := p.gen
	p.mu.Unlock()
	defer func() {
		p.mu.Lock()
		if p.renders[key] == r {
			delete(p.renders, key)
		}
		if r.err == nil && r.keep && p.gen == gen {
			p.keep(key, r.page)
		}
		p.mu.Unlock()
		close(r.done)
	}()
	r.page, r.keep, r.err = render()
	return r.page, r.err
}

// count returns how many public pieces the listing under key holds: the count kept for it, or
// the one read makes, which is kept when it is above zero (a listing of nothing is a topic or an
// author a client typed, and its page is not found). Every page of a listing links its last
// page, and counting the archive took 1.56 s at 300,000 pieces, so each listing is counted once
// after each publish rather than once for each of its pages rendered. The invariant: a count
// count returns was read after every publish, release, correction and settings change this
// server had heard of when it was asked, as a page load returns is rendered after them; a count
// read while one is heard is handed to its caller but not kept.
func (p *pageCache) count(key string, read func() (int, error)) (int, error) {
	p.mu.Lock()
	n, ok := p.counts[key]
	gen := p.gen
	p.mu.Unlock()
	if ok {
		return n, nil
	}
	n, err := read()
	if err != nil || n == 0 {
		return n, err
	}
	p.mu.Lock()
	if p.gen == gen {
		p.counts[key] = n
	}
	p.mu.Unlock()
	return n, nil
}

// changedAt returns when the published pieces last changed (store.PublicChangedAt): the time
// kept, or the one read makes, kept on the terms count keeps counts on, so that each list page
// rendered after a publish does not read it again. A time kept from before a change this server
// has not heard of yet is earlier than the pages made since show, which only costs a client
// holding one a 200 in place of a 304.
func (p *pageCache) changedAt(read func() (time.Time, error)) (time.Time, error) {
	p.mu.Lock()
	at, ok, gen := p.changed, p.changedRead, p.gen
	p.mu.Unlock()
	if ok {
		return at, nil
	}
	at, err := read()
	if err != nil {
		return at, err
	}
	p.mu.Lock()
	if p.gen == gen {
		p.changed, p.changedRead = at, true
	}
	p.mu.Unlock()
	return at, nil
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
		p.keep(e.key, e)
	}
}

// keep files e under key, with p.mu held, and has its body tell the cache when it makes a
// form later (see keptBody.grown). It is called before any request is handed e, so that the
// body's first form made later is counted.
func (p *pageCache) keep(key string, e cachedPage) {
	body := e.body
	body.grown = func() { p.grew(key, body) }
	p.pages.put(key, e)
}

// grew counts against the cap a form body made after it was kept under key, if key still
// holds that body, and makes room for it.
func (p *pageCache) grew(key string, body *keptBody) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if e, ok := p.pages.peek(key); ok && e.body == body {
		p.pages.reweigh(key)
	}
}

// published drops the pages a publish, release or correction of draft can change: the
// draft's own article pages and every page not of one article. Other articles' pages stay, so
// a newsroom's publish does not make its whole archive render again. As clear does, it
// forgets the renderings under way and keeps any begun before it from being stored.
func (p *pageCache) published(draft int64) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.pages.removeIf(func(e cachedPage) bool { return e.draft == 0 || e.draft == draft })
	p.renders = map[string]*rendering{}
	p.counts = map[string]int{}
	p.changedRead = false
	p.gen++
}

// clear drops every cached page, after the site's settings changed.
func (p *pageCache) clear() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.pages.clear()
	p.renders = map[string]*rendering{}
	p.counts = map[string]int{}
	p.changedRead = false
	p.gen++
}
