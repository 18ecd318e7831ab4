package server

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
