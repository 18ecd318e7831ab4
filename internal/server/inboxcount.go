package server

import (
	"sync"
	"time"
)

// inboxCountTTL bounds how long a counted inbox is trusted without any event: what no event
// announces (the day turning, so that a piece scheduled for today joins the inbox, or the
// newsroom's time zone changing) shows within it.
const inboxCountTTL = time.Minute

// inboxCounts keeps the header's inbox count per person between page views, so that a page
// does not work out the whole inbox (six queries) only to print its length.
//
// Its invariant: a count is served only if it was read less than inboxCountTTL ago and no event
// of the store was heard since its read began. Every change that can move an entry in or out of
// an inbox records an event (saved, transitioned, commented, quote_checked, assigned,
// mentioned, inbox_done…), on this server or, caught up, on another.
type inboxCounts struct {
	mu     sync.Mutex
	events uint64 // how many events were heard; a count remembers the number it was read at
	counts map[int64]inboxCountEntry
}

type inboxCountEntry struct {
	n      int
	events uint64
	at     time.Time
}

func newInboxCounts() *inboxCounts { return &inboxCounts{counts: map[int64]inboxCountEntry{}} }

// heard notes an event: every count read before it may be wrong now.
func (ic *inboxCounts) heard() {
	ic.mu.Lock()
	defer ic.mu.Unlock()
	ic.events++
	clear(ic.counts)
}

// begin returns the mark to pass to put for a count about to be read.
func (ic *inboxCounts) begin() uint64 {
	ic.mu.Lock()
	defer ic.mu.Unlock()
	return ic.events
}

// get returns user's count if it still holds at now.
func (ic *inboxCounts) get(user int64, now time.Time) (int, bool) {
	ic.mu.Lock()
	defer ic.mu.Unlock()
	e, ok := ic.counts[user]
	if !ok || e.events != ic.events || now.Sub(e.at) >= inboxCountTTL || now.Before(e.at) {
		return 0, false
	}
	return e.n, true
}

// put keeps user's count n, read at now from a read begun at mark, unless an event was heard
// since mark (the count may have missed it).
func (ic *inboxCounts) put(user int64, n int, mark uint64, now time.Time) {
	ic.mu.Lock()
	defer ic.mu.Unlock()
	if mark == ic.events {
		ic.counts[user] = inboxCountEntry{n: n, events: mark, at: now}
	}
}
