package store

import (
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

// holdLog is what noteHold keeps from one transaction to the next, under wmu: the shortest hold
// it logs (slowHold; a test of work that takes less on a fast machine lowers it), how often it
// may log, when it last did, and how many slow holds it left out since.
type holdLog struct {
	least   time.Duration
	every   time.Duration
	last    time.Time
	skipped int
}

// noteHold logs a group of transactions (see commitGrouped) that held SQLite's writer from
// began until now for s.slowHolds.least (slowHold) or longer, with how long their statements took (until
// committing) and how long the COMMIT took, which is where SQLite runs its automatic checkpoint
// and FTS4 its merges (or the ROLLBACK, for a transaction that failed: every write waited for it
// all the same), how many transactions the group held, and the functions that asked for
// the slowest of them: what stalled every write meanwhile, for an operator and for a profile.
// It logs once every s.slowHolds.every at most, saying how many it left out since. runGroup
// calls it holding wmu.
func (s *Store) noteHold(began, committing time.Time, group []*writeJob) {
	now := time.Now()
	h := &s.slowHolds
	if now.Sub(began) < h.least {
		return
	}
	if now.Sub(h.last) < h.every {
		h.skipped++
		return
	}
	slowest := group[0]
	for _, j := range group[1:] {
		if j.took > slowest.took {
			slowest = j
		}
	}
	s.log.Warn("a transaction held the database's writer", "held", now.Sub(began).Round(time.Millisecond),
		"statements", committing.Sub(began).Round(time.Millisecond), "commit", now.Sub(committing).Round(time.Millisecond),
		"transactions", len(group), "by", slowest.caller(), "left_out_since_last", h.skipped)
	h.last, h.skipped = now, 0
}

// caller names the functions that asked for the job's transaction, innermost first.
func (j *writeJob) caller() string {
	frames := runtime.CallersFrames(j.callers[:])
	var names []string
	for {
		f, more := frames.Next()
		if f.Function != "" {
			names = append(names, f.Function[strings.LastIndexByte(f.Function, '/')+1:])
		}
		if !more {
			return strings.Join(names, " < ")
		}
	}
}
