package store

import (
	"context"
	"fmt"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"gorm.io/gorm"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// eventRow is one row of the events table (migration 00009).
type eventRow struct {
	ID        int64
	Kind      string
	DraftID   int64
	ActorID   int64
	SubjectID int64
	RefID     int64
	Action    string
	Stage     string
	Origin    string
	At        time.Time
}

func (eventRow) TableName() string { return "events" }

func (r eventRow) event(local bool) newsroom.Event {
	return newsroom.Event{ID: r.ID, Kind: newsroom.EventKind(r.Kind), DraftID: r.DraftID, ActorID: r.ActorID,
		SubjectID: r.SubjectID, Ref: r.RefID, Action: r.Action, Stage: newsroom.Stage(r.Stage), At: r.At, Local: local}
}

// events is a store's listeners and its place in the events table.
type events struct {
	// mu is held while events are delivered, so that each listener hears them one at a time,
	// a transaction's in the order it recorded them.
	mu        sync.Mutex
	listeners []func(newsroom.Event)
	// origin names this store in the rows it writes, so that CatchUp skips them.
	origin string
	// tail is held by CatchUp; seen is the last id it has read, valid once marked is set.
	tail   sync.Mutex
	seen   int64
	marked bool
	// current is when, by the store's clock in Unix nanoseconds, this store last knew of every
	// event committed until then (its last mark or complete CatchUp); 0 before the first.
	current atomic.Int64
}

// feedLag is how long after it last read the events table a store still trusts what it
// remembers of other servers' changes: a few of the scheduler's one-second tail intervals.
// Past it (the tail stalled, or never ran) remembered credentials are looked up again.
const feedLag = 5 * time.Second

// feedCurrent reports whether the store has read the events table within feedLag of now.
func (s *Store) feedCurrent(now time.Time) bool {
	at := s.events.current.Load()
	return at != 0 && now.Sub(time.Unix(0, at)) <= feedLag
}

// Subscribe registers fn to hear of every change: at once, after commit, for the changes this
// store makes, and through CatchUp for those other processes make. fn is called for one event
// at a time, on the goroutine that made the change, so it must return quickly, and must neither
// call Subscribe nor write through the store (that write's delivery would wait for this one):
// work that takes longer, or writes, belongs on a queue of fn's own. A panic in fn is logged
// and does not undo the change, which has committed.
func (s *Store) Subscribe(fn func(newsroom.Event)) {
	s.events.mu.Lock()
	defer s.events.mu.Unlock()
	s.events.listeners = append(s.events.listeners, fn)
}

func (s *Store) deliver(evs []newsroom.Event) {
	if len(evs) == 0 {
		return
	}
	s.events.mu.Lock()
	defer s.events.mu.Unlock()
	for _, e := range evs {
		for _, fn := range s.events.listeners {
			s.hear(fn, e)
		}
	}
}

// hear calls the listener fn with e, and logs a panic in it rather than let it fail a request
// whose change has already committed, or stop the scheduler.
func (s *Store) hear(fn func(newsroom.Event), e newsroom.Event) {
	defer func() {
		if r := recover(); r != nil {
			s.log.Error("an event listener panicked", "event", e.Kind, "id", e.ID, "panic", r, "stack", string(debug.Stack()))
		}
	}()
	fn(e)
}

// pendingKey is the context key under which tx keeps the events its transaction records.
type pendingKey struct{}

// pending collects the events of one transaction.
type pending struct{ events []newsroom.Event }

// record notes e as a change the transaction tx makes. tx writes it to the events table just
// before it commits, and delivers it once the commit has succeeded; a rollback drops it.
func record(tx *gorm.DB, e newsroom.Event) {
	p, ok := tx.Statement.Context.Value(pendingKey{}).(*pending)
	if !ok {
		panic("store: an event recorded outside Store.tx")
	}
	p.events = append(p.events, e)
}

// writeEvents inserts the events a transaction recorded, inside it, filling in their ids and
// time. On PostgreSQL it first takes a lock held until commit, so that event ids are given in
// the order their transactions commit and CatchUp, which reads by id, never passes over an
// event committed late under an earlier id. Taken last, it is held only for the inserts and
// the commit.
func (s *Store) writeEvents(tx *gorm.DB, evs []newsroom.Event) error {
	if len(evs) == 0 {
		return nil
	}
	if s.pg {
		if err := tx.Exec("SELECT pg_advisory_xact_lock(?)", eventsLock).Error; err != nil {
			return err
		}
	}
	now := s.clock()
	for start := 0; start < len(evs); start += eventBatch {
		if err := insertEvents(tx, evs[start:min(start+eventBatch, len(evs))], s.events.origin, now); err != nil {
			return err
		}
	}
	return nil
}

// eventBatch is how many events one statement inserts at most: a disabled user's desks are
// released in a few statements (see releaseDesks), and a statement a desk for their events
// would hold the writer for as long again.
const eventBatch = 100

// insertEvents inserts batch in one statement, run without GORM (see execRaw), and fills in
// their ids and time. The ids one INSERT gives its rows rise in the order of its VALUES, on
// SQLite (the next rowid) and on PostgreSQL (the sequence, read row by row under eventsLock),
// whatever order RETURNING lists them in.
func insertEvents(tx *gorm.DB, batch []newsroom.Event, origin string, now time.Time) error {
	args := make([]any, 0, 9*len(batch))
	for _, e := range batch {
		args = append(args, string(e.Kind), e.DraftID, e.ActorID, e.SubjectID, e.Ref, e.Action, string(e.Stage), origin, now)
	}
	query := insertEventsSQL + strings.Repeat(", (?, ?, ?, ?, ?, ?, ?, ?, ?)", len(batch))[2:] + " RETURNING id"
	rows, err := queryRaw(tx, query, args...)
	if err != nil {
		return err
	}
	ids, err := scanAll(rows, func(id *int64) error { return rows.Scan(id) })
	if err != nil {
		return err
	}
	if len(ids) != len(batch) {
		return fmt.Errorf("store: %d events inserted, %d ids returned", len(batch), len(ids))
	}
	slices.Sort(ids)
	for i := range batch {
		batch[i].ID, batch[i].At, batch[i].Local = ids[i], now, true
	}
	return nil
}

// insertEventsSQL, followed by a row of placeholders for each event, writes events.
const insertEventsSQL = "INSERT INTO events (kind, draft_id, actor_id, subject_id, ref_id, action, stage, origin, at) VALUES "

// eventsLock is the key of the PostgreSQL advisory lock that orders event ids (see writeEvents).
const eventsLock = 0x636f70796465736b // "copydesk"

// tailBatch is how many events CatchUp reads at a time.
const tailBatch = 500

// CatchUp delivers to the listeners, in order, the events other processes on the database have
// recorded since it last looked. The first call (or Migrate) only marks where the table ends.
// The scheduler calls it every tail interval, which bounds how long this process's caches can
// lag behind a change another server made.
func (s *Store) CatchUp(ctx context.Context) error {
	s.events.tail.Lock()
	defer s.events.tail.Unlock()
	if !s.events.marked {
		return s.markEvents(ctx)
	}
	now := s.clock()
	for {
		var rows []eventRow
		if err := s.read(ctx).Where("id > ?", s.events.seen).Order("id").Limit(tailBatch).Find(&rows).Error; err != nil {
			return internal("read events", err)
		}
		var theirs []newsroom.Event
		for _, r := range rows {
			if r.Origin != s.events.origin {
				theirs = append(theirs, r.event(false))
			}
			s.events.seen = r.ID
		}
		s.deliver(theirs)
		if len(rows) < tailBatch {
			s.events.current.Store(now.UnixNano())
			return nil
		}
	}
}

// markEvents sets CatchUp's place at the end of the events table, once: a store that is
// already catching up keeps its place. The caller holds tail.
func (s *Store) markEvents(ctx context.Context) error {
	if s.events.marked {
		return nil
	}
	now := s.clock()
	var last *int64
	if err := s.read(ctx).Model(&eventRow{}).Select("MAX(id)").Scan(&last).Error; err != nil {
		return internal("find the last event", err)
	}
	if last != nil {
		s.events.seen = *last
	}
	s.events.marked = true
	s.events.current.Store(now.UnixNano())
	return nil
}

// draftEvent is an event of kind about draft draftID, taken by actorID, leaving it in stage.
func draftEvent(kind newsroom.EventKind, draftID, actorID int64, action string, stage newsroom.Stage) newsroom.Event {
	return newsroom.Event{Kind: kind, DraftID: draftID, ActorID: actorID, Action: action, Stage: stage}
}

// about is e with Ref set to ref: the thread or quote e is about.
func about(e newsroom.Event, ref int64) newsroom.Event {
	e.Ref = ref
	return e
}

// userChanged is the event of actorID (0 for the operator) changing user subjectID.
func userChanged(actorID, subjectID int64, action string) newsroom.Event {
	return newsroom.Event{Kind: newsroom.EventUserChanged, ActorID: actorID, SubjectID: subjectID, Action: action}
}
