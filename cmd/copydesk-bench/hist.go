package main

import (
	"math"
	"math/bits"
	"time"
)

// histogram counts latencies in log-linear buckets, 64 to each power of two, so that it knows
// any latency to within 1/64 (1.6%) in a fixed 30 kB, however many requests a scenario makes.
// Keeping every latency instead cost the load generator, which shares the process with the
// server, tens of megabytes in the fastest scenarios, and that showed as the server's memory.
type histogram struct {
	counts [histBuckets]uint64
	n      uint64
}

const (
	subBits     = 6 // 2^6 = 64 buckets to each power of two
	subBuckets  = 1 << subBits
	histBuckets = subBuckets + (64-subBits)*subBuckets
)

// bucketOf is the bucket of a latency of ns nanoseconds: below 64 each value has its own.
func bucketOf(ns uint64) int {
	if ns < subBuckets {
		return int(ns)
	}
	k := bits.Len64(ns) - 1 // ns lies in [2^k, 2^(k+1)), k ≥ subBits
	shift := k - subBits
	return subBuckets + shift*subBuckets + int(ns>>shift) - subBuckets
}

// upperBound is the largest latency bucket b holds, in nanoseconds: what the percentiles
// report, so that they never understate a latency.
func upperBound(b int) uint64 {
	if b < subBuckets {
		return uint64(b)
	}
	shift := (b - subBuckets) / subBuckets
	sub := uint64((b-subBuckets)%subBuckets) + subBuckets
	return (sub+1)<<shift - 1
}

func (h *histogram) add(d time.Duration) {
	h.counts[bucketOf(uint64(max(d, 0)))]++
	h.n++
}

// merge adds o's counts to h's.
func (h *histogram) merge(o *histogram) {
	for i, c := range o.counts {
		h.counts[i] += c
	}
	h.n += o.n
}

// percentile is the nearest-rank percentile: the smallest latency that at least p% of the
// latencies are less than or equal to, as the upper bound of its bucket. It is 0 for none.
func (h *histogram) percentile(p float64) time.Duration {
	if h.n == 0 {
		return 0
	}
	rank := uint64(min(max(math.Ceil(p/100*float64(h.n)), 1), float64(h.n)))
	var seen uint64
	for b, c := range h.counts {
		if seen += c; seen >= rank {
			return time.Duration(upperBound(b))
		}
	}
	return time.Duration(upperBound(histBuckets - 1))
}
