package store

import (
	"log/slog"
	"runtime"
	"strings"
	"time"
)

// slowHold is how long a transaction may hold SQLite's writer before the store logs it: every
// other write waits meanwhile. A save or a publish holds it for about a millisecond, a step of
// the search index's merges (see mergeIndex) for tens at most.
const slowHold = 100 * time.Millisecond

// holdLogEvery is how often at most noteHold logs: a backfill at start-up holds the writer a
// little over slowHold a batch, batch after batch, which is one line worth reading, not hundreds.
const holdLogEvery = 10 * time.Second

// holdLog is what noteHold keeps from one transaction to the next, under wmu: how often it may
// log, when it last did, and how many slow holds it left out since.
type holdLog struct {
	every   time.Duration
	last    time.Time
	skipped int
}

// noteHold logs a transaction that held SQLite's writer from began until now for slowHold or
// longer, with how long its statements took (until committing) and how long its COMMIT took,
// which is where SQLite runs its automatic checkpoint and FTS4 its merges, and the functions
// that asked for it: what stalled every write meanwhile, for an operator and for a profile. It
// logs once every s.slowHolds.every at most, saying how many it left out since. transact calls it
// holding wmu.
func (s *Store) noteHold(began, committing time.Time) {
	now := time.Now()
	if now.Sub(began) < slowHold {
		return
	}
	h := &s.slowHolds
	if now.Sub(h.last) < h.every {
		h.skipped++
		return
	}
	slog.Warn("a transaction held the database's writer", "held", now.Sub(began).Round(time.Millisecond),
		"statements", committing.Sub(began).Round(time.Millisecond), "commit", now.Sub(committing).Round(time.Millisecond),
		"by", holder(), "left_out_since_last", h.skipped)
	h.last, h.skipped = now, 0
}

// holder names the functions that asked for the transaction noteHold logs, innermost first,
// packages' paths left out.
func holder() string {
	pcs := make([]uintptr, 6)
	// Skipped: runtime.Callers, holder, noteHold and transact.
	frames := runtime.CallersFrames(pcs[:runtime.Callers(4, pcs)])
	var names []string
	for {
		f, more := frames.Next()
		names = append(names, f.Function[strings.LastIndexByte(f.Function, '/')+1:])
		if !more {
			return strings.Join(names, " < ")
		}
	}
}
