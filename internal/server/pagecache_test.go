package server

import (
	"fmt"
	"math/rand/v2"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/labstack/echo/v4"
)

func TestPageCache(t *testing.T) {
	// page is a page weighing size bytes in all, its key and its body.
	page := func(key string, size int) cachedPage {
		return cachedPage{key: key, body: newKeptBody("text/plain", []byte(strings.Repeat("x", size-len(key))))}
	}
	// of files e as a page of the article published from draft.
	of := func(draft int64, e cachedPage) cachedPage {
		e.draft = draft
		return e
	}
	tests := []struct {
		name string
		run  func(p *pageCache)
		want []string // keys kept, most recently read first
		size int
	}{
		{"fits", func(p *pageCache) {
			p.put(0, page("a", 4))
			p.put(0, page("b", 4))
		}, []string{"b", "a"}, 8},
		{"least recently read goes first", func(p *pageCache) {
			p.put(0, page("a", 4))
			p.put(0, page("b", 4))
			p.get("a")
			p.put(0, page("c", 4))
		}, []string{"c", "a"}, 8},
		{"a big page pushes out several", func(p *pageCache) {
			p.put(0, page("a", 3))
			p.put(0, page("b", 3))
			p.put(0, page("c", 3))
			p.put(0, page("d", 9))
		}, []string{"d"}, 9},
		{"larger than the cache: not kept", func(p *pageCache) {
			p.put(0, page("a", 4))
			p.put(0, page("huge", 11))
		}, []string{"a"}, 4},
		{"a long key counts against the cache", func(p *pageCache) {
			p.put(0, page("a", 4))
			p.put(0, cachedPage{key: strings.Repeat("k", 8), body: newKeptBody("text/plain", []byte("xxxx"))})
		}, []string{"a"}, 4},
		{"replacing a page counts its new size", func(p *pageCache) {
			p.put(0, page("a", 4))
			p.put(0, page("b", 4))
			p.put(0, page("a", 6))
		}, []string{"a", "b"}, 10},
		{"clear", func(p *pageCache) {
			p.put(0, page("a", 4))
			p.clear()
			p.put(1, page("b", 4))
		}, []string{"b"}, 4},
		{"a rendering begun before a clear is not stored after it", func(p *pageCache) {
			_, gen, _ := p.get("a")
			p.clear()
			p.put(gen, page("a", 4))
		}, nil, 0},
		{"a publish drops its piece's pages and every page not of one piece", func(p *pageCache) {
			p.put(0, of(2, page("b", 2)))
			p.put(0, of(1, page("a", 2)))
			p.put(0, page("f", 2))
			p.put(0, of(1, page("A", 2)))
			p.published(1)
		}, []string{"b"}, 2},
		{"a publish keeps other pieces' pages in the order they were read", func(p *pageCache) {
			p.put(0, of(2, page("b", 2)))
			p.put(0, of(3, page("c", 2)))
			p.put(0, of(4, page("d", 2)))
			p.get("b")
			p.published(1)
		}, []string{"b", "d", "c"}, 6},
		{"a rendering begun before a publish is not stored after it, whatever its piece", func(p *pageCache) {
			_, gen, _ := p.get("b")
			p.published(1)
			p.put(gen, of(2, page("b", 4)))
		}, nil, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := newPageCache(10)
			tt.run(p)
			keys, size, ok := lruKeys(p.pages)
			if !slices.Equal(keys, tt.want) || size != tt.size || !ok {
				t.Fatalf("kept %v (%d bytes, books agree %v), want %v (%d bytes)", keys, size, ok, tt.want, tt.size)
			}
			for _, k := range tt.want {
				if e, _, ok := p.get(k); !ok || e.key != k {
					t.Fatalf("get(%q) = %+v, %v", k, e, ok)
				}
			}
		})
	}
}

// TestPageCacheLoad renders a page once for all the requests that ask for it while it is being
// rendered, and never hands a request a rendering begun before a clear that preceded it.
func TestPageCacheLoad(t *testing.T) {
	t.Run("OneRenderingForConcurrentRequests", func(t *testing.T) {
		p := newPageCache(1 << 20)
		var renders atomic.Int32
		release := make(chan struct{})
		render := func() (cachedPage, bool, error) {
			renders.Add(1)
			<-release
			return cachedPage{key: "feed", etag: `"1"`, body: newKeptBody("text/plain", []byte("feed"))}, true, nil
		}
		var wg sync.WaitGroup
		pages := make([]cachedPage, 8)
		for i := range pages {
			wg.Add(1)
			go func() {
				defer wg.Done()
				pages[i], _ = p.load("feed", render)
			}()
		}
		for renders.Load() == 0 {
			time.Sleep(time.Millisecond)
		}
		time.Sleep(20 * time.Millisecond) // the other requests arrive while it renders
		close(release)
		wg.Wait()
		if n := renders.Load(); n != 1 {
			t.Errorf("rendered %d times, want once", n)
		}
		for i, e := range pages {
			if e.etag != `"1"` {
				t.Errorf("request %d got %+v", i, e)
			}
		}
	})
	t.Run("ClearForgetsRenderingsUnderWay", func(t *testing.T) {
		p := newPageCache(1 << 20)
		started, release := make(chan struct{}), make(chan struct{})
		old := make(chan cachedPage)
		go func() {
			e, _ := p.load("feed", func() (cachedPage, bool, error) {
				close(started)
				<-release
				return cachedPage{key: "feed", etag: `"before"`, body: newKeptBody("text/plain", []byte("before"))}, true, nil
			})
			old <- e
		}()
		<-started
		p.clear() // a publish, while the old feed renders
		e, err := p.load("feed", func() (cachedPage, bool, error) {
			return cachedPage{key: "feed", etag: `"after"`, body: newKeptBody("text/plain", []byte("after"))}, true, nil
		})
		if err != nil || e.etag != `"after"` {
			t.Fatalf("a request after the clear got %q, %v, want the page rendered after it", e.etag, err)
		}
		close(release)
		if e := <-old; e.etag != `"before"` {
			t.Errorf("the request before the clear got %q", e.etag)
		}
		if e, _, ok := p.get("feed"); !ok || e.etag != `"after"` {
			t.Errorf("the cache holds %q, %v, want the page rendered after the clear", e.etag, ok)
		}
	})
	t.Run("PanicReleasesWaiters", func(t *testing.T) {
		p := newPageCache(1 << 20)
		func() {
			defer func() { recover() }()
			p.load("feed", func() (cachedPage, bool, error) { panic("broken template") })
		}()
		e, err := p.load("feed", func() (cachedPage, bool, error) {
			return cachedPage{key: "feed", etag: `"2"`, body: newKeptBody("text/plain", []byte("feed"))}, true, nil
		})
		if err != nil || e.etag != `"2"` {
			t.Errorf("after a panicked rendering: %q, %v", e.etag, err)
		}
	})
}

// TestPageCacheCountsCompressedForms: what the page cache holds, every coding of every page
// with its key, stays within its cap once readers have asked for each page in each coding. It
// once counted the pages as rendered only, so that their compressed forms, made later, held
// memory past the cap.
func TestPageCacheCountsCompressedForms(t *testing.T) {
	const limit = 64 << 10
	p := newPageCache(limit)
	words := strings.Fields("the council met again on tuesday to review budget figures said mayor rosa delgado who added that the vote was delayed")
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 20 {
		var b strings.Builder
		for b.Len() < 12<<10 {
			b.WriteString(words[r.IntN(len(words))] + " ")
		}
		p.put(0, cachedPage{key: fmt.Sprintf("article/%d", i), etag: `"x"`,
			body: newKeptBody(echo.MIMETextHTMLCharsetUTF8, []byte(b.String()))})
	}
	e := echo.New()
	for i := range 20 {
		for _, coding := range []string{"", "gzip", "br"} {
			page, _, ok := p.get(fmt.Sprintf("article/%d", i))
			if !ok {
				continue
			}
			c := e.NewContext(httptest.NewRequest("GET", "/", nil), httptest.NewRecorder())
			c.Request().Header.Set("Accept-Encoding", coding)
			if err := sendKept(c, page.etag, time.Time{}, publicCacheControl, page.body); err != nil {
				t.Fatal(err)
			}
		}
	}
	if held := heldBytes(p); held > limit {
		t.Errorf("the page cache holds %d bytes of keys and bodies in every coding, past its cap of %d", held, limit)
	}
}

// heldBytes is what the page cache's entries hold: their keys, and each of their bodies' forms.
func heldBytes(p *pageCache) int {
	p.mu.Lock()
	defer p.mu.Unlock()
	held := 0
	for key, el := range p.pages.index {
		k := el.Value.(*lruEntry[string, cachedPage]).value.body
		held += len(key) + len(k.plain) + len(k.brotli)
		if g := k.gzip.Load(); g != nil {
			held += len(g.body)
		}
	}
	return held
}

// TestPageCacheGzipFormUnderLoad: readers asking at once for pages in gzip, which the cache
// makes the first time and counts then, leave its books right and its bytes within the cap
// (run with -race, it also holds that the form and its count are made safely).
func TestPageCacheGzipFormUnderLoad(t *testing.T) {
	const limit = 48 << 10
	p := newPageCache(limit)
	words := strings.Fields("the council met again on tuesday to review budget figures said mayor rosa delgado who added that the vote was delayed")
	page := func(i int) func() (cachedPage, bool, error) {
		return func() (cachedPage, bool, error) {
			r := rand.New(rand.NewPCG(uint64(i), 7))
			var b strings.Builder
			for b.Len() < 12<<10 {
				b.WriteString(words[r.IntN(len(words))] + " ")
			}
			return cachedPage{key: fmt.Sprint(i), etag: `"x"`, body: newKeptBody(echo.MIMETextHTMLCharsetUTF8, []byte(b.String()))}, true, nil
		}
	}
	e := echo.New()
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := range 60 {
				i := (g + n) % 12
				got, err := p.load(fmt.Sprint(i), page(i))
				if err != nil {
					t.Error(err)
					return
				}
				c := e.NewContext(httptest.NewRequest("GET", "/", nil), httptest.NewRecorder())
				c.Request().Header.Set("Accept-Encoding", []string{"gzip", "br", ""}[n%3])
				if err := sendKept(c, got.etag, time.Time{}, publicCacheControl, got.body); err != nil {
					t.Error(err)
					return
				}
			}
		}()
	}
	wg.Wait()
	p.mu.Lock()
	_, size, ok := lruKeys(p.pages)
	p.mu.Unlock()
	if !ok || size > limit {
		t.Errorf("the books agree: %v; %d bytes counted against a cap of %d", ok, size, limit)
	}
	if held := heldBytes(p); held != size {
		t.Errorf("the page cache holds %d bytes of keys and bodies, and counts %d", held, size)
	}
}

// TestPageCacheCountReadDuringPublish: a listing's count read while a publish is heard is
// older than the publish, so it is handed to the request that read it but never kept: the next
// request reads the count again. A count read after the publish is kept, and a zero, a listing
// of nothing, never is.
func TestPageCacheCountReadDuringPublish(t *testing.T) {
	p := newPageCache(1 << 20)
	reads := 0
	read := func(n int, during func()) func() (int, error) {
		return func() (int, error) {
			reads++
			if during != nil {
				during()
			}
			return n, nil
		}
	}
	if n, _ := p.count("/", read(61, func() { p.published(7) })); n != 61 {
		t.Fatalf("count = %d, want the 61 read", n)
	}
	if n, _ := p.count("/", read(62, nil)); n != 62 || reads != 2 {
		t.Fatalf("after a publish heard mid-read: count = %d after %d reads, want 62 read again", n, reads)
	}
	if n, _ := p.count("/", read(99, nil)); n != 62 || reads != 2 {
		t.Fatalf("count = %d after %d reads, want the kept 62", n, reads)
	}
	p.count("/topics/none", read(0, nil))
	p.count("/topics/none", read(0, nil))
	if reads != 4 {
		t.Fatalf("a count of nothing was kept: %d reads, want 4", reads)
	}
	p.clear()
	if n, _ := p.count("/", read(5, nil)); n != 5 {
		t.Fatalf("after a clear, count = %d, want 5 read again", n)
	}
}
