package newsroom

import (
	"math/bits"
	"math/rand/v2"
	"slices"
	"strings"
)

// bodyWords is every body quote's words, normalised once and laid end to end, so that finding a
// brief quote's words in the body costs the length of the body once, not once a brief quote.
// Each word is kept as the ids of the forms a run compares it in: as it is (inside a run), as a
// run's first word, as its last word, and as a run's only word.
type bodyWords struct {
	ids                    map[string]int32
	exact, head, tail, one []int32
	quoteOf                []int32  // the body quote each word belongs to
	cleared                []bool   // whether each body quote is cleared
	prefix                 []uint64 // prefix[i] hashes exact[:i]
	base                   uint64   // random, so no draft can be written to make hashes collide
	powers                 []uint64 // powers[i] is base^i
}

// hashMod is the prime the run hashes are reduced by, 2^61-1.
const hashMod = 1<<61 - 1

func newBodyWords(quotes []bodyQuote) *bodyWords {
	n := 0
	for _, q := range quotes {
		n += len(q.words)
	}
	b := &bodyWords{ids: map[string]int32{}, base: rand.Uint64N(hashMod-256) + 256,
		exact: make([]int32, 0, n), head: make([]int32, 0, n), tail: make([]int32, 0, n), one: make([]int32, 0, n),
		quoteOf: make([]int32, 0, n), cleared: make([]bool, len(quotes)),
		prefix: make([]uint64, 1, n+1), powers: make([]uint64, 1, n+1)}
	b.powers[0] = 1
	for qi, q := range quotes {
		b.cleared[qi] = q.Quote.Cleared()
		for _, w := range q.words {
			id := b.id(w)
			b.exact = append(b.exact, id)
			b.head = append(b.head, b.id(headForm(w)))
			b.tail = append(b.tail, b.id(tailForm(w)))
			b.one = append(b.one, b.id(headForm(tailForm(w))))
			b.quoteOf = append(b.quoteOf, int32(qi))
			b.prefix = append(b.prefix, b.push(b.prefix[len(b.prefix)-1], id))
			b.powers = append(b.powers, mulMod(b.powers[len(b.powers)-1], b.base))
		}
	}
	return b
}

// headForm is w as the first word of a run is compared: no leading edge punctuation, the first
// letter in either case, since a fragment starts inside the body's sentence.
func headForm(w string) string { return firstLower(strings.TrimLeft(w, edgePunct)) }

// tailForm is w as the last word of a run is compared: no trailing edge punctuation, since a
// fragment ends where the body's sentence goes on.
func tailForm(w string) string { return strings.TrimRight(w, edgePunct) }

func (b *bodyWords) id(w string) int32 {
	if id, ok := b.ids[w]; ok {
		return id
	}
	id := int32(len(b.ids)) + 1
	b.ids[w] = id
	return id
}

func (b *bodyWords) push(h uint64, id int32) uint64 {
	return (mulMod(h, b.base) + uint64(id)) % hashMod
}

// mulMod is a*b mod hashMod for a, b below hashMod, reduced without a division: 2^61 is 1
// modulo 2^61-1, so the product's bits above 61 add to the bits below.
func mulMod(a, b uint64) uint64 {
	hi, lo := bits.Mul64(a, b)
	r := (hi<<3 | lo>>61) + lo&hashMod
	if r >= hashMod {
		r -= hashMod
	}
	return r
}

// run is a brief quote's words as ids of the forms a body run is compared in: the first word's
// head form, the middle words as they are, the last word's tail form (a one-word quote is its
// one form). A word no body quote has leaves the run empty: it cannot match.
type run struct {
	ids  []int32
	hash uint64
}

func (b *bodyWords) runOf(words []string) run {
	if len(words) == 0 {
		return run{}
	}
	if len(words) == 1 {
		id, ok := b.ids[headForm(tailForm(words[0]))]
		if !ok {
			return run{}
		}
		return run{ids: []int32{id}, hash: b.push(0, id)}
	}
	ids := make([]int32, len(words))
	for i, w := range words {
		switch i {
		case 0:
			w = headForm(w)
		case len(words) - 1:
			w = tailForm(w)
		}
		id, ok := b.ids[w]
		if !ok {
			return run{}
		}
		ids[i] = id
	}
	var h uint64
	for _, id := range ids {
		h = b.push(h, id)
	}
	return run{ids: ids, hash: h}
}

// windowHash hashes the k words from p, k at least 2, as runOf hashes a run of k words: the
// middle words' hash comes from the prefix hashes, so it costs the same for any k.
func (b *bodyWords) windowHash(p, k int) uint64 {
	mid := (b.prefix[p+k-1] + hashMod - mulMod(b.prefix[p+1], b.powers[k-2])) % hashMod
	return (mulMod(uint64(b.head[p]), b.powers[k-1]) + mulMod(mid, b.base) + uint64(b.tail[p+k-1])) % hashMod
}

// at reports whether r is the run of words from p, word by word, so a hash collision never
// counts as a match.
func (b *bodyWords) at(p int, r run) bool {
	k := len(r.ids)
	if k == 1 {
		return b.one[p] == r.ids[0]
	}
	return b.head[p] == r.ids[0] && b.tail[p+k-1] == r.ids[k-1] && slices.Equal(b.exact[p+1:p+k-1], r.ids[1:k-1])
}
