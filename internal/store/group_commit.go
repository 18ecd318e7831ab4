package store

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"sync"
	"time"

	"gorm.io/gorm"
)

// On SQLite, write transactions that wait for the writer together commit together. While one
// transaction holds the writer, the ones that arrive queue; the first of them then takes the
// writer for all of them, runs each in a savepoint of one transaction, and commits once. Each
// keeps its own outcome: a function that fails rolls back to its savepoint and the others go
// on. What a transaction costs the writer besides its statements (BEGIN, the commit and its
// writes to the WAL) is paid once a group, and a page that several of them change, such as the
// last of a table or an index that grows at its end, goes to the WAL once, which also leaves
// the automatic checkpoint fewer pages to copy. In a profile of the benchmark's saves and
// publishes, BEGIN and COMMIT took 4.8 s of the writer's CPU and the transactions' functions 5.3.
//
// Each transaction is still serializable and sees those before it in the group as committed,
// since they run on the one connection in turn; they only become visible to readers, and
// durable, together. No function run in a transaction reads through the read pool (which
// would not see the group's earlier ones): TestTransactionsReadOnlyTheirTx keeps it so.

// maxGroup bounds the transactions committed together, and so how long a group holds the
// writer: 32 saves hold it about 15 ms.
const maxGroup = 32

// writeJob is one transaction waiting to be run in a group.
type writeJob struct {
	ctx context.Context
	fn  func(tx *gorm.DB) error
	err error
	// panicked is what fn panicked with, raised again in the caller's goroutine.
	panicked any
	// took is how long fn ran, for noteHold.
	took time.Duration
	// committed is set once the transaction the job's work is in has committed.
	committed bool
	// callers are the functions that asked for the transaction, for noteHold.
	callers [6]uintptr
	// turn tells the waiting caller that its job is done (true) or that it leads the next
	// group (false).
	turn chan bool
}

// writeQueue is the transactions waiting for the writer. Its jobs are in the order they
// came; leading is set while some caller is running or about to run a group, and then any job
// that joins waits for its turn.
type writeQueue struct {
	mu      sync.Mutex
	jobs    []*writeJob
	leading bool
}

// join adds j and reports whether j's caller leads, because no one else does.
func (q *writeQueue) join(j *writeJob) bool {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.jobs = append(q.jobs, j)
	if q.leading {
		return false
	}
	q.leading = true
	return true
}

// take removes and returns the first group of jobs.
func (q *writeQueue) take() []*writeJob {
	q.mu.Lock()
	defer q.mu.Unlock()
	n := min(len(q.jobs), maxGroup)
	group := q.jobs[:n:n]
	q.jobs = append([]*writeJob(nil), q.jobs[n:]...)
	return group
}

// handOff makes the first job still waiting lead the next group, or ends the leading.
func (q *writeQueue) handOff() {
	q.mu.Lock()
	defer q.mu.Unlock()
	if len(q.jobs) == 0 {
		q.leading = false
		return
	}
	q.jobs[0].turn <- false
}

// commitGrouped runs fn as transact does on SQLite, in a group with the transactions waiting
// beside it.
func (s *Store) commitGrouped(ctx context.Context, fn func(tx *gorm.DB) error) error {
	j := &writeJob{ctx: ctx, fn: fn, turn: make(chan bool, 1)}
	// Skipped: runtime.Callers, commitGrouped and transact.
	runtime.Callers(3, j.callers[:])
	if !s.queue.join(j) {
		if done := <-j.turn; done {
			return j.result()
		}
	}
	s.wmu.Lock()
	group := s.queue.take()
	ran := false
	defer func() {
		if !ran {
			s.abandonUnfinished(group)
		}
		s.wmu.Unlock()
		s.queue.handOff()
		for _, other := range group {
			if other != j {
				other.turn <- true
			}
		}
	}()
	s.runGroup(group)
	ran = true
	return j.result()
}

// errGroupAbandoned is the outcome of a transaction whose group stopped half way: a function
// in it ended its goroutine (runtime.Goexit, as a test's FailNow does), or the group's own code
// panicked.
var errGroupAbandoned = errors.New("the write was abandoned: a transaction run beside it stopped the group")

// abandonUnfinished settles a group that runGroup left half way, so that its callers and the
// writer are not left waiting: a group committed keeps its outcomes, and otherwise the
// transaction is rolled back and every job not already failed fails.
func (s *Store) abandonUnfinished(group []*writeJob) {
	if slices.ContainsFunc(group, func(j *writeJob) bool { return j.committed }) {
		return
	}
	s.rollback()
	for _, j := range group {
		if j.err == nil {
			j.err = errGroupAbandoned
		}
	}
}

// result is the job's outcome for its caller, raising its panic again.
func (j *writeJob) result() error {
	if j.panicked != nil {
		panic(j.panicked)
	}
	return j.err
}

// run runs the job's function in tx, keeping a panic as its outcome.
func (j *writeJob) run(tx *gorm.DB) {
	began := time.Now()
	defer func() {
		j.took = time.Since(began)
		if p := recover(); p != nil {
			j.panicked = p
			j.err = fmt.Errorf("panic: %v", p)
		}
	}()
	j.err = j.fn(tx.WithContext(j.ctx))
}

// runGroup runs the jobs in one transaction, holding wmu, and sets each one's outcome. A lone
// job needs no savepoint. If a failure takes the whole transaction with it, as SQLite does on
// a full disk or an I/O error, the jobs it had run get that error and the rest run in a
// transaction of their own.
func (s *Store) runGroup(group []*writeJob) {
	if len(group) == 0 {
		return
	}
	if s.unsettled {
		// SQLite answers an error when no transaction is open, which is the state we want.
		s.wc.Exec("ROLLBACK")
		s.unsettled = false
	}
	if err := s.wc.Exec("BEGIN IMMEDIATE").Error; err != nil {
		// Should the connection be inside a transaction after all, the next group ends it.
		s.unsettled = true
		for _, j := range group {
			j.err = err
		}
		return
	}
	began := time.Now()
	if len(group) == 1 {
		j := group[0]
		if j.run(s.wc); j.err != nil {
			ending := time.Now()
			s.rollback()
			s.noteHold(began, ending, group)
			return
		}
	} else {
		for i, j := range group {
			if err := s.wc.Exec("SAVEPOINT job").Error; err != nil {
				// The jobs from this one on run again in a transaction of their own, unless this
				// one is the first, whose transaction had just begun.
				s.abandon(group[:i], err)
				if i == 0 {
					j.err = err
					i++
				}
				s.runGroup(group[i:])
				return
			}
			j.run(s.wc)
			var err error
			if j.err == nil {
				err = s.wc.Exec("RELEASE job").Error
			} else if err = s.wc.Exec("ROLLBACK TO job").Error; err == nil {
				err = s.wc.Exec("RELEASE job").Error
			} else {
				// The job's own error is what ended the transaction.
				err = j.err
			}
			if err != nil {
				s.abandon(group[:i+1], err)
				s.runGroup(group[i+1:])
				return
			}
		}
	}
	committing := time.Now()
	if err := s.wc.Exec("COMMIT").Error; err != nil {
		s.abandon(group, err)
		return
	}
	for _, j := range group {
		j.committed = true
	}
	s.noteHold(began, committing, group)
}

// abandon rolls back the transaction the jobs ran in, which failed with err, and makes err
// the outcome of every one of them that had succeeded.
func (s *Store) abandon(ran []*writeJob, err error) {
	s.rollback()
	for _, j := range ran {
		if j.err == nil {
			j.err = fmt.Errorf("rolled back with the transactions run beside it: %w", err)
		}
	}
}

// rollback ends the open transaction, if SQLite has not already, without the request's
// context, which may be what ended.
func (s *Store) rollback() {
	if err := s.wc.Exec("ROLLBACK").Error; err != nil {
		s.unsettled = true
	}
}
