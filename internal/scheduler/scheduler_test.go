package scheduler_test

import (
	"context"
	"os"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"

	"github.com/copydesk/copydesk/internal/clock"
	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/scheduler"
	"github.com/copydesk/copydesk/internal/store"
	"github.com/copydesk/copydesk/internal/store/storetest"
)

// TestMain runs every test on SQLite, and again on PostgreSQL when COPYDESK_TEST_POSTGRES is set.
func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

// open opens and migrates a store on dsn with clk.
func open(t *testing.T, dsn string, clk clock.Clock) *store.Store {
	t.Helper()
	st, err := store.Open(dsn, store.Options{PasswordCost: bcrypt.MinCost, Clock: clk})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if _, err := st.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	return st
}

// approved makes a writer's whole piece and walks it to approved, and returns it and the
// editor's context.
func approved(t *testing.T, st *store.Store) (*newsroom.Draft, context.Context) {
	t.Helper()
	as := map[newsroom.Role]context.Context{}
	for _, r := range []newsroom.Role{newsroom.RoleWriter, newsroom.RoleFactChecker, newsroom.RoleEditor} {
		u, err := st.CreateUser(store.AsOperator(context.Background()), store.NewUser{Username: string(r), Role: r, Password: "pw-" + string(r) + "-staple"})
		if err != nil {
			t.Fatal(err)
		}
		as[r] = newsroom.WithUser(context.Background(), u)
	}
	d, err := st.CreateDraft(as[newsroom.RoleWriter], newsroom.Text{Title: "Due at nine", Byline: "W", Brief: "Brief.", Body: "One paragraph."})
	if err != nil {
		t.Fatal(err)
	}
	for _, step := range []struct {
		role   newsroom.Role
		action newsroom.Action
	}{{newsroom.RoleWriter, newsroom.ActionSubmit}, {newsroom.RoleFactChecker, newsroom.ActionClear}, {newsroom.RoleEditor, newsroom.ActionApprove}} {
		if _, err := st.Transition(as[step.role], d.ID, newsroom.TransitionRequest{Action: step.action}); err != nil {
			t.Fatalf("%s: %v", step.action, err)
		}
	}
	return d, as[newsroom.RoleEditor]
}

// heard returns a channel that receives st's events of kind.
func heard(st *store.Store, kind newsroom.EventKind) <-chan newsroom.Event {
	ch := make(chan newsroom.Event, 16)
	st.Subscribe(func(e newsroom.Event) {
		if e.Kind == kind {
			ch <- e
		}
	})
	return ch
}

// next waits for an event on ch; the real-time limit only guards against a hang.
func next(t *testing.T, ch <-chan newsroom.Event, what string) newsroom.Event {
	t.Helper()
	select {
	case e := <-ch:
		return e
	case <-time.After(10 * time.Second):
		t.Fatalf("%s: no event", what)
		return newsroom.Event{}
	}
}

// TestStartScheduler schedules a piece a minute ahead: the scheduler releases it once the
// clock has reached that time, and stopping the scheduler returns once it has stopped.
func TestStartScheduler(t *testing.T) {
	clk := clock.NewFake(time.Date(2025, 5, 7, 9, 0, 0, 0, time.UTC))
	st := open(t, storetest.DSN(t), clk)
	d, editor := approved(t, st)
	if _, err := st.Publish(editor, d.ID, clk.Now().Add(time.Minute), 0); err != nil {
		t.Fatal(err)
	}
	released := heard(st, newsroom.EventReleased)
	stop := scheduler.Start(st, scheduler.Config{Clock: clk, ReleaseEvery: time.Second})
	clk.Add(time.Minute)
	if e := next(t, released, "the scheduler releasing the piece"); e.DraftID != d.ID || !e.Local {
		t.Fatalf("released event %+v, want draft %d, local", e, d.ID)
	}
	done := make(chan struct{})
	go func() { stop(); close(done) }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("stopping the scheduler did not return")
	}
}

// TestSchedulerFollowsOtherStores changes a draft through another store on the same database,
// as another server would: once the tail interval comes round, the scheduler has this store
// deliver that store's event to its listeners, marked as not local.
func TestSchedulerFollowsOtherStores(t *testing.T) {
	clk := clock.NewFake(time.Date(2025, 5, 7, 9, 0, 0, 0, time.UTC))
	dsn := storetest.DSN(t)
	here, there := open(t, dsn, clk), open(t, dsn, clk)
	d, editor := approved(t, there)
	published := heard(here, newsroom.EventPublished)
	stop := scheduler.Start(here, scheduler.Config{Clock: clk, TailEvery: 100 * time.Millisecond})
	defer stop()
	if _, err := there.Publish(editor, d.ID, time.Time{}, 0); err != nil {
		t.Fatal(err)
	}
	clk.Add(100 * time.Millisecond)
	if e := next(t, published, "this store hearing of the other's publish"); e.DraftID != d.ID || e.Local || e.Action != "publish" {
		t.Fatalf("published event %+v, want draft %d, not local", e, d.ID)
	}
}

// TestSchedulerAsksForTheDigest: the digest job is asked once its interval has passed.
func TestSchedulerAsksForTheDigest(t *testing.T) {
	clk := clock.NewFake(time.Date(2025, 5, 7, 9, 0, 0, 0, time.UTC))
	st := open(t, storetest.DSN(t), clk)
	asked := make(chan struct{}, 1)
	stop := scheduler.Start(st, scheduler.Config{Clock: clk, Digest: func(context.Context) error { asked <- struct{}{}; return nil }})
	defer stop()
	clk.Add(time.Minute)
	select {
	case <-asked:
	case <-time.After(10 * time.Second):
		t.Fatal("the digest job was not asked after a minute")
	}
}

// TestSlowJobDoesNotStallTheTail: while the digest job is busy (sending a digest through a slow
// mail server can take minutes), this store still hears another store's publish at its next
// tail interval, so its pages follow the other server's, and still releases what falls due.
func TestSlowJobDoesNotStallTheTail(t *testing.T) {
	clk := clock.NewFake(time.Date(2025, 5, 7, 9, 0, 0, 0, time.UTC))
	dsn := storetest.DSN(t)
	here, there := open(t, dsn, clk), open(t, dsn, clk)
	d, editor := approved(t, there)
	published := heard(here, newsroom.EventPublished)
	busy, unblock := make(chan struct{}, 1), make(chan struct{})
	stop := scheduler.Start(here, scheduler.Config{Clock: clk, TailEvery: time.Second, DigestEvery: time.Second,
		Digest: func(context.Context) error {
			select {
			case busy <- struct{}{}:
			default:
			}
			<-unblock
			return nil
		}})
	defer stop()
	defer close(unblock) // before stop, which waits for the job
	clk.Add(time.Second)
	select {
	case <-busy:
	case <-time.After(10 * time.Second):
		t.Fatal("the digest job was not asked")
	}
	if _, err := there.Publish(editor, d.ID, time.Time{}, 0); err != nil {
		t.Fatal(err)
	}
	clk.Add(time.Second)
	if e := next(t, published, "this store hearing of the other's publish while the digest runs"); e.DraftID != d.ID {
		t.Fatalf("published event %+v, want draft %d", e, d.ID)
	}
}
