package server

import "container/list"

// lru is a map that holds at most max bytes of values, as weigh counts them, and makes room by
// dropping the entries read least recently. It does not lock: the caches built on it do.
type lru[K comparable, V any] struct {
	max, size int
	weigh     func(V) int
	order     list.List // of *lruEntry[K, V], most recently read first
	index     map[K]*list.Element
}

type lruEntry[K comparable, V any] struct {
	key    K
	value  V
	weight int // what weigh counted when the entry was put or last reweighed
}

func newLRU[K comparable, V any](max int, weigh func(V) int) *lru[K, V] {
	return &lru[K, V]{max: max, weigh: weigh, index: map[K]*list.Element{}}
}

// get returns the value under key, if any, and marks it read.
func (c *lru[K, V]) get(key K) (V, bool) {
	el, ok := c.index[key]
	if !ok {
		var zero V
		return zero, false
	}
	c.order.MoveToFront(el)
	return el.Value.(*lruEntry[K, V]).value, true
}

// peek returns the value under key, if any, without marking it read.
func (c *lru[K, V]) peek(key K) (V, bool) {
	el, ok := c.index[key]
	if !ok {
		var zero V
		return zero, false
	}
	return el.Value.(*lruEntry[K, V]).value, true
}

// put keeps v under key, in place of what was there, and drops the values read least recently
// until the rest fit. A value larger than the whole cache is not kept.
func (c *lru[K, V]) put(key K, v V) {
	if c.weigh(v) > c.max {
		return
	}
	if el, ok := c.index[key]; ok {
		c.remove(el)
	}
	w := c.weigh(v)
	c.index[key] = c.order.PushFront(&lruEntry[K, V]{key, v, w})
	c.size += w
	c.fit()
}

// reweigh counts the value under key again, after it grew or shrank, and drops the values read
// least recently until the rest fit. A value grown larger than the whole cache is dropped alone,
// as put would not keep it.
func (c *lru[K, V]) reweigh(key K) {
	el, ok := c.index[key]
	if !ok {
		return
	}
	e := el.Value.(*lruEntry[K, V])
	w := c.weigh(e.value)
	if w > c.max {
		c.remove(el)
		return
	}
	c.size += w - e.weight
	e.weight = w
	c.fit()
}

// fit drops the values read least recently until the rest fit.
func (c *lru[K, V]) fit() {
	for c.size > c.max {
		c.remove(c.order.Back())
	}
}

func (c *lru[K, V]) remove(el *list.Element) {
	e := c.order.Remove(el).(*lruEntry[K, V])
	delete(c.index, e.key)
	c.size -= e.weight
}

// removeIf drops every value drop reports true for.
func (c *lru[K, V]) removeIf(drop func(V) bool) {
	for el := c.order.Front(); el != nil; {
		next := el.Next()
		if drop(el.Value.(*lruEntry[K, V]).value) {
			c.remove(el)
		}
		el = next
	}
}

// clear drops every value.
func (c *lru[K, V]) clear() {
	c.order.Init()
	clear(c.index)
	c.size = 0
}
