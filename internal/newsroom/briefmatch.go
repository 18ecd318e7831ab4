package newsroom

import (
	"math/bits"
	"math/rand/v2"
	"slices"
	"strings"
)

// bodyWords is every body quote's words, normalised once and laid end to end, so that finding a
// brief quote's words in the body costs the length of the body once, not once a brief quote.
// Each word is kept as the ids of the forms containsRun compares: as it is (inside a run), as a
// run's first word, as its last word, and as a run's only word.
type bodyWords struct {
	quotes                 []bodyQuote
	ids                    map[string]int32
	exact, head, tail, one []int32
	quoteOf                []int32  // the body quote each word belongs to
	cleared                []bool   // whether each body quote is cleared
	prefix                 []uint64 // prefix[i] hashes exact[:i]
	base                   uint64
	powers                 []uint64
}

// hashMod is the prime the run hashes are reduced by, 2^61-1.
const hashMod = 1<<61 - 1

func newBodyWords(quotes []bodyQuote) *bodyWords {
	n := 0
	for _, q := range quotes {
		n += len(q.words)
	}
	b := &bodyWords{quotes: quotes, ids: map[string]int32{}, base: rand.Uint64N(hashMod-256) + 256,
		exact: make([]int32, 0, n), head: make([]int32, 0, n), tail: make([]int32, 0, n), one: make([]int32, 0, n),
		quoteOf: make([]int32, 0, n), cleared: make([]bool, len(quotes)),
		prefix: make([]uint64, 1, n+1), powers: make([]uint64, 1, n+1)}
	b.powers[0] = 1
	for qi, q := range quotes {
		b.cleared[qi] = cleared(q.Quote)
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

func mulMod(a, b uint64) uint64 {
	hi, lo := bits.Mul64(a, b)
	_, rem := bits.Div64(hi, lo, hashMod)
	return rem
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

// windowHash hashes the k words from p as a run of k words is compared.
func (b *bodyWords) windowHash(p, k int) uint64 {
	if k == 1 {
		return b.push(0, b.one[p])
	}
	mid := (b.prefix[p+k-1] + hashMod - mulMod(b.prefix[p+1], b.powers[k-2])) % hashMod
	h := (mulMod(uint64(b.head[p]), b.powers[k-1]) + mulMod(mid, b.base) + uint64(b.tail[p+k-1])) % hashMod
	return h
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

// carriers is, for each run, the first body quote that carries it (-1 when none does) and
// whether a cleared one does.
type carriers struct {
	first   []int
	cleared []bool
}

// find finds every run in the body in one pass over the body's words. A one-word run is looked up
// by its word; a longer one is hashed only at the windows that start with a run's first word and
// have its length, so the work is the body's length times the number of different lengths of
// runs that start with the same word: near-linear for any brief the limits allow. The pass stops
// once every run has a cleared carrier.
func (b *bodyWords) find(runs []run) carriers {
	c := carriers{first: make([]int, len(runs)), cleared: make([]bool, len(runs))}
	ones := map[int32][]int{}       // the one-word runs by their word
	lengths := map[int32][]int{}    // the lengths of the longer runs by their first word
	byHash := map[[2]uint64][]int{} // the longer runs by length and hash
	open := 0
	for i, r := range runs {
		c.first[i] = -1
		switch k := len(r.ids); {
		case k == 0:
			continue
		case k == 1:
			ones[r.ids[0]] = append(ones[r.ids[0]], i)
		default:
			if !slices.Contains(lengths[r.ids[0]], k) {
				lengths[r.ids[0]] = append(lengths[r.ids[0]], k)
			}
			key := [2]uint64{uint64(k), r.hash}
			byHash[key] = append(byHash[key], i)
		}
		open++
	}
	for p := 0; p < len(b.exact) && open > 0; p++ {
		q := int(b.quoteOf[p])
		for _, i := range ones[b.one[p]] {
			open -= c.see(b, i, q, p, runs[i])
		}
		for _, k := range lengths[b.head[p]] {
			if p+k > len(b.exact) || int(b.quoteOf[p+k-1]) != q {
				continue
			}
			for _, i := range byHash[[2]uint64{uint64(k), b.windowHash(p, k)}] {
				open -= c.see(b, i, q, p, runs[i])
			}
		}
	}
	return c
}

// see records that body quote q may carry run i at word p, and returns 1 when that clears the
// run. The words are compared only when the finding would change, so a run found at every word
// is compared a few times, not at every word.
func (c carriers) see(b *bodyWords, i, q, p int, r run) int {
	ok := b.cleared[q]
	if c.cleared[i] || c.first[i] >= 0 && !ok || !b.at(p, r) {
		return 0
	}
	if c.first[i] < 0 {
		c.first[i] = q
	}
	if ok {
		c.cleared[i] = true
		return 1
	}
	return 0
}
