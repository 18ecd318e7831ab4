package server

import (
	"slices"
	"testing"
)

// lruKeys lists the keys c holds, most recently read first, and checks its books: the bytes it
// counts and the entries it indexes are those of its list.
func lruKeys[K comparable, V any](c *lru[K, V]) (keys []K, size int, consistent bool) {
	sum := 0
	for el := c.order.Front(); el != nil; el = el.Next() {
		e := el.Value.(*lruEntry[K, V])
		keys = append(keys, e.key)
		sum += c.weigh(e.value)
	}
	return keys, c.size, sum == c.size && len(c.index) == len(keys)
}

// TestLRUReweigh: a value that grows or shrinks after it was put is counted again when reweighed,
// and what is dropped takes away what was counted for it, so the books stay right.
func TestLRUReweigh(t *testing.T) {
	tests := []struct {
		name string
		run  func(c *lru[string, *int], size map[string]*int)
		want []string // keys kept, most recently read first
		size int
	}{
		{"a grown value is counted", func(c *lru[string, *int], size map[string]*int) {
			*size["a"] = 5
			c.reweigh("a")
		}, []string{"b", "a"}, 7},
		{"a shrunk value is counted", func(c *lru[string, *int], size map[string]*int) {
			*size["b"] = 1
			c.reweigh("b")
		}, []string{"b", "a"}, 3},
		{"growth pushes out the value read least recently", func(c *lru[string, *int], size map[string]*int) {
			*size["b"] = 9
			c.reweigh("b")
		}, []string{"b"}, 9},
		{"a value grown past the cap drops itself", func(c *lru[string, *int], size map[string]*int) {
			c.get("a")
			*size["a"] = 11
			c.reweigh("a")
		}, []string{"b"}, 2},
		{"a value dropped before it was reweighed takes away what was counted", func(c *lru[string, *int], size map[string]*int) {
			*size["a"] = 5
			c.removeIf(func(v *int) bool { return v == size["a"] })
		}, []string{"b"}, 2},
		{"reweighing a key not held changes nothing", func(c *lru[string, *int], size map[string]*int) {
			c.reweigh("z")
		}, []string{"b", "a"}, 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newLRU[string](10, func(v *int) int { return *v })
			size := map[string]*int{"a": new(int), "b": new(int)}
			*size["a"], *size["b"] = 2, 2
			c.put("a", size["a"])
			c.put("b", size["b"])
			tt.run(c, size)
			keys, got, _ := lruKeys(c)
			if !slices.Equal(keys, tt.want) || got != tt.size {
				t.Fatalf("kept %v (%d bytes), want %v (%d bytes)", keys, got, tt.want, tt.size)
			}
			counted := 0
			for _, k := range keys {
				counted += *size[k]
			}
			if counted != got {
				t.Fatalf("the values kept weigh %d, the books say %d", counted, got)
			}
		})
	}
}
