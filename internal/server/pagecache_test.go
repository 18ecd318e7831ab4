package server

import (
	"slices"
	"strings"
	"testing"
)

func TestPageCache(t *testing.T) {
	// page is a page weighing size bytes in all, its key and its body.
	page := func(key string, size int) cachedPage {
		return cachedPage{key: key, body: newKeptBody("text/plain", []byte(strings.Repeat("x", size-len(key))))}
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
