// Package clock is the one source of time for Copydesk's store, its caches and its background
// jobs: the machine's clock in production, and a Fake that tests move by hand, so that no test
// sleeps to wait out an interval.
package clock

import (
	"sync"
	"time"
)

// Clock tells the time and wakes background jobs at intervals.
type Clock interface {
	Now() time.Time
	// NewTicker returns a ticker that sends the time every d, dropping ticks a slow reader
	// misses, as time.NewTicker does.
	NewTicker(d time.Duration) Ticker
}

// Ticker delivers ticks until stopped.
type Ticker interface {
	C() <-chan time.Time
	Stop()
}

// System is the machine's clock.
var System Clock = system{}

type system struct{}

func (system) Now() time.Time { return time.Now() }

func (system) NewTicker(d time.Duration) Ticker { return systemTicker{time.NewTicker(d)} }

type systemTicker struct{ *time.Ticker }

func (t systemTicker) C() <-chan time.Time { return t.Ticker.C }

// Fake is a clock that moves only when Add moves it. Its tickers tick as Add passes their
// times.
type Fake struct {
	mu      sync.Mutex
	now     time.Time
	tickers []*fakeTicker
}

// NewFake returns a Fake clock standing at now.
func NewFake(now time.Time) *Fake {
	return &Fake{now: now}
}

// Now returns the fake time.
func (f *Fake) Now() time.Time {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.now
}

// Add moves the clock on by d and sends a tick to every ticker whose time has come.
func (f *Fake) Add(d time.Duration) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.now = f.now.Add(d)
	for _, t := range f.tickers {
		if t.next.After(f.now) {
			continue
		}
		select {
		case t.c <- f.now:
		default:
		}
		for !t.next.After(f.now) {
			t.next = t.next.Add(t.every)
		}
	}
}

// NewTicker returns a ticker whose first tick comes once Add has moved the clock d on.
func (f *Fake) NewTicker(d time.Duration) Ticker {
	f.mu.Lock()
	defer f.mu.Unlock()
	t := &fakeTicker{f: f, c: make(chan time.Time, 1), every: d, next: f.now.Add(d)}
	f.tickers = append(f.tickers, t)
	return t
}

type fakeTicker struct {
	f     *Fake
	c     chan time.Time
	every time.Duration
	next  time.Time
}

func (t *fakeTicker) C() <-chan time.Time { return t.c }

func (t *fakeTicker) Stop() {
	t.f.mu.Lock()
	defer t.f.mu.Unlock()
	for i, other := range t.f.tickers {
		if other == t {
			t.f.tickers = append(t.f.tickers[:i], t.f.tickers[i+1:]...)
			return
		}
	}
}
