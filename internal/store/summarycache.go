package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"sync"

	"github.com/mattn/go-sqlite3"
)

// summaryCacheBytes bounds the pages a summaryCache keeps: the first pages of every desk's
// queue as each kind of reader sees it, at about 16 kB a page.
const summaryCacheBytes = 4 << 20

// summaryCache keeps the pages of draft summaries DraftSummariesJSON wrote on SQLite, each
// under its query and arguments, and serves one only while no connection has committed to the
// database since before it was read. That is SQLite's own promise: a connection's PRAGMA
// data_version changes whenever another connection, of this process or any other, commits,
// and the readers never commit (they are query_only).
//
// A request asks the connection it is given first (see generation). A connection whose data
// version moved since it last said moves the cache's generation on and empties it, and an
// entry is served only to a request that found the generation it was read at. So a request
// that starts after a commit is never served a page read before it: the first connection to
// ask after the commit moves the generation past every page read before it, and a connection
// that asks later has either seen the commit itself or asked after that first one.
type summaryCache struct {
	mu    sync.Mutex
	gen   uint64
	seen  map[*sqlite3.SQLiteConn]int64 // each reader's data version when it last asked
	pages map[string]summaryPage
	bytes int
}

// summaryPage is one kept page, read at generation gen.
type summaryPage struct {
	gen   uint64
	items []byte
	next  string
}

// newSummaryCache returns an empty cache.
func newSummaryCache() *summaryCache {
	return &summaryCache{seen: map[*sqlite3.SQLiteConn]int64{}, pages: map[string]summaryPage{}}
}

// generation asks one of db's connections for its data version, moves the generation on if
// that changed since the connection last asked (or the connection never did), and returns the
// generation a page read from now on belongs to.
func (c *summaryCache) generation(ctx context.Context, db *sql.DB) (uint64, error) {
	conn, err := db.Conn(ctx)
	if err != nil {
		return 0, err
	}
	defer conn.Close()
	var gen uint64
	err = conn.Raw(func(dc any) error {
		sc, ok := dc.(*sqlite3.SQLiteConn)
		if !ok {
			return fmt.Errorf("summary cache: a connection of %T, not SQLite's", dc)
		}
		version, err := dataVersion(sc)
		if err != nil {
			return err
		}
		c.mu.Lock()
		defer c.mu.Unlock()
		if last, ok := c.seen[sc]; !ok || last != version {
			if len(c.seen) >= 4*readers {
				// Connections the pool closed and opened again: each is new to the cache once
				// more, and moves the generation on when it next asks.
				c.seen = map[*sqlite3.SQLiteConn]int64{}
			}
			c.seen[sc] = version
			c.gen++
			c.pages, c.bytes = map[string]summaryPage{}, 0
		}
		gen = c.gen
		return nil
	})
	return gen, err
}

// dataVersion runs PRAGMA data_version on sc.
func dataVersion(sc *sqlite3.SQLiteConn) (int64, error) {
	rows, err := sc.Query("PRAGMA data_version", nil)
	if err != nil {
		return 0, fmt.Errorf("data version: %w", err)
	}
	defer rows.Close()
	v := make([]driver.Value, 1)
	if err := rows.Next(v); err != nil {
		if err == io.EOF {
			err = errors.New("no row")
		}
		return 0, fmt.Errorf("data version: %w", err)
	}
	version, ok := v[0].(int64)
	if !ok {
		return 0, fmt.Errorf("data version: a %T", v[0])
	}
	return version, nil
}

// get returns the page kept under key if it was read at generation gen, appended to dst.
func (c *summaryCache) get(key string, gen uint64, dst []byte) (*SummaryPageJSON, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	p, ok := c.pages[key]
	if !ok || p.gen != gen {
		return nil, false
	}
	return &SummaryPageJSON{Items: append(dst, p.items...), Next: p.next}, true
}

// put keeps items and next as the page under key read at generation gen, unless the
// generation has moved on since (the page may be older than a commit). A page that would take
// the cache past its bound empties it first: any reader may ask for pages no one else does
// (every assignee id, every cursor), and those must not keep the desks' own pages out for good.
func (c *summaryCache) put(key string, gen uint64, items []byte, next string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	size := summaryPageSize(key, items, next)
	if gen != c.gen || size > summaryCacheBytes {
		return
	}
	if old, ok := c.pages[key]; ok {
		c.bytes -= summaryPageSize(key, old.items, old.next)
	}
	if c.bytes+size > summaryCacheBytes {
		c.pages, c.bytes = map[string]summaryPage{}, 0
	}
	c.pages[key] = summaryPage{gen: gen, items: append([]byte(nil), items...), next: next}
	c.bytes += size
}

// summaryPageSize is about what a kept page takes: its key (the query's text, about 1 kB),
// its bytes and the map's own share.
func summaryPageSize(key string, items []byte, next string) int {
	return len(key) + len(items) + len(next) + 64
}

// summaryKey is what a page is kept under: its query and its arguments, each with its type,
// since the page is what the database returns for them.
func summaryKey(query string, args []any) string {
	b := []byte(query)
	for _, a := range args {
		b = fmt.Appendf(b, "\x00%T\x00%v", a, a)
	}
	return string(b)
}
